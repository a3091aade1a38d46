import { csvText } from '../core/csv-text.js';
import { plainCell } from './format-cell.js';
import type { Row } from './rows.js';
import { neutraliseText } from '../core/spreadsheet-text.js';

export { neutraliseText } from '../core/spreadsheet-text.js';

export function renderCsv(columns: readonly string[], rows: readonly Row[]): string {
  const records = rows.map((row) =>
    columns.map((column) => {
      const value = row[column];
      if (value === undefined) return '';
      return typeof value === 'string' ? neutraliseText(value) : plainCell(column, value);
    }),
  );
  return csvText([columns, ...records]);
}

/** Rows whose cells are printed already (figures rounded, text made safe): only the CSV syntax is added. */
export function renderPrintedCsv(
  columns: readonly string[],
  rows: readonly Readonly<Record<string, string>>[],
): string {
  return csvText([columns, ...rows.map((row) => columns.map((column) => row[column] ?? ''))]);
}
