import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
// The build of exceljs dist/ writes with (src/report/xlsx/write-workbook.ts), so that a worker loads
// one copy of the library, not two (its main entry costs some 0.25 s of CPU more; issue 18, item 5).
import ExcelJS from 'exceljs/dist/exceljs.min.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlTable } from './html-table.js';
import { inProcess } from './in-process.js';
import { asOnOneCore } from '../helpers/one-core.js';

// Threads are not what this file tests: its commands run on one (the reason is in the helper).
asOnOneCore();

// A Schools Forum trial's source-honesty review of the report (the example's tariff is marked
// illustrative, built from published figures, and carries a 2% uplift of its own).
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-report-sources-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const html = path.join(scratch, 'report.html');
const xlsx = path.join(scratch, 'report.xlsx');
let page: string;
const workbook = new ExcelJS.Workbook();

/** Every text cell of a sheet, joined: what a reader of the sheet can see. */
const sheetText = (name: string): string => {
  const sheet = workbook.getWorksheet(name);
  expect(sheet, name).toBeDefined();
  const texts: string[] = [];
  sheet!.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === 'string') texts.push(cell.value);
    }),
  );
  return texts.join('\n');
};

beforeAll(async () => {
  const args = ['report', 'fixtures/example', '--draws', '20', '--seed', '3', '--quiet'];
  expect((await inProcess([...args, '--out', html])).code).toBe(0);
  expect((await inProcess([...args, '--out', xlsx])).code).toBe(0);
  page = readFileSync(html, 'utf8');
  await workbook.xlsx.load(readFileSync(xlsx) as unknown as ExcelJS.Buffer);
}, 120_000);

describe('the report says how each tariff figure is known, in the page and in the workbook', () => {
  it("the assumptions name the tariff's own uplift beside model.json's 0: the rates do rise 2% a year", () => {
    // It read "Tariff uplift a year, past the last sourced rate: 0 (model.json)" while every
    // rate rose 2% each 1 April from the tariff's own uplift.
    const row = htmlTable(page, 'Assumptions by scenario').find((r) =>
      r[0]!.startsWith('Tariff uplift'),
    )!;
    expect(row[0]).toBe(
      'Tariff uplift a year past the last sourced rate, each 1 April (on top of the tariff&#39;s own 2% a year)',
    );
    expect(sheetText('Assumptions')).toContain("on top of the tariff's own 2% a year");
  });

  it('the tariff section gives the uplift in words, and says a source beside a value that is not published does not state it', () => {
    expect(page).toContain('2% a year, each 1 April after the last dated row of each rate');
    expect(page).not.toContain('from 04-01');
    expect(page).toContain(
      'is what it was worked out from or set beside, not a document that states it',
    );
  });

  it("the workbook's Tariff sheet names the tariff, its statuses' meaning and its uplift, as the page does", () => {
    // The sheet had the tables alone: no title (so not "illustrative"), no statuses, no uplift.
    const text = sheetText('Tariff');
    expect(text).toContain(
      'Example Borough banded top-ups from April 2025 (illustrative, built from published figures)',
    );
    expect(text).toContain(
      'illustrative (made up to show the format or a policy idea; never a real rate)',
    );
    expect(text).toContain('2% a year, each 1 April after the last dated row of each rate');
  });

  it("the workbook's range of outcomes names the scenario it simulated", () => {
    expect(sheetText('Range of outcomes')).toContain(
      'Mitigated, plus fewer new plans across all needs (for goal-seek)',
    );
  });

  it("the DSG plan says its row names are the default map's reading of the template, not the DfE's wording", () => {
    const said =
      'not the published wording of the DfE: check them against your copy of the template';
    expect(page).toContain(said);
    expect(sheetText('DSG plan')).toContain(said);
  });
});

describe('the headline says what a sign means and where a figure comes from', () => {
  it('a deficit is said in words, not as a negative balance beside a positive deficit', () => {
    // It read "cumulative balance of -£38,256,392.30 at the end of 2030-31; a deficit of
    // £22,190,371.50 still open at the end of 2027-28": two signs for one kind of figure.
    expect(page).toContain(
      'Unmitigated: current trends continue (DBV): a cumulative deficit of £38,256,392.30 at the end of 2030-31;',
    );
    expect(page).not.toContain('cumulative balance of -£');
  });

  it('the headline table says a negative balance is a deficit, and names the command that takes a figure apart, in the page and the workbook', () => {
    const said = [
      'A negative balance is a deficit.',
      'highneeds explain MODEL --scenario demand-management --year 2030-31 --figure cumulative_balance',
    ];
    for (const text of said) {
      expect(page).toContain(text);
      expect(sheetText('Summary')).toContain(text);
    }
  });
});

describe('the savings by lever', () => {
  it('say their difference can be a penny from the difference of the printed balances', () => {
    // Mitigated less unmitigated in-year, 2027-28: -2,462,784.96 - -2,441,353.20 = -21,431.76
    // as printed; the table's difference, of the exact figures, is -21,431.77.
    const [head, ...rows] = htmlTable(
      page,
      'In-year balance improvement by lever, &quot;Mitigated: DBV workstreams&quot;',
    );
    const year = head!.indexOf('2027-28');
    expect(rows.find((r) => r[0] === 'Difference between the projections')![year]).toBe(
      '-£21,431.77',
    );
    expect(page).toContain(
      'it can differ by a penny from the difference of the two figures as printed',
    );
  });
});

describe('the breakdowns', () => {
  it('say which scenario they are of, and why that one', () => {
    expect(page).toContain(
      'This and the breakdowns and flows after it are of the plan: the last of the scenarios chosen (highneeds report --scenarios a,b chooses them, the plan last).',
    );
  });
});

describe('which way the signs run', () => {
  it('is said where the balances are first tabled, in the single-area and the national report', async () => {
    const said =
      'A negative balance is a deficit; the DfE’s deductions are negative, as they are taken off income.';
    expect(page).toContain(said);
    const out = path.join(scratch, 'national');
    const batch = `batch fixtures/national --out-dir ${out} --report ${out} --quiet`;
    const run = await inProcess(batch.split(' '));
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path.join(out, 'national-report.html'), 'utf8')).toContain(said);
  });
});

describe('the sources are links', () => {
  const address = 'https://www.devon.gov.uk/accesstoinformation/?p=11649';

  it('in the page, each source address is a link to itself', () => {
    expect(page).toContain(`<a href="${address}">${address}</a>`);
  });

  it('in the workbook, each source address is a hyperlink cell showing the address', () => {
    const found: ExcelJS.CellValue[] = [];
    workbook.getWorksheet('Tariff')!.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.text === address) found.push(cell.value);
      }),
    );
    expect(found).toEqual([{ text: address, hyperlink: address }]);
  });
});
