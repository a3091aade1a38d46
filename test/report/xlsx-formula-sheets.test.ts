import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { inProcess } from './in-process.js';

/** The sheets docs/reports.md says hold formulas: "(formula sheets: A, B, C)". */
function documented(): string[] {
  const doc = readFileSync(path.join(ROOT, 'docs/reports.md'), 'utf8').replace(/\s+/g, ' ');
  const listed = /\(formula sheets: ([^)]+)\)/.exec(doc);
  expect(listed, 'docs/reports.md names the sheets with formulas').not.toBeNull();
  return listed![1]!.split(', ');
}

describe("what the docs say of the workbook's formulas is what it holds", () => {
  it('the sheets with formulas are those docs/reports.md names, and the Summary holds values', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'highneeds-formulas-')), 'r.xlsx');
    expect((await inProcess(['report', 'fixtures/example', '--out', file, '--quiet'])).code).toBe(
      0,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
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
