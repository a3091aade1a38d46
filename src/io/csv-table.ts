import { CsvError, parse } from 'csv-parse/sync';
import { error, warning, type Issue, type Location } from '../core/issue.js';
import {
  columnsByKey,
  countLike,
  matchKey,
  holdsName,
  nearMisses,
  readAs,
  slipsMatter,
} from './column-names.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { columnCountIssue, fitsHeader } from './row-width.js';
import { garbled, MANGLED_HINT, mangledIn, NormalisationLog, unmangle } from './normalise.js';

export interface ColumnSpec {
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** Read a file another command wrote (an nff output) without warning about the columns not used. */
  readonly ignoreOthers?: boolean;
  /** The column saying how many a row stands for: without it each row is one (cohort.csv's count). */
  readonly countColumn?: string;
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

/** A header cell as its file meant it: trimmed, garbled text read as it was meant, case kept. */
function writtenName(raw: string): string {
  return (mangledIn(raw) === undefined ? raw : unmangle(raw)).trim();
}

export interface CsvTable {
  readonly file: string;
  readonly rows: CsvRow[];
  readonly issues: Issue[];
}

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
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // `to` stops parsing one record past the limit, so an oversized file is refused without being read whole.
    // Line numbers are counted here rather than with csv-parse's `info`, which costs more than
    // the parse itself on a national file; blank lines are kept by the parser so they count.
    const raw = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      to: limits.maxRows + 2,
    }) as string[][];
    records = withLineNumbers(raw);
  } catch (cause) {
    // csv-parse reports an unclosed quote where parsing ended (the last line), not where the quote opened.
    const unclosed =
      cause instanceof CsvError && cause.code === 'CSV_QUOTE_NOT_CLOSED'
        ? unclosedQuoteLine(text)
        : undefined;
    const line =
      unclosed ??
      (cause instanceof CsvError ? (cause as CsvError & { lines?: number }).lines : undefined);
    const reason =
      unclosed !== undefined
        ? 'a quoted field opened on this line is never closed'
        : cause instanceof Error
          ? cause.message.replace(/^Invalid [^:]*: /, '')
          : String(cause);
    issues.push(
      error('CSV_MALFORMED', `cannot read CSV: ${reason}`, { file, ...(line ? { line } : {}) }),
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
  const separated = otherSeparator(header.record, spec);
  if (separated) {
    issues.push(
      error(
        'CSV_MALFORMED',
        `cannot read CSV: its columns are separated by ${separated}, not commas`,
        { file, line: header.info.lines },
        'save it from the spreadsheet as "CSV UTF-8 (Comma delimited)"',
      ),
    );
    return { file, rows: [], issues };
  }
  const columns = readHeader(header.record, header.info.lines, file, spec, issues);
  uncountedRows(spec, header.record, header.info.lines, file, issues, (index) =>
    body.map(({ record, info }) => ({ text: record[index] ?? '', line: info.lines })),
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
  for (const { record, info } of body) {
    if (record.every((field) => field.trim() === '')) continue;
    if (!fitsHeader(record, header.record.length)) {
      issues.push(columnCountIssue(record.length, header.record.length, file, info.lines));
      continue;
    }
    rows.push(new CsvRow(file, info.lines, record, columns, header.record));
  }
  return { file, rows, issues };
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
 * A header row's column names (lower case; a column of the table as its docs spell it, whatever
 * the case, spaces, underscores or hyphens: column-names.ts) by field number, with its problems:
 * garbled text, a column given twice, a column read under another name, a column not used (an
 * error when it looks like a slip for a missing column whose absence changes the figures:
 * slipsMatter), a required column missing (with the column that may be it). `national`: a table
 * of a national model (src/io/batch/rows-by-area.ts), whose header is read the same way.
 */
export function readHeader(
  header: readonly string[],
  line: number,
  file: string,
  spec: ColumnSpec,
  issues: Issue[],
  national = false,
): Map<string, number> {
  const columns = new Map<string, number>();
  // Matched in lower case; messages name a column as the file wrote it, hints as the docs spell it.
  const expected = [...spec.required, ...spec.optional];
  const byKey = columnsByKey(expected, national);
  const written = header.map(writtenName);
  const names = written.map((name) => byKey.get(matchKey(name)));
  const absent = expected.filter((name) => !names.includes(name));
  const matter = slipsMatter(national);
  /** The columns not read that may be each missing required column: said in its MISSING_COLUMN. */
  const mayBe = new Map<string, string[]>();
  written.forEach((name, index) => {
    const location = { file, line, column: index + 1 };
    const raw = header[index]!;
    const mangled = mangledIn(raw);
    if (mangled !== undefined)
      issues.push(
        error(
          'TEXT_MANGLED',
          `column name "${raw}" holds "${mangled}", which is ${garbled(mangled)} garbled by a wrong character set`,
          location,
          MANGLED_HINT,
        ),
      );
    if (name === '') return;
    const column = names[index];
    const key = (column ?? name).toLowerCase();
    // Read under another name than the one written (not only in another case).
    const renamed = column !== undefined && key !== name.toLowerCase();
    if (columns.has(key)) {
      const first = written[columns.get(key)!]!;
      issues.push(duplicateColumn(name, column, first, columns.get(key)!, location));
    } else {
      columns.set(key, index);
      if (renamed) issues.push(warning('COLUMN_NORMALISED', readAs(name, column!), location));
    }
    if (spec.ignoreOthers || column !== undefined) return;
    const meant = nearMisses(name, absent);
    const required = absent.filter(
      (target) =>
        spec.required.includes(target) && (meant.includes(target) || holdsName(name, target)),
    );
    if (required.length > 0) {
      // Said once, in the missing column's error.
      for (const target of required) mayBe.set(target, [...(mayBe.get(target) ?? []), name]);
      return;
    }
    const slips = meant.filter((target) => matter.has(target));
    issues.push(
      slips.length
        ? error(
            'UNREAD_COLUMN',
            `column "${name}" is not read: did you mean ${slips.join(' or ')}?`,
            location,
            `rename it ${slips.join(' or ')}, which the table does not have; if it is another column, give it a name less like ${slips.join(' or ')}`,
          )
        : warning(
            'UNKNOWN_COLUMN',
            `column "${name}" is not used and will be ignored`,
            location,
            `${meant.length ? `if it is ${meant.join(' or ')}, rename it so; ` : ''}expected columns: ${expected.join(', ')}`,
          ),
    );
  });
  for (const name of spec.required) {
    if (!columns.has(name.toLowerCase()))
      issues.push(
        error(
          'MISSING_COLUMN',
          `required column "${name}" is missing`,
          { file, line },
          `${
            mayBe.has(name)
              ? `column ${mayBe
                  .get(name)!
                  .map((w) => `"${w}"`)
                  .join(' or ')} may be it: rename it ${name}; `
              : ''
          }expected columns: ${spec.required.join(', ')}${spec.optional.length ? ` (optional: ${spec.optional.join(', ')})` : ''}`,
        ),
      );
  }
  return columns;
}

/**
 * A table read one row per pupil for want of its count column, with a column not used that holds
 * whole numbers above 1 ("Number of pupils", as the user trial found: 1,499 pupils for 2,662):
 * that column's UNKNOWN_COLUMN warning says what ignoring it does. Also for a national CSV
 * (src/io/batch/rows-by-area.ts), whose cells are given by `cells`.
 */
export function uncountedRows(
  spec: ColumnSpec,
  header: readonly string[],
  line: number,
  file: string,
  issues: Issue[],
  cells: (index: number) => Iterable<{ readonly text: string; readonly line: number }>,
): void {
  const count = spec.countColumn;
  if (count === undefined) return;
  const byKey = columnsByKey([...spec.required, ...spec.optional]);
  if (header.some((raw) => byKey.get(matchKey(writtenName(raw))) === count)) return;
  issues.forEach((issue, at) => {
    const where = issue.location;
    if (issue.code !== 'UNKNOWN_COLUMN' || where?.file !== file || where.line !== line) return;
    const index = (where.column ?? 0) - 1;
    const above = countLike(cells(index));
    if (above === undefined) return;
    const name = writtenName(header[index] ?? '');
    issues[at] = warning(
      'UNKNOWN_COLUMN',
      `column "${name}" is not used and will be ignored, so each row is one pupil; yet it holds whole numbers such as ${above.text} (line ${above.line})`,
      where,
      `if it is how many pupils a row stands for, name it ${count}`,
    );
  });
}

/** DUPLICATE_COLUMN: a column written twice, or twice under names read as the same column (area and area_code). */
function duplicateColumn(
  name: string,
  column: string | undefined,
  first: string,
  firstIndex: number,
  location: Location,
): Issue {
  return column === undefined || first.toLowerCase() === name.toLowerCase()
    ? error('DUPLICATE_COLUMN', `column "${name}" appears more than once`, location)
    : error(
        'DUPLICATE_COLUMN',
        `column "${name}" is read as ${column}, which column ${firstIndex + 1} ("${first}") is already`,
        location,
        'keep one of the two columns',
      );
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

/** The line on which a quoted field that is never closed opens (RFC 4180 quoting, as csv-parse reads it). */
function unclosedQuoteLine(text: string): number | undefined {
  let line = 1;
  let open: number | undefined;
  let fieldStart = true;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\n') line += 1;
    if (open !== undefined) {
      if (char === '"' && text[i + 1] === '"') i += 1;
      else if (char === '"') open = undefined;
      continue;
    }
    if (char === '"' && fieldStart) open = line;
    fieldStart = char === ',' || char === '\n' || char === '\r';
  }
  return open;
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
