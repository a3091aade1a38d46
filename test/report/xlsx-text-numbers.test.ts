import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
// The build of exceljs dist/ writes with (src/report/xlsx/write-workbook.ts), so that a worker loads
// one copy of the library, not two (its main entry costs some 0.25 s of CPU more; issue 18, item 5).
import ExcelJS from 'exceljs/dist/exceljs.min.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcess } from './in-process.js';

// Found by reading the example's workbook back: the Tariff sheet's bands (1 … 5) and the Inputs
// sheet's draws and seed were text that looks like a number, which Excel flags on every cell
// ("Number stored as text"); a national report's area codes (880) would be flagged likewise.
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-xlsx-numbers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const workbook = new ExcelJS.Workbook();

beforeAll(async () => {
  const out = path.join(scratch, 'report.xlsx');
  const args = ['report', 'fixtures/example', '--draws', '20', '--seed', '3', '--out', out];
  expect((await inProcess([...args, '--quiet'])).code).toBe(0);
  await workbook.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
}, 60_000);

describe('no cell of the workbook is a whole number written as text', () => {
  it('anywhere in the workbook', () => {
    const flagged: string[] = [];
    for (const sheet of workbook.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string' && /^-?\d+(\.\d+)?$/.test(cell.value))
            flagged.push(`${sheet.name}!${cell.address} "${cell.value}"`);
        }),
      );
    expect(flagged).toEqual([]);
  });

  it('a band that is a whole number is a number, a band that is a word stays text', () => {
    const tariff = workbook.getWorksheet('Tariff')!;
    const bands: ExcelJS.CellValue[] = [];
    let column = 0;
    tariff.eachRow((row) => {
      if (row.getCell(2).value === 'Setting' && row.getCell(3).value === 'Band') column = 3;
      else if (column && row.getCell(1).value && row.getCell(column).value !== null)
        bands.push(row.getCell(column).value);
    });
    expect(bands).toContain(1);
    expect(bands).toContain(5);
    expect(bands).toContain('fee');
  });

  it("the Inputs sheet's draws and seed are numbers", () => {
    const inputs = workbook.getWorksheet('Inputs')!;
    const value = (item: string) => {
      let found: ExcelJS.CellValue = null;
      inputs.eachRow((row) => {
        if (row.getCell(1).value === item) found = row.getCell(2).value;
      });
      return found;
    };
    expect(value('Option draws')).toBe(20);
    expect(value('Option seed')).toBe(3);
  });
});
