import type { Decimal } from 'decimal.js';
import { neutraliseText } from '../core/spreadsheet-text.js';
import { stringify } from 'csv-stringify/sync';
import { withThousands } from './format-cell.js';
import { jsonText, rawNumber, type JsonOut } from './json.js';

/** A flat record for the smaller commands (tariffs list/show/diff): text, or a figure already rounded to its text. */
export type RecordValue = string | { readonly figure: string } | undefined;
export type Record_ = Readonly<Record<string, RecordValue>>;

export const figure = (value: Decimal | undefined, places = 2): RecordValue => (value === undefined ? undefined : { figure: value.toFixed(places) });

/** Renders records as an aligned table, CSV (spreadsheet-safe) or JSON (exact number literals). */
export function renderRecords(format: 'table' | 'csv' | 'json', columns: readonly string[], rows: readonly Record_[]): string {
  if (format === 'json') return jsonText(rows.map((row) => Object.fromEntries(columns.map((c) => [c, jsonValue(row[c])]))) as JsonOut);
  if (format === 'csv') {
    return stringify([columns as string[], ...rows.map((row) => columns.map((c) => csvValue(row[c])))], { record_delimiter: 'unix' });
  }
  const cells = rows.map((row) => columns.map((c) => tableValue(row[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const numeric = columns.map((c) => rows.some((row) => typeof row[c] === 'object'));
  const line = (values: readonly string[]) => values.map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return `${[line(columns), ...cells.map(line)].join('\n')}\n`;
}

const jsonValue = (value: RecordValue): JsonOut => (value === undefined ? null : typeof value === 'string' ? value : rawNumber(value.figure));
const csvValue = (value: RecordValue): string => (value === undefined ? '' : typeof value === 'string' ? neutraliseText(value) : value.figure);
const tableValue = (value: RecordValue): string => (value === undefined ? '' : typeof value === 'string' ? value : withThousands(value.figure));
