import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
// The build of exceljs dist/ writes with (src/report/xlsx/write-workbook.ts): one copy of the library.
import ExcelJS from 'exceljs/dist/exceljs.min.js';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { exampleReport } from '../helpers/example-report.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-report-warnings-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Found by a finance officer's trial: the HTML and XLSX reports carried none of the run's warnings,
 * so a report of a folder still holding init's examples looked as sound as any.
 */
describe("the report carries the run's warnings", () => {
  const model = path.join(scratch, 'from-init');
  const made = cli([
    'init',
    model,
    '--area',
    '880',
    '--name',
    'My Borough',
    '--base-year',
    '2025/26',
    '--quiet',
  ]);

  it('HTML: a Warnings section after the headline, each warning as validate says it', async () => {
    expect((await made).code).toBe(0);
    const out = path.join(scratch, 'report.html');
    const run = await cli(['report', model, '--out', out, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('warning TEMPLATE_ROWS');
    const page = readFileSync(out, 'utf8');
    const at = (id: string) => page.indexOf(`id="${id}"`);
    expect(at('warnings')).toBeGreaterThan(at('headline'));
    expect(page).toContain('<td>TEMPLATE_ROWS</td>');
    // Named from the model folder, as the report's inputs are: the same bytes from any folder.
    expect(page).toContain('cohort.csv:2');
    expect(page).not.toContain(scratch);
  });

  it('XLSX: a Warnings sheet after the Summary', async () => {
    expect((await made).code).toBe(0);
    const out = path.join(scratch, 'report.xlsx');
    expect((await cli(['report', model, '--out', out, '--quiet'])).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((sheet) => sheet.name).slice(0, 3)).toEqual([
      'Summary',
      'Warnings',
      'Settings',
    ]);
    const cells: string[] = [];
    book.getWorksheet('Warnings')!.eachRow((row) => {
      row.eachCell((cell) => cells.push(String(cell.value)));
    });
    expect(cells).toContain('TEMPLATE_ROWS');
    expect(cells).toContain('cohort.csv:2');
  });

  it('none when the run gave none: the shipped example has no Warnings section or sheet', async () => {
    const { run, html } = await exampleReport();
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(html).not.toContain('id="warnings"');
  });
});
