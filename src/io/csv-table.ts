import { CsvError, parse } from 'csv-parse/sync';
import { error, type Issue, type Location } from '../core/issue.js';
import { matchKey } from './column-names.js';
import { readHeader, unusedColumns, writtenName } from './csv-header.js';
import { headerBelowIssue } from './header-below.js';
import { jsonForCsvIssue } from './json-for-csv.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { totalsDisagree } from './totals-disagree.js';
import { totalsRowColumns, totalsRowIssue } from './totals-row.js';
import { columnCountIssue, fitsHeader } from './row-width.js';
import { garbled, mangledIn, NormalisationLog } from './normalise.js';

export interface ColumnSpec {
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** Read a file another command wrote (an nff output) without warning about the columns not used, or about its own totals row (TOTALS_ROW). */
  readonly ignoreOthers?: boolean;
  /** The column saying how many a row stands for: without it each row is one (cohort.csv's count). */
  readonly countColumn?: string;
  /**
   * What a missing required column's hint says before the columns expected, by column, where the
   * header says more of why it is missing (a population by age: read-history-population.ts).
   */
  readonly missingHints?: Readonly<Record<string, string>>;
}

/** One data row: cell text by column name (trimmed), and where each cell is. */
export class CsvRow {
  constructor(
    readonly file: string,
    readonly line: number,
    private readonly fields: readonly string[],
    private readonly columns: ReadonlyMap<string, number>,
    /** The header as the file wrote it, for naming a column in messages (`label`). */
    private readonly header?: readonly string[],
  ) {}

  /** A column's field number: `columns` is keyed in lower case; a name as the docs spell it (newPlansGrowth) is found too. */
  private index(name: string): number | undefined {
    return this.columns.get(name) ?? this.columns.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.index(name) !== undefined;
  }

  get(name: string): string {
    const index = this.index(name);
    return index === undefined ? '' : (this.fields[index] ?? '').trim();
  }

  /** Every cell of the row, trimmed, in the file's order: its own columns too, which no reader reads. */
  cells(): readonly string[] {
    return this.fields.map((field) => field.trim());
  }

  /** Location of a cell: line, and column = the 1-based field number. */
  at(name?: string): Location {
    const index = name === undefined ? undefined : this.index(name);
    return { file: this.file, line: this.line, column: index === undefined ? 1 : index + 1 };
  }

  /** A column's name as the file's header wrote it ("Rate", not "rate"), for messages; else `name`. */
  label(name: string): string {
    const index = this.index(name);
    const written = index === undefined ? undefined : this.header?.[index];
    return (written === undefined ? '' : writtenName(written)) || name;
  }
}

export interface CsvTable {
  readonly file: string;
  readonly rows: CsvRow[];
  readonly issues: Issue[];
  /**
   * One area's rows of a national table with an area column: that area's code, which a row a
   * message asks to be added must begin with (a row added without it is for every area).
   */
  readonly area?: string;
  /**
   * The file's columns by field number, as read ('' where unnamed): a row a hint asks to be added
   * is written in the file's order, every column filled (exampleRow). Absent when the header
   * could not be read.
   */
  readonly columnNames?: readonly string[];
}

/**
 * A row for a hint to add, its cells in the table's own order and as many as its header has, so
 * that it can be pasted in as it is: "N01,2025-26,opening_balance,<balance>" pasted into a
 * funding.csv with a note column was refused, four fields for five (found by a review of the
 * national hints). Without the header, the cells in the order given.
 */
export function exampleRow(table: CsvTable, cells: Readonly<Record<string, string>>): string {
  const names = table.columnNames;
  if (!names || Object.keys(cells).some((name) => !names.includes(name)))
    return Object.values(cells).join(',');
  return names.map((name) => cells[name] ?? '').join(',');
}

/**
 * How a CSV input is parsed by csv-parse (its `cast` off: cells stay text). In a text that holds a
 * CR, CR LF, LF and CR each end a line, wherever they are: left to itself csv-parse takes the first
 * line's ending as the file's, so a file saved from Excel (CR LF) with rows added by another
 * program (LF) ran those rows together into one too wide (found by a national trial), and a CR LF
 * line in a file that begins LF left a CR after its last cell. A text without a CR has LF endings
 * only, which csv-parse finds itself, and a sixth faster than with three to look for (the
 * national cohort's 640,000 lines). Made afresh for each parse: a parser keeps what it is given.
 */
export const csvOptions = (text: string) => ({
  bom: true,
  relax_column_count: true,
  skip_empty_lines: false,
  ...(text.includes('\r') ? { record_delimiter: ['\r\n', '\n', '\r'] } : {}),
});

/**
 * Reads a CSV with a header row. Cells stay strings (no casting, so no floats);
 * Excel's BOM and CRLF are accepted; blank rows and rows of empty cells are skipped.
 * Header names are matched ignoring case, spaces, underscores and hyphens (readHeader). Text a
 * spreadsheet garbled by reading UTF-8 as Windows-1252 ("Â£", "ï»¿" at the start) is an error in the header (read as it was meant,
 * so the columns still match) and a warning in a cell (TEXT_MANGLED).
 */
export function readCsvTable(
  text: string,
  file: string,
  spec: ColumnSpec,
  limits: Limits = DEFAULT_LIMITS,
): CsvTable {
  const issues: Issue[] = [];
  const json = jsonForCsvIssue(text, file);
  if (json) return { file, rows: [], issues: [json] };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // `to` stops parsing one record past the limit, so an oversized file is refused without being read whole.
    // Line numbers are counted here rather than with csv-parse's `info`, which costs more than
    // the parse itself on a national file; blank lines are kept by the parser so they count.
    const raw = parse(text, { ...csvOptions(text), to: limits.maxRows + 2 }) as string[][];
    records = withLineNumbers(raw);
  } catch (cause) {
    const quotes = cause instanceof CsvError ? quoting(text) : {};
    // csv-parse reports an unclosed quote where parsing ended (the last line), not where the quote opened.
    const unclosed =
      cause instanceof CsvError && cause.code === 'CSV_QUOTE_NOT_CLOSED'
        ? quotes.unclosedLine
        : undefined;
    const line =
      unclosed ??
      (cause instanceof CsvError ? (cause as CsvError & { lines?: number }).lines : undefined);
    const quote = unclosed === undefined ? misplacedQuote(cause, quotes.badCell) : undefined;
    const reason =
      unclosed !== undefined
        ? 'a quoted field opened on this line is never closed'
        : (quote?.reason ??
          (cause instanceof Error ? cause.message.replace(/^Invalid [^:]*: /, '') : String(cause)));
    issues.push(
      error('CSV_MALFORMED', `cannot read CSV: ${reason}`, {
        file,
        ...(line ? { line } : {}),
        ...(line && quote ? { column: quote.column } : {}),
      }),
    );
    return { file, rows: [], issues };
  }
  if (records.length > limits.maxRows + 1) {
    issues.push(
      error(
        'TOO_MANY_ROWS',
        `file has more than ${limits.maxRows} data rows`,
        { file, line: records[records.length - 1]!.info.lines },
        'split the file, or raise HIGHNEEDS_MAX_ROWS for this run',
      ),
    );
    return { file, rows: [], issues };
  }
  const [header, ...body] = records;
  if (!header) {
    for (const name of spec.required)
      issues.push(
        error('MISSING_COLUMN', `required column "${name}" is missing (the file is empty)`, {
          file,
          line: 1,
        }),
      );
    return { file, rows: [], issues };
  }
  const separated =
    otherSeparatorIssue(header.record, spec, file, header.info.lines) ??
    headerBelowIssue(
      { record: header.record, line: header.info.lines },
      body.map(({ record, info }) => ({ record, line: info.lines })),
      spec,
      file,
    );
  if (separated) {
    issues.push(separated);
    return { file, rows: [], issues };
  }
  const { columns, unused } = readHeader(header.record, header.info.lines, file, spec, issues);
  issues.push(
    ...unusedColumns(unused, (index) =>
      body.map(({ record, info }) => ({ text: record[index] ?? '', line: info.lines })),
    ),
  );
  if (mangledIn(text) !== undefined)
    mangledCells(
      body.map(({ record, info }) => ({ fields: record, line: info.lines })),
      header.record,
      file,
      issues,
    );
  const rows: CsvRow[] = [];
  for (const { record, info } of [header, ...body]) {
    const long = record.findIndex((field) => field.length > limits.maxFieldChars);
    if (long >= 0)
      issues.push(
        error(
          'FIELD_TOO_LONG',
          `cell has ${record[long]!.length} characters, over the limit of ${limits.maxFieldChars}`,
          { file, line: info.lines, column: long + 1 },
          'check for a missing closing quote, or raise HIGHNEEDS_MAX_FIELD_CHARS',
        ),
      );
  }
  if (issues.some((issue) => issue.code === 'FIELD_TOO_LONG')) return { file, rows: [], issues };
  const requiredAt = totalsRowColumns(spec, columns);
  // The last totals row, when no data row follows it: checked against the rows (TOTALS_DISAGREE).
  let lastTotals: { record: readonly string[]; line: number; issue: Issue } | undefined;
  const dataRecords: (readonly string[])[] = [];
  for (const { record, info } of body) {
    if (record.every((field) => field.trim() === '')) continue;
    const totals = totalsRowIssue(record, requiredAt, file, info.lines);
    if (totals) {
      issues.push(totals);
      lastTotals = { record, line: info.lines, issue: totals };
      continue;
    }
    lastTotals = undefined;
    if (!fitsHeader(record, header.record.length)) {
      issues.push(columnCountIssue(record, header.record.length, file, info.lines));
      continue;
    }
    dataRecords.push(record);
    rows.push(new CsvRow(file, info.lines, record, columns, header.record));
  }
  // A total the rows do not add up to is said in its place, once (its words say it is left out too).
  const disagree = lastTotals
    ? totalsDisagree(lastTotals, dataRecords, header.record, columns, file, spec.countColumn)
    : [];
  if (disagree.length) issues.splice(issues.indexOf(lastTotals!.issue), 1, ...disagree);
  const columnNames = header.record.map(() => '');
  for (const [name, index] of columns) columnNames[index] = name;
  return { file, rows, issues, columnNames };
}

/**
 * A warning per column holding garbled text, at its first cell (a header's own are errors, above).
 * Also for an area's rows of a national CSV (src/io/batch/area-source.ts), which reach it as records.
 */
export function mangledCells(
  records: Iterable<{ readonly fields: readonly string[]; readonly line: number }>,
  header: readonly string[],
  file: string,
  issues: Issue[],
): void {
  const log = new NormalisationLog();
  for (const { fields, line } of records) {
    fields.forEach((field, index) => {
      const mangled = mangledIn(field);
      if (mangled === undefined) return;
      const column = writtenName(header[index] ?? '') || `field ${index + 1}`;
      log.note('mangled', { file, line, column: index + 1 }, column, mangled, garbled(mangled));
    });
  }
  log.flush(issues);
}

/**
 * A quote where a CSV cell may not have one, in words and at its cell, for csv-parse's two
 * errors of the kind (its own words name its options, "trimable character (if activated)", and
 * count fields from 0: found by a user trial). The cell is shown as written: csv-parse names
 * only the character after a closing quote, and "followed by "."" for "1,600,000".00 or
 * "followed by "s"" for "main"stream left the user to find the rest (found by a review).
 */
function misplacedQuote(
  cause: unknown,
  cell: string | undefined,
): { reason: string; column: number } | undefined {
  if (!(cause instanceof CsvError)) return undefined;
  const column = ((cause as CsvError & { column?: number }).column ?? 0) + 1;
  const how =
    'quote the whole cell or none of it, and write a quote inside a quoted cell as two ("")';
  if (cause.code === 'CSV_INVALID_CLOSING_QUOTE') {
    // `[^]`, not `.`: what follows the quote may be a line break, which `.` does not match.
    const after = /got "([^]*?)" at line/.exec(cause.message)?.[1] ?? '';
    return {
      reason: cell
        ? `the cell ${cell} goes on after its closing quote; ${how}`
        : `a quoted cell is followed by ${JSON.stringify(after)} before the next comma; ${how}`,
      column,
    };
  }
  if (cause.code === 'INVALID_OPENING_QUOTE')
    return {
      reason: `${cell ? `the cell ${cell} holds` : 'a cell holds'} a quote but does not start with one; ${how}`,
      column,
    };
  return undefined;
}

/**
 * One walk over the text, quoted as RFC 4180 (and csv-parse) quote it: the line on which a quoted
 * cell that is never closed opens, and the first cell, as written, whose quotes are refused (a
 * quoted cell with more after its closing quote, or a quote in a cell that does not start with one).
 */
function quoting(text: string): { unclosedLine?: number; badCell?: string } {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let opened: number | undefined;
  let closed = false;
  let bad = false;
  let badCell: string | undefined;
  for (let i = start; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\n') line += 1;
    if (opened !== undefined) {
      if (char === '"' && text[i + 1] === '"') i += 1;
      else if (char === '"') [opened, closed] = [undefined, true];
      continue;
    }
    if (char === ',' || char === '\n' || char === '\r') {
      if (bad) badCell ??= text.slice(start, i);
      [start, closed, bad] = [i + 1, false, false];
      continue;
    }
    if (i === start && char === '"') opened = line;
    else if (closed || char === '"') bad = true;
  }
  if (bad) badCell ??= text.slice(start);
  return {
    ...(opened !== undefined ? { unclosedLine: opened } : {}),
    ...(badCell !== undefined ? { badCell } : {}),
  };
}

/** Each record with the line it starts on; blank lines are dropped after being counted. */
function withLineNumbers(
  raw: readonly string[][],
): { record: string[]; info: { lines: number } }[] {
  const records: { record: string[]; info: { lines: number } }[] = [];
  let line = 1;
  for (const record of raw) {
    const start = line;
    line += 1;
    // A quoted field may span lines; count the line ends inside it.
    for (const field of record)
      for (let at = field.indexOf('\n'); at >= 0; at = field.indexOf('\n', at + 1)) line += 1;
    if (record.length === 1 && record[0]!.trim() === '') continue;
    records.push({ record, info: { lines: start } });
  }
  return records;
}

/**
 * "tabs" or "semicolons" when a header read as one column is the table's columns joined by one
 * of them: a spreadsheet's "Text (Tab delimited)" or a continental "CSV" saved under a .csv name.
 * Read as one column named for them all, every required column was "missing" and that column
 * "may be it" (found by a user trial).
 */
function otherSeparator(header: readonly string[], spec: ColumnSpec): string | undefined {
  if (header.length !== 1) return undefined;
  const keys = new Set([...spec.required, ...spec.optional].map(matchKey));
  for (const [separator, name] of [
    ['\t', 'tabs'],
    [';', 'semicolons'],
  ] as const) {
    const names = header[0]!.split(separator);
    if (names.length > 1 && names.some((n) => keys.has(matchKey(n)))) return name;
  }
  return undefined;
}

/**
 * CSV_MALFORMED naming the separator, for a header of one column that is the table's columns
 * joined by tabs or semicolons (otherSeparator); a national model's tables read their header
 * apart (src/io/batch/rows-by-area.ts) and say the same.
 */
export function otherSeparatorIssue(
  header: readonly string[],
  spec: ColumnSpec,
  file: string,
  line: number,
): Issue | undefined {
  const separated = otherSeparator(header, spec);
  return separated
    ? error(
        'CSV_MALFORMED',
        `cannot read CSV: its columns are separated by ${separated}, not commas`,
        { file, line },
        'save it from the spreadsheet as "CSV UTF-8 (Comma delimited)"',
      )
    : undefined;
}
