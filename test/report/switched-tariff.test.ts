import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
// The build of exceljs dist/ writes with (src/report/xlsx/write-workbook.ts).
import ExcelJS from 'exceljs/dist/exceljs.min.js';
import { describe, expect, it } from 'vitest';
import { exampleWith } from '../helpers/example-with.js';
import { switchedTableModel } from '../helpers/switched-table-model.js';
import { asOnOneCore } from '../helpers/one-core.js';
import { inProcess } from './in-process.js';

// Threads are not what this file tests: its commands run on one (the reason is in the helper).
asOnOneCore();

/**
 * Found by an officer's trial: a scenario whose tariff lever switches settings to another table
 * is priced by that table from the lever's date, but the report's tariff section showed the
 * model's table alone, so the rates behind the plan's figures were nowhere in the report.
 */
describe('the report shows each table a scenario switches to', () => {
  it("after the model's tariff, with which scenario prices which settings by it from when, in the page and the workbook", async () => {
    const dir = switchedTableModel();
    const html = path.join(dir, 'report.html');
    const xlsx = path.join(dir, 'report.xlsx');
    expect((await inProcess(['report', dir, '--out', html, '--quiet'])).code).toBe(0);
    expect((await inProcess(['report', dir, '--out', xlsx, '--quiet'])).code).toBe(0);

    const page = readFileSync(html, 'utf8');
    const at = page.indexOf('<section id="tariff-switched-1">');
    expect(at).toBeGreaterThan(page.indexOf('<section id="tariff">'));
    const section = page.slice(at, page.indexOf('</section>', at));
    expect(section).toContain(
      '<h2>Tariff a scenario switches to: New bands from September 2026</h2>',
    );
    expect(section).toContain(
      'In place of the model&#39;s table: scenario &quot;Plan&quot; (lever new-table) prices mainstream and ap by it from 2026-09-01.',
    );
    // The other table's own rates, not the model's.
    expect(section).toContain('12,345.67');
    expect(page.slice(0, at)).not.toContain('12,345.67');
    // A table is shown once however many scenarios switch to it.
    expect(page.match(/id="tariff-switched-/g)).toHaveLength(1);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(xlsx) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Switched tariff 1');
    expect(sheet).toBeDefined();
    const texts: string[] = [];
    sheet!.eachRow((row) => row.eachCell((cell) => void texts.push(String(cell.value))));
    expect(texts.join('\n')).toContain('prices mainstream and ap by it from 2026-09-01');
    expect(texts).toContain('12345.67');
  });

  // Found by a review: N03 of the national fixture is priced by national-illustrative, the table
  // its national-tariff scenario switches to; the report showed it twice, the second time "in
  // place of the model's table".
  it("a switch to the model's own table is not shown again", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-switched-own-'));
    try {
      const page = (area: string) => path.join(dir, `${area}.html`);
      for (const area of ['N01', 'N03'])
        expect(
          (
            await inProcess([
              'report',
              'fixtures/national',
              '--area',
              area,
              '--out',
              page(area),
              '--quiet',
            ])
          ).code,
        ).toBe(0);
      expect(readFileSync(page('N01'), 'utf8')).toContain('<section id="tariff-switched-1">');
      const own = readFileSync(page('N03'), 'utf8');
      expect(own).toContain('<h2>Tariff: ILLUSTRATIVE national banding table');
      expect(own).not.toContain('tariff-switched-');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a report with no switch has no such section', async () => {
    const dir = exampleWith({});
    const html = path.join(dir, 'report.html');
    expect((await inProcess(['report', dir, '--out', html, '--quiet'])).code).toBe(0);
    expect(readFileSync(html, 'utf8')).not.toContain('tariff-switched-');
  });
});
