import { stringify } from 'csv-stringify/sync';
import { plainCell } from './format-cell.js';
import type { Row } from './rows.js';

/**
 * Spreadsheet-safe text: a text cell starting with = + - @ tab or CR would run as a
 * formula in Excel (CSV injection), so it gets a leading apostrophe. Figures are
 * Decimals, never text, so a negative balance stays a plain -123.45.
 */
export function neutraliseText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function renderCsv(columns: readonly string[], rows: readonly Row[]): string {
  const records = rows.map((row) => columns.map((column) => {
    const value = row[column];
    if (value === undefined) return '';
    return typeof value === 'string' ? neutraliseText(value) : plainCell(column, value);
  }));
  return stringify([columns as string[], ...records], { record_delimiter: 'unix' });
}
