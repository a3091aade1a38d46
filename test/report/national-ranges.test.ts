import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
// The build of exceljs dist/ writes with (src/report/xlsx/write-workbook.ts), so that a worker loads
// one copy of the library, not two (its main entry costs some 0.25 s of CPU more; issue 18, item 5).
import ExcelJS from 'exceljs/dist/exceljs.min.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromium } from './chromium.js';
import { htmlTable } from './html-table.js';
import { inProcess } from './in-process.js';

/**
 * batch --draws --report: the national report's ranges are intervals.csv's figures of the same
 * run, read back from the HTML and the workbook (fixtures/national: four areas, three
 * scenarios, one area stopping a year early; 50 draws keep it cheap).
 */
const out = mkdtempSync(path.join(tmpdir(), 'highneeds-national-ranges-'));
const read = (name: string) =>
  parse(readFileSync(path.join(out, name), 'utf8'), { columns: true }) as Record<string, string>[];
let intervals: Record<string, string>[];
let national: Record<string, string>[];
let html: string;

/** batch --draws of fixtures/national on one thread into `dir`, its report beside the CSVs. */
const drawn = (dir: string, ...options: string[]) =>
  inProcess([
    ...['batch', 'fixtures/national', '--out-dir', dir, '--report', dir],
    ...[...options, '--jobs', '1', '--quiet'],
  ]);

beforeAll(async () => {
  const run = await drawn(out, '--draws', '50', '--seed', '3');
  expect(run.code, run.stderr).toBe(0);
  intervals = read('intervals.csv');
  national = read('national.csv');
  html = readFileSync(path.join(out, 'national-report.html'), 'utf8');
}, 60_000);

/** An HTML figure as the CSV prints it: "-£1,234.56" → "-1234.56", "68.00%" → "0.6800". */
const plain = (cell: string) =>
  cell.endsWith('%')
    ? (Number(cell.slice(0, -1)) / 100).toFixed(4)
    : cell.replace(/[£,]/g, '').replace(/^-0\.00$/, '0.00');
const scenarios = () => [...new Set(national.map((r) => r['scenario']!))];
const LINES = [
  ['2.5th percentile', 'p2_5'],
  ['10th percentile', 'p10'],
  ['25th percentile', 'p25'],
  ['Median', 'p50'],
  ['75th percentile', 'p75'],
  ['90th percentile', 'p90'],
  ['97.5th percentile', 'p97_5'],
  ['Mean', 'mean'],
  ['Share of draws in deficit', 'p_deficit'],
] as const;

describe('batch --draws --report: the national ranges', { timeout: 60_000 }, () => {
  it('are the same bytes whatever --jobs', async () => {
    const two = path.join(out, 'two');
    const run = await inProcess([
      'batch',
      'fixtures/national',
      '--out-dir',
      two,
      '--report',
      two,
      '--draws',
      '50',
      '--seed',
      '3',
      '--jobs',
      '2',
      '--quiet',
    ]);
    expect(run.code, run.stderr).toBe(0);
    for (const name of ['national-report.html', 'national-report.xlsx'])
      expect(
        readFileSync(path.join(two, name)).equals(readFileSync(path.join(out, name))),
        name,
      ).toBe(true);
  });

  it("draws a fan per scenario, the projection marked, and its table is intervals.csv's national rows and national.csv's projection", () => {
    scenarios().forEach((scenario, i) => {
      // Three bands, the median and the projection.
      expect(html).toMatch(new RegExp(`id="chart-national-range-${i + 1}" data-series="5"`));
      for (const [measure, label] of [
        ['cumulative_balance', 'Cumulative DSG balance'],
        ['in_year_balance', 'In-year balance'],
      ] as const) {
        const rows = htmlTable(html, `${label}, national total under ${scenario}:`);
        const years = rows[0]!.slice(1);
        const mine = intervals.filter(
          (r) =>
            r['area_code'] === 'national' && r['scenario'] === scenario && r['measure'] === measure,
        );
        expect(years).toEqual(mine.map((r) => r['financial_year']));
        for (const [line, column] of LINES) {
          const row = rows.find((r) => r[0] === line)!;
          expect(row.slice(1).map(plain), `${scenario} ${measure} ${line}`).toEqual(
            mine.map((r) => r[column]),
          );
        }
        const projection = rows.find((r) => r[0] === 'Projection (national.csv)')!;
        expect(projection.slice(1).map(plain)).toEqual(
          years.map(
            (y) =>
              national.find((n) => n['scenario'] === scenario && n['financial_year'] === y)![
                measure
              ],
          ),
        );
      }
    });
    expect(html).toContain('From 50 simulated draws (seed 3)');
    expect(html).toContain('it is not a forecast guarantee');
  });

  it("lists the areas by their chance of a cumulative deficit at their horizon, highest first, with intervals.csv's figures", () => {
    for (const scenario of scenarios()) {
      const last = new Map<string, Record<string, string>>();
      for (const r of intervals)
        if (
          r['area_code'] !== 'national' &&
          r['scenario'] === scenario &&
          r['measure'] === 'cumulative_balance'
        )
          last.set(r['area_code']!, r);
      const rows = htmlTable(
        html,
        `Areas by chance of a cumulative deficit at their horizon, £: ${scenario}`,
      ).slice(1);
      expect(rows).toHaveLength(last.size);
      const shares = rows.map((r) => Number(plain(r[3]!)));
      expect(shares).toEqual([...shares].sort((a, b) => b - a));
      for (const [code, , year, share, p10, p50, p90] of rows) {
        const row = last.get(code!)!;
        expect(
          [year, share, p10, p50, p90].map((c) => plain(c!)),
          code,
        ).toEqual([row['financial_year'], row['p_deficit'], row['p10'], row['p50'], row['p90']]);
      }
      // fixtures/national's N04 stops at 2028-29, a year before the others.
      expect(rows.find((r) => r[0] === 'N04')![2]).toBe('2028-29');
    }
  });

  it('counts the areas more likely than not, and more than nine in ten, to be in deficit each year', () => {
    const counts = htmlTable(html, 'Number of areas by chance of a cumulative deficit, by year');
    const years = counts[0]!.slice(1);
    for (const scenario of scenarios())
      for (const share of [0.5, 0.9]) {
        const row = counts.find((r) => r[0] === `${scenario}: more than ${share * 100}% of draws`)!;
        const expected = years.map((y) =>
          String(
            intervals.filter(
              (r) =>
                r['area_code'] !== 'national' &&
                r['scenario'] === scenario &&
                r['financial_year'] === y &&
                r['measure'] === 'cumulative_balance' &&
                Number(r['p_deficit']) > share,
            ).length,
          ),
        );
        expect(row.slice(1), `${scenario} ${share}`).toEqual(expected);
      }
    // Not every count is nought: the test can tell a count from none.
    expect(counts.slice(1).some((r) => r.slice(1).some((c) => c !== '0'))).toBe(true);
    expect(html).toContain('Each area&#39;s share of its 50 draws (seed 3) ending a year');
  });

  // Found by an analyst's trial: with --draws 1 the section read "the 1 draws (seed 1) that end".
  it('one draw is "1 draw" in every section', async () => {
    const one = path.join(out, 'one-draw');
    const run = await drawn(one, '--draws', '1', '--scenarios', 'unmitigated');
    expect(run.code, run.stderr).toBe(0);
    const page = readFileSync(path.join(one, 'national-report.html'), 'utf8');
    expect(page).toContain('Each area&#39;s share of its 1 draw (seed 1) ending a year');
    expect(page).not.toMatch(/\b1 (simulated )?draws\b/);
  });

  it('the workbook\'s "Range of outcomes" sheet is intervals.csv, every row, as formatted numbers', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      readFileSync(path.join(out, 'national-report.xlsx')) as unknown as ExcelJS.Buffer,
    );
    const sheet = book.getWorksheet('Range of outcomes')!;
    const found = new Map<string, Record<string, ExcelJS.Cell>>();
    let keys: string[] = [];
    sheet.eachRow((row) => {
      const first = String(row.getCell(1).value);
      if (first === 'scenario' || first === 'area_code') {
        keys = (row.values as ExcelJS.CellValue[]).slice(1).map(String);
        return;
      }
      if (!keys.length || row.getCell(1).value === null) return;
      const cells = Object.fromEntries(keys.map((k, i) => [k, row.getCell(i + 1)]));
      if (!cells['measure']?.value) return;
      const area = cells['area_code'] ? String(cells['area_code'].value) : 'national';
      found.set(
        [area, cells['scenario']!.value, cells['financial_year']!.value, cells['measure'].value]
          .map(String)
          .join('|'),
        cells,
      );
    });
    expect(found.size).toBe(intervals.length);
    for (const row of intervals) {
      const key = [row['area_code'], row['scenario'], row['financial_year'], row['measure']];
      const cells = found.get(key.join('|'))!;
      expect(cells, key.join('|')).toBeDefined();
      for (const column of ['mean', 'p2_5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p97_5']) {
        const cell = cells[column]!;
        expect(typeof cell.value).toBe('number');
        expect((cell.value as number).toFixed(2).replace(/^-0\.00$/, '0.00')).toBe(row[column]);
        expect(cell.numFmt).toBe(row['measure'] === 'pupils_january' ? '#,##0.00' : '£#,##0.00');
      }
      if (row['p_deficit']) {
        expect((cells['p_deficit']!.value as number).toFixed(4)).toBe(row['p_deficit']);
        expect(cells['p_deficit']!.numFmt).toBe('0.00%');
      }
    }
    expect(book.getWorksheet('Chance of deficit')).toBeDefined();
  });
});

describe.skipIf(!CHROMIUM)(
  'the national ranges, opened in headless Chromium',
  { timeout: 120_000 },
  () => {
    it('parse with no console message, and the page built has each fan with its five series', () => {
      const run = chromium(path.join(out, 'national-report.html'), ['--dump-dom']);
      expect(run.status).toBe(0);
      expect(run.stderr.split('\n').filter((line) => line.includes(':CONSOLE'))).toEqual([]);
      scenarios().forEach((_, i) => {
        const svg = run.stdout.split(`id="chart-national-range-${i + 1}"`)[1]!.split('</svg>')[0]!;
        expect(svg.match(/<g class="series"/g), `fan ${i + 1}`).toHaveLength(5);
      });
    });
  },
);
