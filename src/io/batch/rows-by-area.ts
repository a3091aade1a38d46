import { type Parser, parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { error, type Issue } from '../../core/issue.js';
import { readHeader, type UnusedColumns, unusedColumns } from '../csv-header.js';
import { type ColumnSpec, csvOptions, otherSeparatorIssue, readCsvTable } from '../csv-table.js';
import { headerBelowIssue, LINES_LOOKED_AT } from '../header-below.js';
import { rowsReadable } from '../input-reader.js';
import { mangledIn } from '../normalise.js';
import { isTotalLabel, totalsRowColumns, totalsRowIssue } from '../totals-row.js';
import type { Limits } from '../limits.js';
import { AreaRecords } from './area-records.js';

/** A record's tally key: its fields joined by NUL, or as JSON when a field of the file holds a NUL. */
const joinFields = (fields: readonly string[], json: boolean): string =>
  json ? JSON.stringify(fields) : fields.join('\0');

/** A national CSV read once and split by its `area` column ('' = rows without an area, for every area). */
export interface NationalCsv {
  readonly file: string;
  /** Header names (trimmed, lower case) by field number, '' where unnamed or repeated. */
  readonly columns: readonly string[];
  /** The header as written (case kept), for naming a column in messages. */
  readonly header: readonly string[];
  /** The header's line (1 unless blank lines come first). */
  readonly headerLine: number;
  /** Problems with the header or the whole table (rows are not read when one is an error). */
  readonly issues: readonly Issue[];
  /** Each area's records in file order; with `tally`, identical records folded into the first. */
  readonly byArea: ReadonlyMap<string, AreaRecords>;
  /** Data records by area, counting repeats. */
  readonly rowCounts: ReadonlyMap<string, number>;
  /** Whether the text holds anything a spreadsheet garbles (mangledIn): only then are an area's cells searched for it. */
  readonly mangled: boolean;
}

/**
 * Reads a national CSV with csv-parse, as readCsvTable reads a model folder's (same options, line
 * numbers, header checks and limits), and groups its records by area. With `tally`, identical
 * records of an area are folded into the first with a count, told apart by their fields joined
 * into one key: a pupil-level national cohort repeats about a third as many distinct records
 * over its rows, and each distinct one is then checked and sent to a worker once.
 */
export function readNationalCsv(
  text: string,
  file: string,
  spec: ColumnSpec,
  limits: Limits,
  options: NationalCsvOptions,
): NationalCsv {
  const reader = new NationalCsvReader(text, file, spec, limits, options);
  while (reader.step());
  return reader.result();
}

export interface NationalCsvOptions {
  readonly tally: boolean;
  /**
   * Called when the records move on from an area's to another's: in a file that lists each
   * area's rows together, that area is then read whole (`reopened` says which were not).
   */
  readonly onLeave?: (area: string) => void;
  /** Characters handed to csv-parse at a time (each slice ends at a line end). */
  readonly sliceChars?: number;
  /** Another code of an area (areas.csv's ons_code) → its code: the rows are grouped under the code. */
  readonly aliases?: ReadonlyMap<string, string>;
}

/**
 * About 128 KB, some 30 ms of csv-parse: the batch's main thread hears from its workers (and hands
 * them the next area) only between slices, so with 1 MB a worker waited up to a quarter second.
 */
const SLICE_CHARS = 1 << 17;

/**
 * A national CSV read a slice at a time through csv-parse's stream parser (which carries a
 * quoted field across slices), so that a caller can do other work between slices: the batch
 * hands each area to a worker as soon as its rows are read (src/io/batch/read-national.ts).
 */
export class NationalCsvReader {
  private readonly grouper: AreaGrouper;
  private readonly parser: Parser;
  private at = 0;
  private finished = false;
  private failed = false;

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly spec: ColumnSpec,
    private readonly limits: Limits,
    private readonly options: NationalCsvOptions,
  ) {
    this.grouper = new AreaGrouper(text, file, spec, limits, options);
    this.parser = parse(csvOptions(text));
    // A parse error marks the parser destroyed at once (step() checks); the event itself is not needed.
    this.parser.on('error', () => {});
  }

  /** Areas whose rows came back after other areas' rows: they were not whole when left. */
  get reopened(): ReadonlySet<string> {
    return this.grouper.reopened;
  }

  /** True once a row without an area (a row for every area) has been read. */
  get hasShared(): boolean {
    return this.grouper.hasShared;
  }

  /** Reads the next slice; false once the text is read, or reading it has stopped. */
  step(): boolean {
    if (this.finished) return false;
    const size = this.options.sliceChars ?? SLICE_CHARS;
    const lineEnd = this.text.indexOf('\n', this.at + size);
    const end = lineEnd < 0 ? this.text.length : lineEnd + 1;
    if (end > this.at) this.parser.write(this.text.slice(this.at, end));
    this.at = end;
    if (this.at >= this.text.length) this.parser.end();
    try {
      for (let record = this.parser.read(); record !== null; record = this.parser.read())
        this.grouper.take(record as string[]);
    } catch (cause) {
      if (cause !== STOP) throw cause;
      this.finished = true;
      return false;
    }
    // A parse error in a slice is set on `errored` at once, but the stream is destroyed only on the
    // next tick: checking `destroyed` alone took the rows before a bad quote in the last slice (all
    // of a small table) as the whole table, and dropped the rest without a word (a user trial).
    if (this.parser.destroyed || this.parser.errored) this.failed = true;
    this.finished = this.failed || this.at >= this.text.length;
    return !this.finished;
  }

  result(): NationalCsv {
    // readCsvTable says where and why (an unclosed quote's opening line).
    if (this.failed)
      return {
        file: this.file,
        columns: [],
        header: [],
        headerLine: 1,
        issues: readCsvTable(this.text, this.file, this.spec, this.limits).issues,
        byArea: new Map(),
        rowCounts: new Map(),
        mangled: false,
      };
    return this.grouper.result();
  }
}

/** An area's records so far, the first of each distinct text (when tallied), and its data rows. */
interface AreaRows {
  readonly records: AreaRecords;
  /**
   * Each distinct record's index in `records`, by its tally key (joinFields), while the area's
   * rows are read: dropped when they move on to another area's, and made again from the records
   * if the area's rows come back (seenOf).
   */
  seen: Map<string, number> | undefined;
  count: number;
}

const newAreaRows = (): AreaRows => ({
  records: new AreaRecords(),
  seen: undefined,
  count: 0,
});

/** Thrown by AreaGrouper once the table cannot be read row by row. */
const STOP = new Error('stop reading this table');

/**
 * Takes a national CSV's records one at a time, in the order csv-parse gives them, counting lines as
 * readCsvTable does (withLineNumbers): the header's checks, the limits, then each data record
 * into its area's list.
 */
class AreaGrouper {
  private line = 1;
  private columns: string[] | undefined;
  private headerRecord: string[] | undefined;
  private headerLine = 1;
  /** The header's columns not used: warned of once the rows are read (unusedColumns). */
  private unused: UnusedColumns | undefined;
  private readonly issues: Issue[] = [];
  private areaAt = -1;
  private count = 0;
  private readonly areas = new Map<string, AreaRows>();
  private lastArea: string | undefined;
  /** Whether the area cell of the rows being read is a total's label ("Total"): only then, and on a row without an area, is a totals row looked for. */
  private totalLabelled = false;
  /** The columns of which a totals row leaves one empty (totalsRowColumns). */
  private requiredAt: readonly number[] = [];
  private current: AreaRows = newAreaRows();
  /** Whether a field may hold a NUL: records' tally keys are then joined as JSON (joinFields). */
  private readonly json: boolean;
  /** Whether the file has a quote: only a quoted field can hold a line end. */
  private readonly quoted: boolean;
  readonly mangled: boolean;
  readonly reopened = new Set<string>();
  private readonly tally: boolean;
  private readonly onLeave: ((area: string) => void) | undefined;
  private readonly aliases: ReadonlyMap<string, string> | undefined;

  get hasShared(): boolean {
    return this.areas.has('');
  }

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly spec: ColumnSpec,
    private readonly limits: Limits,
    { tally, onLeave, aliases }: NationalCsvOptions,
  ) {
    this.tally = tally;
    this.onLeave = onLeave;
    this.aliases = aliases?.size ? aliases : undefined;
    this.json = text.includes('\0');
    this.quoted = text.includes('"');
    this.mangled = mangledIn(text) !== undefined;
  }

  take(record: string[]): void {
    const line = this.line;
    this.line += 1;
    // A quoted field may span lines; count the line ends inside it (a file without a quote has none).
    if (this.quoted)
      for (const field of record)
        for (let at = field.indexOf('\n'); at >= 0; at = field.indexOf('\n', at + 1))
          this.line += 1;
    if (record.length === 1 && record[0]!.trim() === '') return;
    // Tallied, the record's text is its key, and at least as long as its longest field: most
    // records need no more check. Untallied, no text is made (60,000 joins for new-plans.csv, read
    // before the first area is handed on): the fields are looked at themselves.
    const text = this.tally ? joinFields(record, this.json) : '';
    if (!this.tally || text.length > this.limits.maxFieldChars) {
      const long = record.findIndex((field) => field.length > this.limits.maxFieldChars);
      if (long >= 0) this.stop(tooLong(record, long, this.file, line, this.limits));
    }
    if (!this.columns) {
      this.header(record, line);
      return;
    }
    this.count += 1;
    if (this.count > this.limits.maxRows)
      this.stop(
        error(
          'TOO_MANY_ROWS',
          `file has more than ${this.limits.maxRows} data rows`,
          { file: this.file, line },
          'split the file, or raise HIGHNEEDS_MAX_ROWS for this run',
        ),
      );
    const written = this.areaAt < 0 ? '' : (record[this.areaAt] ?? '').trim();
    const area = this.aliases?.get(written) ?? written;
    // A spreadsheet's totals row, its label in the area cell ("Total,,,,2504") or in another with
    // the area's empty, is left out as a model folder's is (readCsvTable). Looked for only there:
    // an area's rows in a run cost one comparison more.
    const labelled = area === this.lastArea ? this.totalLabelled : isTotalLabel(area);
    if (area === '' || labelled) {
      const totals = totalsRowIssue(record, this.requiredAt, this.file, line);
      if (totals) {
        this.issues.push(totals);
        return;
      }
    }
    // A national file usually lists an area's rows together: the same rows line after line.
    if (area !== this.lastArea) this.switchTo(area, labelled);
    const rows = this.current;
    rows.count += 1;
    const seen = this.tally ? (rows.seen ??= this.seenOf(rows.records)) : undefined;
    const first = seen?.get(text);
    if (first !== undefined) rows.records.repeat(first);
    else {
      const added = rows.records.add(record, line);
      seen?.set(text, added);
    }
  }

  result(): NationalCsv {
    // An empty file: the header checks say which columns are missing.
    if (!this.columns)
      this.issues.push(...readCsvTable('', this.file, this.spec, this.limits).issues);
    const readable = rowsReadable(this.issues);
    const areas = readable ? [...this.areas] : [];
    // Made at each call, from the rows read so far: the batch asks for the result as each area's
    // rows end (src/io/batch/read-national.ts), and for the whole file at its end.
    const unused = this.unused
      ? unusedColumns(this.unused, readable ? (index) => this.cells(index) : undefined)
      : [];
    return {
      file: this.file,
      columns: this.columns ?? [],
      header: this.headerRecord ?? [],
      headerLine: this.headerLine,
      issues: [...this.issues, ...unused],
      byArea: new Map(areas.map(([area, rows]) => [area, rows.records])),
      rowCounts: new Map(areas.map(([area, rows]) => [area, rows.count])),
      mangled: this.mangled,
    };
  }

  /** A column's cells in every area's records (an area's in file order), for unusedColumns. */
  private *cells(index: number): Generator<{ text: string; line: number }> {
    for (const { records } of this.areas.values())
      for (let i = 0; i < records.length; i += 1)
        yield { text: records.field(i, index) ?? '', line: records.line(i) };
  }

  private header(record: string[], line: number): void {
    this.headerLine = line;
    // Columns joined by tabs or semicolons: said so, as a model folder's CSV is (found by a review);
    // column names below a title line too (src/io/header-below.ts), read ahead from the text.
    const separated =
      otherSeparatorIssue(record, this.spec, this.file, line) ??
      headerBelowIssue({ record, line }, () => this.linesBelow(line), this.spec, this.file);
    if (separated) {
      // The header was read: the table is not empty, it cannot be read.
      this.headerRecord = record;
      this.columns = record.map(() => '');
      this.stop(separated);
    }
    const { columns: byName, unused } = readHeader(
      record,
      line,
      this.file,
      this.spec,
      this.issues,
      true,
    );
    this.unused = unused;
    this.headerRecord = record;
    this.columns = record.map(() => '');
    for (const [name, index] of byName) this.columns[index] = name;
    this.areaAt = this.columns.indexOf('area');
    this.requiredAt = totalsRowColumns(this.spec, byName);
    if (!rowsReadable(this.issues)) throw STOP;
  }

  /**
   * The records of the lines after the header's, read from the text ahead of csv-parse's stream:
   * a few lines, asked for only when the header holds none of the required columns.
   */
  private linesBelow(line: number): { record: string[]; line: number }[] {
    let end = 0;
    for (let n = 0; n < line + LINES_LOOKED_AT && end >= 0; n += 1)
      end = this.text.indexOf('\n', end + (n > 0 ? 1 : 0));
    const head = end < 0 ? this.text : this.text.slice(0, end);
    try {
      const records: string[][] = parseSync(head, { ...csvOptions(head), relax_quotes: true });
      // A quote spanning lines moves a record's line; this is only a guess at where names are.
      return records.slice(line).map((record, i) => ({ record, line: line + 1 + i }));
    } catch {
      return [];
    }
  }

  private switchTo(area: string, labelled: boolean): void {
    this.totalLabelled = labelled;
    // The keys of an area left are a third of the main thread's heap by the end of a national
    // cohort (a string per distinct record), which every full garbage collection went over again.
    this.current.seen = undefined;
    if (this.lastArea !== undefined) this.onLeave?.(this.lastArea);
    this.lastArea = area;
    let rows = this.areas.get(area);
    if (rows) this.reopened.add(area);
    else {
      rows = newAreaRows();
      this.areas.set(area, rows);
    }
    this.current = rows;
  }

  /** The tally keys of records read before, for an area whose rows came back. */
  private seenOf(records: AreaRecords): Map<string, number> {
    const seen = new Map<string, number>();
    for (let i = 0; i < records.length; i += 1) {
      const key = joinFields(records.fields(i), this.json);
      if (!seen.has(key)) seen.set(key, i);
    }
    return seen;
  }

  private stop(issue: Issue): never {
    this.issues.push(issue);
    throw STOP;
  }
}

/** FIELD_TOO_LONG at the first cell over the limit (the rest would only repeat it). */
function tooLong(
  record: readonly string[],
  column: number,
  file: string,
  line: number,
  limits: Limits,
): Issue {
  return error(
    'FIELD_TOO_LONG',
    `cell has ${record[column]!.length} characters, over the limit of ${limits.maxFieldChars}`,
    { file, line, column: column + 1 },
    'check for a missing closing quote, or raise HIGHNEEDS_MAX_FIELD_CHARS',
  );
}
