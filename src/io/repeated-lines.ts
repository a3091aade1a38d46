import { hasErrors, type Issue } from '../core/issue.js';
import { type ColumnSpec, CsvRow, readCsvTable } from './csv-table.js';
import type { Limits } from './limits.js';
import { mangledIn, normalisations, type Recorded } from './normalise.js';
import { noteAgain } from './parsed-once.js';
import { columnCountIssue, fitsHeader } from './row-width.js';
import { totalsRowColumns, totalsRowIssue } from './totals-row.js';

/**
 * A CSV whose lines repeat, read one distinct line at a time: a transitions history of 30,000
 * pupils over ten years is 380,000 lines but a few thousand distinct ones (a pupil's year is its
 * NCY, need and setting, twice), so each distinct line is parsed once and its value shared by
 * every line that repeats it. Only for plain files: one with a quote, a line ended by CR alone, garbled text, more rows
 * or longer cells than the limits allow, or a header with errors, returns undefined, for the full
 * reader (csv-table.ts) to read and report. A line whose cells are wrong is parsed again at each line that repeats it,
 * so every bad line is reported where it is. What a line's parse normalised (a year name as an
 * NCY, a date as its year) is noted again at each line that repeats it, so that the warning counts
 * the cells, not the distinct lines (it said 39 cells of 181; found by a user trial).
 */
export function readRepeatedLines<T>(
  text: string,
  file: string,
  spec: ColumnSpec,
  limits: Limits,
  issues: Issue[],
  parse: (row: CsvRow, issues: Issue[]) => T | undefined,
): T[] | undefined {
  // A line ended by CR alone (an old Mac's CSV) is the full reader's, which splits at every ending.
  if (text.includes('"') || /\r(?!\n)/.test(text) || mangledIn(text) !== undefined)
    return undefined;
  const lines = text.split('\n');
  if (lines.length - 1 > limits.maxRows + 1) return undefined;
  const headerLine = (lines[0] ?? '').replace(/^\uFEFF/, '').replace(/\r$/, '');
  const header = readCsvTable(`${headerLine}\n`, file, spec, limits);
  // A header it cannot read is the full reader's, which sees the lines below it: column names
  // under an extract's title line were seven MISSING_COLUMNs here (an analyst's trial).
  if (hasErrors(header.issues)) return undefined;
  issues.push(...header.issues);
  const names = headerLine.split(',');
  // The columns as the full reader matched them ("Calendar Year" is calendar-year): matched here in
  // lower case alone, a header it said was read so gave every cell as empty (an analyst's trial).
  const columns = new Map<string, number>();
  header.columnNames?.forEach((name, index) => {
    if (name !== '' && !columns.has(name)) columns.set(name, index);
  });
  const requiredAt = totalsRowColumns(spec, columns);
  const BLANK = Symbol('blank');
  const BAD = Symbol('bad');
  const seen = new Map<string, T | typeof BLANK | typeof BAD>();
  /** The changes a distinct line's parse noted, by line, for the lines that repeat it. */
  const noted = new Map<string, readonly Recorded[]>();
  const log = normalisations(issues);
  const values: T[] = [];
  for (let i = 1; i < lines.length; i += 1) {
    const raw = lines[i]!.endsWith('\r') ? lines[i]!.slice(0, -1) : lines[i]!;
    let value = seen.get(raw);
    if (value === BLANK) continue;
    if (value !== undefined && value !== BAD) {
      const notes = noted.get(raw);
      if (notes) noteAgain(log, new CsvRow(file, i + 1, raw.split(','), columns, names), notes, 1);
      values.push(value);
      continue;
    }
    const fields = raw.split(',');
    if (fields.every((field) => field.trim() === '')) {
      seen.set(raw, BLANK);
      continue;
    }
    if (fields.some((field) => field.length > limits.maxFieldChars)) return undefined;
    // A spreadsheet's totals row is left out and said, as the full reader does.
    const totals = totalsRowIssue(fields, requiredAt, file, i + 1);
    if (totals) {
      issues.push(totals);
      seen.set(raw, BAD);
      continue;
    }
    if (!fitsHeader(fields, names.length)) {
      issues.push(columnCountIssue(fields, names.length, file, i + 1));
      seen.set(raw, BAD);
      continue;
    }
    const before = issues.length;
    const [parsed, notes] = log.record(() =>
      parse(new CsvRow(file, i + 1, fields, columns, names), issues),
    );
    value = parsed === undefined || hasErrors(issues.slice(before)) ? BAD : parsed;
    seen.set(raw, value);
    if (notes.length && value !== BAD) noted.set(raw, notes);
    if (value !== BAD) values.push(value);
  }
  return values;
}
