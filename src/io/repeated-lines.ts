import { hasErrors, type Issue } from '../core/issue.js';
import { type ColumnSpec, CsvRow, readCsvTable } from './csv-table.js';
import type { Limits } from './limits.js';
import { mangledIn } from './normalise.js';
import { columnCountIssue, fitsHeader } from './row-width.js';

/**
 * A CSV whose lines repeat, read one distinct line at a time: a transitions history of 30,000
 * pupils over ten years is 380,000 lines but a few thousand distinct ones (a pupil's year is its
 * NCY, need and setting, twice), so each distinct line is parsed once and its value shared by
 * every line that repeats it. Only for plain files: one with a quote, garbled text, more rows
 * or longer cells than the limits allow returns undefined, for the full reader (csv-table.ts)
 * to read and report. A line whose cells are wrong is parsed again at each line that repeats it,
 * so every bad line is reported where it is.
 */
export function readRepeatedLines<T>(
  text: string,
  file: string,
  spec: ColumnSpec,
  limits: Limits,
  issues: Issue[],
  parse: (row: CsvRow, issues: Issue[]) => T | undefined,
): T[] | undefined {
  if (text.includes('"') || mangledIn(text) !== undefined) return undefined;
  const lines = text.split('\n');
  if (lines.length - 1 > limits.maxRows + 1) return undefined;
  const headerLine = (lines[0] ?? '').replace(/^\uFEFF/, '').replace(/\r$/, '');
  const header = readCsvTable(`${headerLine}\n`, file, spec, limits);
  issues.push(...header.issues);
  if (hasErrors(header.issues)) return [];
  const names = headerLine.split(',');
  const columns = new Map<string, number>();
  names.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    if (name !== '' && !columns.has(name)) columns.set(name, index);
  });
  const BLANK = Symbol('blank');
  const BAD = Symbol('bad');
  const seen = new Map<string, T | typeof BLANK | typeof BAD>();
  const values: T[] = [];
  for (let i = 1; i < lines.length; i += 1) {
    const raw = lines[i]!.endsWith('\r') ? lines[i]!.slice(0, -1) : lines[i]!;
    let value = seen.get(raw);
    if (value === BLANK) continue;
    if (value !== undefined && value !== BAD) {
      values.push(value);
      continue;
    }
    const fields = raw.split(',');
    if (fields.every((field) => field.trim() === '')) {
      seen.set(raw, BLANK);
      continue;
    }
    if (fields.some((field) => field.length > limits.maxFieldChars)) return undefined;
    if (!fitsHeader(fields, names.length)) {
      issues.push(columnCountIssue(fields.length, names.length, file, i + 1));
      seen.set(raw, BAD);
      continue;
    }
    const before = issues.length;
    const parsed = parse(new CsvRow(file, i + 1, fields, columns, names), issues);
    value = parsed === undefined || hasErrors(issues.slice(before)) ? BAD : parsed;
    seen.set(raw, value);
    if (value !== BAD) values.push(value);
  }
  return values;
}
