import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
// The build of exceljs dist/ writes with (src/report/xlsx/write-workbook.ts), so that a worker loads
// one copy of the library, not two (its main entry costs some 0.25 s of CPU more; issue 18, item 5).
import ExcelJS from 'exceljs/dist/exceljs.min.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { inProcess } from './in-process.js';
import { csv, expectSame, longRows, printed } from './workbook-read.js';

/** fixtures/money-explain has spend.csv, deductions (computed and given), import/export and financing. */
const MODEL = 'fixtures/money-explain';
const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-money-report-'));
let workbook: ExcelJS.Workbook;
let html: string;

beforeAll(async () => {
  const xlsx = path.join(dir, 'money.xlsx');
  const page = path.join(dir, 'money.html');
  expect((await inProcess(['report', MODEL, '--out', xlsx, '--quiet'])).code).toBe(0);
  expect((await inProcess(['report', MODEL, '--out', page, '--quiet'])).code).toBe(0);
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(xlsx) as unknown as ExcelJS.Buffer);
  html = readFileSync(page, 'utf8');
}, 60_000);

/** The DSG plan's financial summary: each line's label → its figures by year (a formula's cached result). */
function planLines(): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  workbook.getWorksheet('DSG plan')!.eachRow((row) => {
    const label = String(row.getCell(1).value);
    if (lines.has(label)) return;
    const values = (row.values as ExcelJS.CellValue[])
      .slice(2)
      .map((v) =>
        typeof v === 'object' && v !== null && 'result' in v ? (v.result as number) : (v as number),
      );
    lines.set(label, values);
  });
  return lines;
}

describe('a report of a model with the money lines (spend.csv, deductions, import/export, financing)', () => {
  it('Summary and Settings equal project --format csv to the penny, money lines included', async () => {
    let checked = 0;
    for (const [name, extra] of [
      ['Summary', []],
      ['Settings', ['--detail']],
    ] as const) {
      const expected = await csv(['project', MODEL, ...extra]);
      checked += expectSame(longRows(workbook.getWorksheet(name)!), expected);
    }
    const summary = longRows(workbook.getWorksheet('Summary')!);
    for (const key of [
      'spend_other',
      'income_hnb_deductions',
      'income_import_export',
      'general_fund_financing',
    ])
      expect(
        summary.some((r) => typeof r[key] === 'number' && r[key] !== 0),
        key,
      ).toBe(true);
    expect(
      longRows(workbook.getWorksheet('Settings')!).some(
        (r) => typeof r['place_dfe'] === 'number' && r['place_dfe'] !== 0,
      ),
    ).toBe(true);
    expect(checked).toBeGreaterThan(50);
  });

  it('the DSG plan shows income and spend by line, and its positions are the projection’s every year', async () => {
    const summary = await csv(['project', MODEL]);
    const lines = planLines();
    const year = (key: string) => summary.map((r) => r[key]);
    const shown = (label: string) => lines.get(label)!.map(printed);
    expect(shown('High needs block allocation (before deductions)')).toEqual(year('income_hnb'));
    expect(shown('Deductions for places funded directly by the DfE')).toEqual(
      year('income_hnb_deductions'),
    );
    expect(shown('Import/export adjustment')).toEqual(year('income_import_export'));
    expect(shown('Total high-needs income')).toEqual(year('income_total'));
    expect(shown('Total high-needs spend')).toEqual(year('spend_total'));
    expect(shown('In-year position (income less spend)')).toEqual(year('in_year_balance'));
    expect(shown('Cumulative position carried forward')).toEqual(year('cumulative_balance'));
    expect(shown('Memo: general fund financing of the deficit (outside the DSG balance)')).toEqual(
      year('general_fund_financing'),
    );
    // Each spend.csv line by its s251 code, and they add up to spend_other.
    const detail = (await csv(['project', MODEL, '--detail'])).filter((r) => r['line']);
    const other = summary.map((r) =>
      detail
        .filter((d) => d['financial_year'] === r['financial_year'])
        .reduce((t, d) => t + Number(d['spend_other']), 0),
    );
    const fromPlan = summary.map((_, i) =>
      [...lines].filter(([label]) => /^1\.2\.\d+ /.test(label)).reduce((t, [, v]) => t + v[i]!, 0),
    );
    expect(fromPlan.map((v) => v.toFixed(2))).toEqual(other.map((v) => v.toFixed(2)));
    expect(year('spend_other')).toEqual(other.map((v) => v.toFixed(2)));
    expect([...lines.keys()]).toContain('1.2.8 hospital education');
  });

  it('the HTML has every summary line, financing labelled as outside the DSG balance', () => {
    for (const key of [
      'spend_other',
      'income_hnb_deductions',
      'income_import_export',
      'general_fund_financing',
      'cumulative_balance',
    ])
      expect(html).toContain(`(${key})`);
    expect(html).toContain('General fund financing of the deficit (outside the DSG balance)');
    expect(html).toContain('1.2.8 hospital education');
  });
});
