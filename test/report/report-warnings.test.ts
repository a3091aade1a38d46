import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * The national report (batch --report) likewise: it showed none of the batch's warnings, which
 * batch prints once with the areas they are of (left at the last stop).
 */
describe("the national report carries the batch's warnings", () => {
  const national = path.join(scratch, 'national');
  cpSync('fixtures/national', national, { recursive: true });
  // A count with a fraction in one area's row, and an areas.csv Excel saved in Windows-1252.
  const cohort = readFileSync(path.join(national, 'cohort.csv'), 'utf8');
  writeFileSync(
    path.join(national, 'cohort.csv'),
    cohort.replace('N02,15,ASD,special-maintained,3,1,', 'N02,15,ASD,special-maintained,3,2.5,'),
  );
  const areas = readFileSync(path.join(national, 'areas.csv'), 'utf8');
  // "–" is the byte 0x96 in Windows-1252, which latin1 writes from U+0096.
  writeFileSync(
    path.join(national, 'areas.csv'),
    areas.replace('Southbury', 'Southbury \u0096 North'),
    'latin1',
  );
  const report = path.join(scratch, 'national-report');
  const run = cli([
    'batch',
    national,
    '--out-dir',
    path.join(scratch, 'national-out'),
    '--report',
    report,
    '--quiet',
  ]);

  it('HTML: a Warnings section before the totals, each with the areas it is of', async () => {
    const result = await run;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('warning COUNT_NOT_WHOLE');
    expect(result.stderr).toContain('warning READ_AS_WINDOWS_1252');
    const page = readFileSync(path.join(report, 'national-report.html'), 'utf8');
    const at = (id: string) => page.indexOf(`id="${id}"`);
    expect(at('warnings')).toBeGreaterThan(0);
    expect(at('warnings')).toBeLessThan(at('national-balance'));
    expect(page).toContain('<td>COUNT_NOT_WHOLE</td>');
    expect(page).toContain('(area N02)');
    expect(page).toContain('<td>READ_AS_WINDOWS_1252</td>');
    expect(page).toContain('<th scope="row">areas.csv:3</th>');
    expect(page).not.toContain(scratch);
  });

  it('XLSX: a Warnings sheet after the areas', async () => {
    expect((await run).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      readFileSync(path.join(report, 'national-report.xlsx')) as unknown as ExcelJS.Buffer,
    );
    const names = book.worksheets.map((sheet) => sheet.name);
    expect(names.indexOf('Warnings')).toBe(names.indexOf('Areas') + 1);
    const cells: string[] = [];
    book.getWorksheet('Warnings')!.eachRow((line) => {
      line.eachCell((cell) => cells.push(String(cell.value)));
    });
    expect(cells).toEqual(expect.arrayContaining(['COUNT_NOT_WHOLE', 'READ_AS_WINDOWS_1252']));
  });

  it('none when the batch gave none', async () => {
    const clean = path.join(scratch, 'national-report-clean');
    const result = await cli([
      'batch',
      'fixtures/national',
      '--out-dir',
      path.join(scratch, 'clean-out'),
      '--report',
      clean,
      '--quiet',
    ]);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(readFileSync(path.join(clean, 'national-report.html'), 'utf8')).not.toContain(
      'id="warnings"',
    );
  });
});
