import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { inProcess } from './in-process.js';

/** Reading a report workbook back to compare it with the CSV outputs (test/report/*xlsx*). */

export async function csv(args: readonly string[]): Promise<Record<string, string>[]> {
  const run = await inProcess([...args, '--format', 'csv']);
  expect(run.code).toBe(0);
  return parse(run.stdout, { columns: true }) as Record<string, string>[];
}

/** A long sheet's table under its header row (the first cell "scenario"), as records of cell values. */
export function longRows(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  let header = 0;
  sheet.eachRow((row, n) => {
    if (!header && row.getCell(1).value === 'scenario') header = n;
  });
  const keys = (sheet.getRow(header).values as ExcelJS.CellValue[]).slice(1).map(String);
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  for (let n = header + 1; n <= sheet.rowCount; n += 1) {
    const values = (sheet.getRow(n).values as ExcelJS.CellValue[]).slice(1);
    if (values.length === 0 || values[0] === undefined || values[0] === null) break;
    rows.push(Object.fromEntries(keys.map((k, i) => [k, values[i]])));
  }
  return rows;
}

/** A figure cell as the CSV prints it: a real number (never text), to 2 dp. */
export function printed(value: ExcelJS.CellValue): string {
  expect(typeof value).toBe('number');
  const text = (value as number).toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}

export function expectSame(
  sheetRows: readonly Record<string, ExcelJS.CellValue>[],
  csvRows: readonly Record<string, string>[],
): number {
  expect(sheetRows.length).toBe(csvRows.length);
  let checked = 0;
  csvRows.forEach((row, i) => {
    for (const [key, text] of Object.entries(row)) {
      if (key === 'area_code' || key === 'area_name' || !(key in sheetRows[i]!)) continue;
      const cell = sheetRows[i]![key];
      if (/^-?\d+\.\d\d$/.test(text)) {
        expect(printed(cell), `${key} of row ${i + 1}`).toBe(text);
        checked += 1;
      } else expect(String(cell ?? ''), `${key} of row ${i + 1}`).toBe(text); // an empty cell is the CSV's empty field
    }
  });
  return checked;
}
