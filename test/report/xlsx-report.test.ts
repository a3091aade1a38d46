import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
// The build of exceljs dist/ writes with (src/report/xlsx/write-workbook.ts), so that a worker loads
// one copy of the library, not two (its main entry costs some 0.25 s of CPU more; issue 18, item 5).
import ExcelJS from 'exceljs/dist/exceljs.min.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/exec.js';
import { inProcess } from './in-process.js';
import { csv, expectSame, longRows, printed } from './workbook-read.js';

const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-xlsx-'));
const SCENARIOS = ['unmitigated', 'mitigated', 'safety-valve'];

let workbook: ExcelJS.Workbook;
const file = path.join(dir, 'report.xlsx');

beforeAll(async () => {
  const run = await inProcess([
    'report',
    'fixtures/example',
    '--scenarios',
    SCENARIOS.join(','),
    '--out',
    file,
    '--quiet',
  ]);
  expect(run.code).toBe(0);
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
}, 60_000);

describe('the workbook, read back, against the CSV outputs to the penny', () => {
  it('has the sheets the issue lists', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'Settings',
      'Needs',
      'Age groups',
      'Flows',
      'Scenarios',
      'Savings',
      'Safety Valve',
      'DSG plan',
      'Tariff',
      'Assumptions',
      'Inputs',
    ]);
  });

  it('Summary, Settings, Needs and Age groups: every figure of every scenario equals project --format csv', async () => {
    const sheets = [
      ['Summary', []],
      ['Settings', ['--detail']],
      ['Needs', ['--breakdown', 'need']],
      ['Age groups', ['--breakdown', 'age-group']],
    ] as const;
    let checked = 0;
    for (const [name, extra] of sheets) {
      const rows = longRows(workbook.getWorksheet(name)!);
      for (const id of SCENARIOS) {
        const expected = await csv(['project', 'fixtures/example', '--scenario', id, ...extra]);
        checked += expectSame(
          rows.filter((r) => r['scenario'] === id),
          expected,
        );
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('Scenarios equals compare --format csv', async () => {
    const expected = await csv(['compare', 'fixtures/example', '--scenarios', SCENARIOS.join(',')]);
    // Every money column, the underlying in-year balance included.
    expect(expectSame(longRows(workbook.getWorksheet('Scenarios')!), expected)).toBe(
      expected.length * 8,
    );
  });

  it('Savings: each lever and year equals compare --savings, and the totals are formulas over them', async () => {
    const expected = await csv([
      'compare',
      'fixtures/example',
      '--scenarios',
      SCENARIOS.join(','),
      '--savings',
    ]);
    const sheet = workbook.getWorksheet('Savings')!;
    const labels = new Map<string, number>();
    sheet.eachRow((row, n) => {
      if (!labels.has(String(row.getCell(1).value))) labels.set(String(row.getCell(1).value), n);
    });
    const mitigated = expected.filter((r) => r['scenario'] === 'mitigated');
    expect(mitigated.length).toBeGreaterThan(0);
    const years = [...new Set(mitigated.map((r) => r['financial_year']))];
    for (const r of mitigated) {
      const n = labels.get(r['label']!)!;
      expect(n, r['label']).toBeDefined();
      expect(printed(sheet.getRow(n).getCell(2 + years.indexOf(r['financial_year']!)).value)).toBe(
        r['balance_improvement'],
      );
    }
  });
});

/** The sheets docs/reports.md says hold formulas: "(formula sheets: A, B, C)". */
function documented(): string[] {
  const doc = readFileSync(path.join(ROOT, 'docs/reports.md'), 'utf8').replace(/\s+/g, ' ');
  const listed = /\(formula sheets: ([^)]+)\)/.exec(doc);
  expect(listed, 'docs/reports.md names the sheets with formulas').not.toBeNull();
  return listed![1]!.split(', ');
}

/*
 * What the docs say of the workbook's formulas is what it holds. Read from this file's workbook
 * rather than from a report of its own (issue 18, item 5: the suite's time): which sheets hold
 * formulas is a matter of the sheet, not of how many scenarios (with all four, the default, they
 * are the same three).
 */
describe("what the docs say of the workbook's formulas", () => {
  it('the sheets with formulas are those docs/reports.md names, and the Summary holds values', () => {
    const withFormulas = workbook.worksheets
      .filter((sheet) => {
        let found = false;
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            found ||= cell.type === ExcelJS.ValueType.Formula;
          }),
        );
        return found;
      })
      .map((sheet) => sheet.name);
    expect(withFormulas).toEqual(documented());
    // README says the same in a line; it must not claim totals as formulas everywhere.
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).not.toContain('with totals as formulas');
    expect(readme).toContain('Savings, Safety Valve and DSG plan sheets');
  });
});

/** Evaluates our formulas (SUM over a range, cells added and taken away) from the sheet's values. */
function evaluate(sheet: ExcelJS.Worksheet, formula: string): number {
  const value = (ref: string) => {
    const v = sheet.getCell(ref).value as number | { result: number } | null;
    return typeof v === 'number' ? v : v && typeof v === 'object' ? v.result : 0;
  };
  const sum = /^SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/.exec(formula);
  if (sum) {
    let total = 0;
    const [, c1, r1, c2, r2] = sum;
    if (c1 === c2) for (let r = Number(r1); r <= Number(r2); r += 1) total += value(`${c1}${r}`);
    else
      for (let c = c1!.charCodeAt(0); c <= c2!.charCodeAt(0); c += 1)
        total += value(`${String.fromCharCode(c)}${r1}`);
    return total;
  }
  const terms = formula.match(/[+-]?[A-Z]+\d+/g)!;
  expect(terms.join('')).toBe(formula);
  return terms.reduce(
    (t, term) =>
      term.startsWith('-') ? t - value(term.slice(1)) : t + value(term.replace('+', '')),
    0,
  );
}

describe('formulas and text', () => {
  it('every formula cell caches the value the formula gives, to the penny, and text is never a formula', () => {
    let formulas = 0;
    for (const sheet of workbook.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) {
            formulas += 1;
            expect(cell.formula).toMatch(
              /^(SUM\([A-Z]+\d+:[A-Z]+\d+\)|[+-]?[A-Z]+\d+([+-][A-Z]+\d+)*)$/,
            );
            expect(Math.abs(evaluate(sheet, cell.formula) - (cell.result as number))).toBeLessThan(
              0.005,
            );
          }
        }),
      );
    expect(formulas).toBeGreaterThan(100);
  });

  it("the DSG plan's cumulative position at the horizon is the projection's, within a penny a line", async () => {
    const sheet = workbook.getWorksheet('DSG plan')!;
    const summary = await csv(['project', 'fixtures/example']);
    const horizon = summary.at(-1)!;
    let found: number | undefined;
    sheet.eachRow((row) => {
      if (found === undefined && row.getCell(1).value === 'Cumulative position carried forward')
        found = (row.getCell(1 + summary.length).value as { result: number }).result;
    });
    expect(found).toBeDefined();
    expect(Math.abs(found! - Number(horizon['cumulative_balance']))).toBeLessThan(
      0.01 * 20 * summary.length,
    );
  });

  it("the DSG plan's underlying in-year position is the in-year position less the Safety Valve, write-off and local authority contributions rows, as formulas, and the summary's figure", async () => {
    const sheet = workbook.getWorksheet('DSG plan')!;
    const summary = await csv(['project', 'fixtures/example', '--scenario', 'safety-valve']);
    const label = (n: number) => String(sheet.getRow(n).getCell(1).value);
    let start = 0;
    sheet.eachRow((row, n) => {
      if (
        !start &&
        String(row.getCell(1).value).startsWith(
          'Financial summary, £: Mitigated, with a Safety Valve',
        )
      )
        start = n;
    });
    expect(start).toBeGreaterThan(0);
    const find = (text: string) => {
      let n = start;
      while (label(n) !== text) n += 1;
      return n;
    };
    const inYear = find('In-year position (income less spend)');
    const safetyValve = find('Safety Valve payments');
    const writeOff = find('Deficit write-off grant');
    // funding.csv's general fund contribution and the agreement's local contributions, in other income.
    const contributions = find('Memo: of which local authority contributions (la_contribution)');
    expect(label(inYear + 1)).toBe(
      'Underlying in-year position (before Safety Valve payments, the write-off grant and local authority contributions)',
    );
    summary.forEach((year, i) => {
      const column = String.fromCharCode(66 + i);
      const cell = sheet.getCell(`${column}${inYear + 1}`);
      expect(cell.formula).toBe(
        `${column}${inYear}-${column}${safetyValve}-${column}${writeOff}-${column}${contributions}`,
      );
      // Its cached value is the formula's (checked above for every formula) and, the plan's
      // lines each rounded, within a penny a line of the summary's figure.
      expect(
        Math.abs((cell.result as number) - Number(year['underlying_in_year_balance'])),
      ).toBeLessThan(0.01 * 20);
    });
    // The Summary sheet has the column, equal to the CSV's (checked for every column above).
    expect(longRows(workbook.getWorksheet('Summary')!)[0]).toHaveProperty(
      'underlying_in_year_balance',
    );
  });

  it('a scenario label written as a formula stays text', async () => {
    const scenarios = JSON.parse(readFileSync('fixtures/example/scenarios.json', 'utf8')) as {
      scenarios: { id: string; label: string }[];
    };
    scenarios.scenarios[0]!.label = '=HYPERLINK("http://example.com","click")';
    const own = path.join(dir, 'scenarios.json');
    writeFileSync(own, JSON.stringify(scenarios));
    const out = path.join(dir, 'injected.xlsx');
    // Two scenarios, the first the one with the label: it is written in every sheet it is with all
    // four (Summary, Savings, DSG plan, Assumptions; Savings needs a second scenario), at some
    // two-thirds of the cost (issue 18, item 5: the suite's time).
    expect(
      (
        await inProcess([
          'report',
          'fixtures/example',
          '--scenarios-file',
          own,
          '--scenarios',
          `${scenarios.scenarios[0]!.id},mitigated`,
          '--out',
          out,
          '--quiet',
        ])
      ).code,
    ).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    let seen = 0;
    for (const sheet of book.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (String(cell.value).includes('HYPERLINK')) {
            seen += 1;
            expect(cell.type).toBe(ExcelJS.ValueType.String);
          }
          if (cell.type === ExcelJS.ValueType.Formula)
            expect(cell.formula).not.toMatch(/HYPERLINK/);
        }),
      );
    expect(seen).toBeGreaterThan(0);
  });
});

describe('the same inputs give the same bytes', { timeout: 120_000 }, () => {
  it('in two runs, and in New York as in UTC', async () => {
    const args = ['report', 'fixtures/example', '--scenarios', SCENARIOS.join(','), '--quiet'];
    // A second run, in this process, in UTC (Node reads a TZ set at run time).
    const utc = path.join(dir, 'utc.xlsx');
    const zone = process.env['TZ'];
    process.env['TZ'] = 'UTC';
    try {
      expect((await inProcess([...args, '--out', utc])).code).toBe(0);
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
    expect(readFileSync(utc).equals(readFileSync(file))).toBe(true);
    // The built binary started in New York: no time zone read when a module loads either.
    const ny = path.join(dir, 'ny.xlsx');
    expect(runCli([...args, '--out', ny], { env: { TZ: 'America/New_York' } }).code).toBe(0);
    expect(readFileSync(ny).equals(readFileSync(utc))).toBe(true);
  });
});
