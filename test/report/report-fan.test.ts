import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
// The build of exceljs dist/ writes with (src/report/xlsx/write-workbook.ts), so that a worker loads
// one copy of the library, not two (its main entry costs some 0.25 s of CPU more; issue 18, item 5).
import ExcelJS from 'exceljs/dist/exceljs.min.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { inProcess } from './in-process.js';
import { csv, printed } from './workbook-read.js';

const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-fan-report-'));
/** The plan is the last scenario chosen: the one simulated. */
const ARGS = ['fixtures/example', '--scenarios', 'unmitigated,mitigated', '--draws', '40'];
const LABELS = {
  'Cumulative DSG balance': 'cumulative_balance',
  'In-year balance': 'in_year_balance',
  'Total high-needs spend': 'spend_total',
  'EHCPs in January': 'pupils_january',
} as const;
const FIGURES = ['p2_5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p97_5', 'mean', 'p_deficit'];

async function report(out: string, seed: string): Promise<Buffer> {
  const file = path.join(dir, out);
  expect(
    (await inProcess(['report', ...ARGS, '--seed', seed, '--out', file, '--quiet'])).code,
  ).toBe(0);
  return readFileSync(file);
}

let xlsx: Buffer;
let html: Buffer;
beforeAll(async () => {
  xlsx = await report('fan.xlsx', '7');
  html = await report('fan.html', '7');
}, 120_000);

/** The "Range of outcomes" sheet's rows as simulate's CSV prints them: measure and year → figures. */
async function sheetRows(bytes: Buffer): Promise<Map<string, Record<string, string>>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = book.getWorksheet('Range of outcomes');
  expect(sheet).toBeDefined();
  const rows = new Map<string, Record<string, string>>();
  let measure: string | undefined;
  sheet!.eachRow((row) => {
    const first = String(row.getCell(1).value);
    const title = Object.entries(LABELS).find(([label]) => first.startsWith(`${label}: `));
    if (title) measure = title[1];
    else if (measure && /^\d{4}-\d\d$/.test(first))
      rows.set(
        `${measure} ${first}`,
        Object.fromEntries(
          FIGURES.map((key, i) => {
            const value = row.getCell(2 + i).value;
            if (key !== 'p_deficit') return [key, printed(value)];
            // A share is a number (docs/reports.md: figures are numbers, not text), shown as a percentage.
            if (value === null || value === undefined) return [key, ''];
            expect(typeof value, 'p_deficit').toBe('number');
            expect(row.getCell(2 + i).numFmt).toBe('0.00%');
            return [key, (value as number).toFixed(4)];
          }),
        ),
      );
  });
  return rows;
}

describe('report --draws N --seed S: the range of outcomes of the plan scenario', () => {
  it('the workbook\'s "Range of outcomes" equals highneeds simulate --format csv to the penny', async () => {
    const expected = await csv([
      'simulate',
      'fixtures/example',
      '--scenario',
      'mitigated',
      '--draws',
      '40',
      '--seed',
      '7',
    ]);
    const rows = await sheetRows(xlsx);
    expect(rows.size).toBe(expected.length);
    for (const row of expected) {
      const shown = rows.get(`${row['measure']} ${row['financial_year']}`);
      expect(shown, `${row['measure']} ${row['financial_year']}`).toBeDefined();
      for (const key of FIGURES) expect(shown![key], `${row['measure']} ${key}`).toBe(row[key]);
    }
  });

  it('the HTML has the fan chart', () => {
    const page = html.toString('utf8');
    expect(page).toContain('id="chart-fan"');
    expect(page).toContain('over 40 simulated draws');
  });

  it('the same seed gives the same bytes; another seed, other figures', async () => {
    expect((await report('again.xlsx', '7')).equals(xlsx)).toBe(true);
    expect((await report('again.html', '7')).equals(html)).toBe(true);
    expect((await report('other.html', '8')).equals(html)).toBe(false);
  });

  it('--seed without --draws, or draws out of range, is a usage error (exit 2)', async () => {
    const out = path.join(dir, 'no.html');
    expect(
      (await inProcess(['report', 'fixtures/example', '--seed', '3', '--out', out])).code,
    ).toBe(2);
    expect(
      (await inProcess(['report', 'fixtures/example', '--draws', '0', '--out', out])).code,
    ).toBe(2);
  });
});
