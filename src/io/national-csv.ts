import { CsvError, parse } from 'csv-parse/sync';
import { error, type Issue } from '../core/issue.js';
import { type ColumnSpec, readCsvTable } from './csv-table.js';
import type { Limits } from './limits.js';

/**
 * One area's rows of a national CSV, in a form that crosses to a worker thread cheaply: the
 * records' texts as one string, with the line each starts on and, for a tallied file, how many
 * rows repeat it. `lines` encoding: records joined by "\n", fields split at ","; `json`: a JSON
 * string[][] (files with quoted fields).
 */
export interface AreaRows {
  readonly encoding: 'lines' | 'json';
  readonly text: string;
  readonly lines: readonly number[];
  /** Absent: every record once. */
  readonly repeats?: readonly number[];
}

/** A national CSV read once and split by its `area` column ('' = rows without an area, for every area). */
export interface NationalCsv {
  readonly file: string;
  /** Header names (trimmed, lower case) by field number, '' where unnamed or repeated. */
  readonly columns: readonly string[];
  /** Problems with the header or the whole table (rows are not read when one is an error). */
  readonly issues: readonly Issue[];
  readonly byArea: ReadonlyMap<string, AreaRows>;
  /** Data rows by area, counting repeats. */
  readonly rowCounts: ReadonlyMap<string, number>;
}

const TABLE_LEVEL: ReadonlySet<string> = new Set(['CSV_MALFORMED', 'MISSING_COLUMN', 'TOO_MANY_ROWS', 'FIELD_TOO_LONG']);

/**
 * Reads a national CSV and splits it by area. With `tally`, identical row texts are kept once
 * with a count (a pupil-level national cohort repeats a few hundred thousand distinct texts over
 * its rows), so a row costs a map lookup rather than a parse. A file without quotes is split
 * directly; one with quotes goes through csv-parse with the options of src/io/csv-table.ts, so
 * both give the same records (test/io/national-csv.test.ts).
 */
export function readNationalCsv(text: string, file: string, spec: ColumnSpec, limits: Limits, options: { tally: boolean }): NationalCsv {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records = simpleLines(body) ? splitLines(body) : parseRecords(body, file);
  if ('issue' in records) return empty(file, [records.issue]);
  if (records.count === 0) return { ...empty(file, []), issues: readCsvTable('', file, spec, limits).issues };
  // The header is checked by readCsvTable itself, given the header alone on its own line.
  const headerFields = records.fields(records.headerKey);
  const header = readCsvTable(`${'\n'.repeat(records.lineOfRecord(0) - 1)}${headerFields.map(quote).join(',')}\n`, file, spec, limits);
  const issues: Issue[] = [...header.issues];
  if (records.count > limits.maxRows + 1) {
    issues.push(error('TOO_MANY_ROWS', `file has more than ${limits.maxRows} data rows`, { file, line: records.lineOfRecord(limits.maxRows + 1) }, 'split the file, or raise HIGHNEEDS_MAX_ROWS for this run'));
  }
  const long = records.longField(limits.maxFieldChars);
  if (long) issues.push(error('FIELD_TOO_LONG', `cell has ${long.length} characters, over the limit of ${limits.maxFieldChars}`, { file, line: long.line, column: long.column }, 'check for a missing closing quote, or raise HIGHNEEDS_MAX_FIELD_CHARS'));
  const columns = headerColumns(headerFields);
  if (issues.some((issue) => TABLE_LEVEL.has(issue.code))) return { file, columns, issues, byArea: new Map(), rowCounts: new Map() };
  return { file, columns, issues, ...partition(records, columns.indexOf('area'), options.tally) };
}

interface Records {
  readonly encoding: 'lines' | 'json';
  /** Records including the header, blank lines already dropped. */
  readonly count: number;
  readonly headerKey: string;
  /** Calls back with each data record's text key and line, in file order. */
  each(visit: (key: string, line: number) => void): void;
  fields(key: string): string[];
  lineOfRecord(index: number): number;
  longField(limit: number): { line: number; column: number; length: number } | undefined;
}

/** True when the text has no quote and no line end but "\n" or "\r\n" used throughout: then csv-parse splits it at "," and line ends. */
function simpleLines(text: string): boolean {
  if (text.includes('"')) return false;
  if (!text.includes('\r')) return true;
  if (/\r(?!\n)/.test(text)) return false;
  // csv-parse takes the first line end as the record delimiter: after a "\r\n", a bare "\n" is not one.
  const first = text.indexOf('\n');
  return text[first - 1] !== '\r' || text.split('\r\n').length === text.split('\n').length;
}

function splitLines(text: string): Records | { issue: Issue } {
  const texts: string[] = [];
  const lines: number[] = [];
  let line = 0;
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line += 1;
    const raw = text.charCodeAt(end - 1) === 13 && end > start ? text.slice(start, end - 1) : text.slice(start, end);
    start = end + 1;
    if (raw.trim() === '') continue;
    texts.push(raw);
    lines.push(line);
  }
  return {
    encoding: 'lines',
    count: texts.length,
    headerKey: texts[0] ?? '',
    each(visit) { for (let i = 1; i < texts.length; i += 1) visit(texts[i]!, lines[i]!); },
    fields: (key) => key.split(','),
    lineOfRecord: (index) => lines[index] ?? line,
    longField(limit) {
      for (let i = 0; i < texts.length; i += 1) {
        if (texts[i]!.length <= limit) continue;
        const fields = texts[i]!.split(',');
        const column = fields.findIndex((field) => field.length > limit);
        if (column >= 0) return { line: lines[i]!, column: column + 1, length: fields[column]!.length };
      }
      return undefined;
    },
  };
}

/** Quoted fields: csv-parse, with line numbers counted as src/io/csv-table.ts counts them. */
function parseRecords(text: string, file: string): Records | { issue: Issue } {
  let raw: string[][];
  try {
    raw = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (cause) {
    // The exact message (and the line of an unclosed quote) comes from readCsvTable.
    const table = readCsvTable(text, file, { required: [], optional: [] });
    const issue = table.issues.find((i) => i.code === 'CSV_MALFORMED') ?? error('CSV_MALFORMED', `cannot read CSV: ${cause instanceof CsvError ? cause.message : String(cause)}`, { file });
    return { issue };
  }
  const records: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  for (const record of raw) {
    const start = line;
    line += 1;
    for (const field of record) for (let at = field.indexOf('\n'); at >= 0; at = field.indexOf('\n', at + 1)) line += 1;
    if (record.length === 1 && record[0]!.trim() === '') continue;
    records.push(record);
    lines.push(start);
  }
  const keys = records.map((record) => JSON.stringify(record));
  return {
    encoding: 'json',
    count: records.length,
    headerKey: keys[0] ?? '[]',
    each(visit) { for (let i = 1; i < keys.length; i += 1) visit(keys[i]!, lines[i]!); },
    fields: (key) => JSON.parse(key) as string[],
    lineOfRecord: (index) => lines[index] ?? line,
    longField(limit) {
      for (let i = 0; i < records.length; i += 1) {
        const column = records[i]!.findIndex((field) => field.length > limit);
        if (column >= 0) return { line: lines[i]!, column: column + 1, length: records[i]![column]!.length };
      }
      return undefined;
    },
  };
}

function headerColumns(fields: readonly string[]): string[] {
  const seen = new Set<string>();
  return fields.map((raw) => {
    const name = raw.trim().toLowerCase();
    if (name === '' || seen.has(name)) return '';
    seen.add(name);
    return name;
  });
}

interface Group {
  readonly keys: string[];
  readonly lines: number[];
  readonly repeats: number[];
  rows: number;
}

function partition(records: Records, areaIndex: number, tally: boolean): Pick<NationalCsv, 'byArea' | 'rowCounts'> {
  const groups = new Map<string, Group>();
  const add = (key: string, line: number, times: number) => {
    const area = areaIndex < 0 ? '' : (records.encoding === 'lines' ? nthField(key, areaIndex) : (records.fields(key)[areaIndex] ?? '')).trim();
    let group = groups.get(area);
    if (!group) {
      group = { keys: [], lines: [], repeats: [], rows: 0 };
      groups.set(area, group);
    }
    group.keys.push(key);
    group.lines.push(line);
    group.repeats.push(times);
    group.rows += times;
  };
  if (tally) {
    const seen = new Map<string, { line: number; times: number }>();
    records.each((key, line) => {
      const entry = seen.get(key);
      if (entry) entry.times += 1;
      else seen.set(key, { line, times: 1 });
    });
    for (const [key, { line, times }] of seen) add(key, line, times);
  } else records.each((key, line) => add(key, line, 1));
  const byArea = new Map<string, AreaRows>();
  const rowCounts = new Map<string, number>();
  for (const [area, group] of groups) {
    byArea.set(area, {
      encoding: records.encoding,
      text: records.encoding === 'lines' ? group.keys.join('\n') : `[${group.keys.join(',')}]`,
      lines: group.lines,
      ...(tally ? { repeats: group.repeats } : {}),
    });
    rowCounts.set(area, group.rows);
  }
  return { byArea, rowCounts };
}

const quote = (field: string): string => `"${field.replace(/"/g, '""')}"`;

/** The n-th comma-separated field of a line without quotes ('' past the end). */
function nthField(text: string, n: number): string {
  let start = 0;
  for (let k = 0; k < n; k += 1) {
    const comma = text.indexOf(',', start);
    if (comma < 0) return '';
    start = comma + 1;
  }
  const end = text.indexOf(',', start);
  return end < 0 ? text.slice(start) : text.slice(start, end);
}

function empty(file: string, issues: Issue[]): NationalCsv {
  return { file, columns: [], issues, byArea: new Map(), rowCounts: new Map() };
}

/** The records of one area's rows (and the shared rows, merged in file order), ready for CsvRow. */
export function decodeRows(...groups: (AreaRows | undefined)[]): { fields: string[]; line: number; repeats: number }[] {
  const out: { fields: string[]; line: number; repeats: number }[] = [];
  for (const group of groups) {
    if (!group) continue;
    const records = group.encoding === 'lines' ? group.text.split('\n').map((line) => line.split(',')) : (JSON.parse(group.text) as string[][]);
    records.forEach((fields, i) => out.push({ fields, line: group.lines[i]!, repeats: group.repeats?.[i] ?? 1 }));
  }
  return groups.filter(Boolean).length > 1 ? out.sort((a, b) => a.line - b.line) : out;
}
