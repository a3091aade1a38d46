import type { Decimal } from 'decimal.js';
import { toPlaces } from '../core/rounding.js';
import { neutraliseText } from '../core/spreadsheet-text.js';
import { csvText } from '../core/csv-text.js';
import { fitTable, type FitTable } from './fit-width.js';
import { withThousands } from '../core/thousands.js';
import { jsonText, rawNumber, type JsonOut } from './json.js';

/** A flat record for the smaller commands (tariffs list/show/diff): text, or a figure already rounded to its text. */
export type RecordValue = string | { readonly figure: string } | undefined;
export type Record_ = Readonly<Record<string, RecordValue>>;

export const figure = (value: Decimal | undefined, places = 2): RecordValue =>
  value === undefined ? undefined : { figure: toPlaces(value, places) };

/** A whole count (rows, settings, years) as a figure: a number in JSON, not the text "16" that sorts before "8". */
export const count = (value: number): RecordValue => ({ figure: String(value) });

/**
 * How a table fits a terminal: its width (none: one line per row, as wide as it needs) and the
 * columns that say what a row is, repeated in every block when the columns are split (src/report/fit-width.ts).
 */
export interface TableFit {
  readonly width?: number | undefined;
  readonly keys?: readonly string[];
}

/** Renders records as an aligned table, CSV (spreadsheet-safe) or JSON (exact number literals). */
export function renderRecords(
  format: 'table' | 'csv' | 'json',
  columns: readonly string[],
  rows: readonly Record_[],
  fit: TableFit = {},
): string {
  if (format === 'json')
    return jsonText(
      rows.map((row) => Object.fromEntries(columns.map((c) => [c, jsonValue(row[c])]))) as JsonOut,
    );
  if (format === 'csv') {
    return csvText([columns, ...rows.map((row) => columns.map((c) => csvValue(row[c])))]);
  }
  const table: FitTable = {
    columns: columns.map((c) => ({
      header: c,
      align: rows.some((row) => typeof row[c] === 'object') ? 'right' : 'left',
      key: fit.keys?.includes(c) ?? false,
    })),
    rows: rows.map((row) => columns.map((c) => tableValue(row[c]))),
  };
  return `${fitTable(table, fit.width).join('\n')}\n`;
}

const jsonValue = (value: RecordValue): JsonOut =>
  value === undefined ? null : typeof value === 'string' ? value : rawNumber(value.figure);
const csvValue = (value: RecordValue): string =>
  value === undefined ? '' : typeof value === 'string' ? neutraliseText(value) : value.figure;
const tableValue = (value: RecordValue): string =>
  value === undefined ? '' : typeof value === 'string' ? value : withThousands(value.figure);
