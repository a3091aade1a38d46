import { CsvError, parse } from 'csv-parse/sync';
import { InternalError } from '../../core/errors.js';
import { error, type Issue } from '../../core/issue.js';
import { type ColumnSpec, readCsvTable, withLineNumbers } from '../csv-table.js';
import { grown } from '../typed-arrays.js';
import type { Limits } from '../limits.js';
import { FieldInterner, lineSpans, lineSpansFor, sameBytes, tallyLines } from './line-bytes.js';

/**
 * One area's rows of a national CSV, in a form that crosses to a worker thread cheaply, with the
 * line each record starts on. `lines`: the records' UTF-8 bytes joined by "\n", fields split at
 * "," (src/io/batch/line-bytes.ts); `json`: a JSON string[][] (files with quoted fields). With `tally`,
 * the worker folds identical records into one with a count as it decodes them.
 */
export type AreaRows =
  | {
      readonly encoding: 'lines';
      readonly bytes: Uint8Array;
      readonly lines: Float64Array;
      readonly tally?: true;
    }
  | {
      readonly encoding: 'json';
      readonly text: string;
      readonly lines: Float64Array;
      readonly tally?: true;
    };

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

const TABLE_LEVEL: ReadonlySet<string> = new Set([
  'CSV_MALFORMED',
  'MISSING_COLUMN',
  'TOO_MANY_ROWS',
  'FIELD_TOO_LONG',
]);

/**
 * Reads a national CSV from its bytes (UTF-8, checked by readInputBytes) and splits it by area.
 * With `tally`, the rows are marked for the worker to fold identical row texts into one with a
 * count (a pupil-level national cohort repeats a few hundred thousand distinct texts over its
 * rows), so a row costs a map lookup rather than a parse, and the lookups run in the workers, in
 * parallel, not here. A file without quotes is split on its bytes, in one pass that keeps no
 * per-row objects and makes no string of the whole file: each area's lines are copied together
 * and decoded once. One with quotes goes through csv-parse with the options of
 * src/io/csv-table.ts. Both give the same records (test/io/national-csv.test.ts).
 */
export function readNationalCsvBytes(
  bytes: Buffer,
  file: string,
  spec: ColumnSpec,
  limits: Limits,
  options: { tally: boolean },
): NationalCsv {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // A cohort's lines are some 30 bytes long: a guess that is rarely far under, so the lists seldom
  // grow; capped, so that a file near a raised size limit does not claim its lists' memory up front.
  const reader = new TableReader(
    file,
    spec,
    limits,
    options.tally,
    Math.min(Math.ceil(bytes.length / 24), 1 << 20),
  );
  const failed = simpleLines(bytes, start)
    ? scanLines(bytes, start, reader)
    : scanQuoted(bytes.toString('utf8', start), file, reader);
  if (failed)
    return { file, columns: [], issues: [failed], byArea: new Map(), rowCounts: new Map() };
  return reader.finish();
}

/** Uint8Array.prototype.indexOf, which Buffer overrides with a slower call for one byte. */
const indexOfByte = Uint8Array.prototype.indexOf;
const LF = 10;
const CR = 13;
const QUOTE = 0x22;
const COMMA = 0x2c;

/** True when the file has no quote and no line end but "\n" or "\r\n" used throughout: then csv-parse splits it at "," and line ends. */
function simpleLines(bytes: Buffer, start: number): boolean {
  if (bytes.includes(QUOTE, start)) return false;
  let crs = 0;
  for (let at = bytes.indexOf(CR, start); at >= 0; at = bytes.indexOf(CR, at + 1)) {
    if (bytes[at + 1] !== LF) return false;
    crs += 1;
  }
  if (crs === 0) return true;
  // csv-parse takes the first line end as the record delimiter: after a "\r\n", a bare "\n" is not
  // one, and after a bare "\n" a "\r" before a later one belongs to the line. Such files go to csv-parse.
  const first = bytes.indexOf(LF, start);
  if (bytes[first - 1] !== CR) return false;
  let lfs = 0;
  for (let at = first; at >= 0; at = bytes.indexOf(LF, at + 1)) lfs += 1;
  return lfs === crs;
}

/**
 * Lines without quotes: each non-blank line is a record, kept as where it starts and ends in the
 * bytes (a string per line, held until the end, would be copied by every collection of the young
 * generation on the way); only its area field, the header and an over-long line are decoded.
 * "\n" and "," are single bytes that never occur inside another character's UTF-8 bytes.
 */
function scanLines(bytes: Buffer, begin: number, reader: TableReader): undefined {
  let line = 0;
  const length = bytes.length;
  for (let start = begin; start < length;) {
    // The typed array's own indexOf, a V8 builtin: Buffer's is a call into Node's C++ per line.
    let end = indexOfByte.call(bytes, LF, start);
    if (end < 0) end = length;
    line += 1;
    const from = start;
    const to = end > start && bytes[end - 1] === CR ? end - 1 : end;
    start = end + 1;
    if (blankAt(bytes, from, to)) continue;
    if (!reader.line(bytes, from, to, line)) break;
  }
  return undefined;
}

/** blank() of the line's text, decoded only where its first byte does not settle it. */
function blankAt(bytes: Buffer, from: number, to: number): boolean {
  const first = from < to ? bytes[from]! : Number.NaN;
  return first > 32 && first < 127 ? false : blank(bytes.toString('utf8', from, to));
}

/** Empty or nothing but whitespace. Most texts start with a printable ASCII character, which settles it without trimming (and allocating). */
export const blank = (raw: string): boolean => {
  const first = raw.charCodeAt(0);
  return first > 32 && first < 127 ? false : raw.trim() === '';
};

/** Quoted fields: csv-parse, with line numbers counted as src/io/csv-table.ts counts them. */
function scanQuoted(text: string, file: string, reader: TableReader): Issue | undefined {
  let raw: string[][];
  try {
    raw = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (cause) {
    // The exact message (and the line of an unclosed quote) comes from readCsvTable.
    const table = readCsvTable(text, file, { required: [], optional: [] });
    return (
      table.issues.find((i) => i.code === 'CSV_MALFORMED') ??
      error(
        'CSV_MALFORMED',
        `cannot read CSV: ${cause instanceof CsvError ? cause.message : String(cause)}`,
        { file },
      )
    );
  }
  for (const { record, info } of withLineNumbers(raw))
    if (!reader.record(JSON.stringify(record), info.lines)) break;
  return undefined;
}

const fieldsOf = (key: string, encoding: AreaRows['encoding']): string[] =>
  encoding === 'lines' ? key.split(',') : (JSON.parse(key) as string[]);
/** The fields of a record: a JSON text (json), or the bytes from `from` to `to` of a line (lines). */
const fieldsAt = (
  source: string | Buffer,
  from: number,
  to: number,
  encoding: AreaRows['encoding'],
): string[] =>
  fieldsOf(typeof source === 'string' ? source : source.toString('utf8', from, to), encoding);
const quote = (field: string): string => `"${field.replace(/"/g, '""')}"`;

const KEEP = 1;
const SKIP = 0;
const STOP = -1;

/**
 * Numbers pushed one at a time into a typed array that grows: a national cohort's line starts,
 * ends and numbers are hundreds of thousands each, which as JS arrays the young generation would
 * copy as they grow, and which cross to a worker as one copy of bytes rather than number by number.
 */
class NumberList {
  private array: Float64Array;
  length = 0;

  constructor(capacity = 64) {
    this.array = new Float64Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.array.length) this.array = grown(this.array, this.array.length * 2);
    this.array[this.length] = value;
    this.length += 1;
  }

  /** The numbers pushed, a view on the list's own array (valid until the next push). */
  view(): Float64Array {
    return this.array.subarray(0, this.length);
  }
}

/**
 * An area's records: their texts (json), and where they are among the table's records (which
 * hold where each line starts and ends in the file's bytes, and its line number). A file that
 * lists each area's rows together gives each area one run of records, used where it lies.
 */
interface Group {
  readonly index: number;
  readonly keys: string[];
  count: number;
  /** The first and the last record's position among the table's. */
  first: number;
  last: number;
  /** True while the group's records follow one another in the table. */
  contiguous: boolean;
}

/** Takes a table's records one at a time: the header's checks, the limits, then each data record by area. */
class TableReader {
  private encoding: AreaRows['encoding'] = 'lines';
  private columns: string[] = [];
  private readonly issues: Issue[] = [];
  private areaIndex = -1;
  private count = 0;
  private stopped = false;
  private readonly groups = new Map<string, Group>();
  /** Every data record in file order: where its line starts and ends in the bytes (lines), its line number, and its group. */
  private readonly starts: NumberList;
  private readonly ends: NumberList;
  private readonly lineNumbers: NumberList;
  private readonly groupOf: NumberList;

  /** `expected`: about how many records the table has, so that the lists are made near that long at once. */
  constructor(
    private readonly file: string,
    private readonly spec: ColumnSpec,
    private readonly limits: Limits,
    private readonly tally: boolean,
    expected: number,
  ) {
    this.starts = new NumberList(expected);
    this.ends = new NumberList(expected);
    this.lineNumbers = new NumberList(expected);
    this.groupOf = new NumberList(expected);
  }

  /** The bytes the `lines` records are in. */
  private source: Buffer = Buffer.alloc(0);
  private readonly fields = new FieldReader();
  private lastArea = '';
  private lastGroup: Group | undefined;

  /** A record of a file with quotes, as its JSON text. False once the table cannot be read row by row. */
  record(key: string, line: number): boolean {
    const taken = this.accept(key, 0, key.length, line, 'json');
    if (taken !== KEEP) return taken === SKIP;
    const group = this.group(
      this.areaIndex < 0 ? '' : (fieldsOf(key, 'json')[this.areaIndex] ?? '').trim(),
    );
    group.keys.push(key);
    this.note(group, line);
    return true;
  }

  /** A line without quotes, bytes `from` to `to`. False once the table cannot be read row by row. */
  line(bytes: Buffer, from: number, to: number, line: number): boolean {
    this.source = bytes;
    const taken = this.accept(bytes, from, to, line, 'lines');
    if (taken !== KEEP) return taken === SKIP;
    const area = this.areaIndex < 0 ? '' : this.fields.nth(bytes, from, to, this.areaIndex).trim();
    // A file that lists each area's rows together asks for the same group line after line.
    if (area !== this.lastArea || this.lastGroup === undefined) {
      this.lastGroup = this.group(area);
      this.lastArea = area;
    }
    this.starts.push(from);
    this.ends.push(to);
    this.note(this.lastGroup, line);
    return true;
  }

  /** A data record of the group, at the next position. */
  private note(group: Group, line: number): void {
    const at = this.lineNumbers.length;
    this.lineNumbers.push(line);
    this.groupOf.push(group.index);
    if (group.count === 0) group.first = at;
    else if (group.last !== at - 1) group.contiguous = false;
    group.last = at;
    group.count += 1;
  }

  /**
   * The header's checks and the limits for a record (fieldsAt): KEEP a data record, SKIP the
   * header, or STOP reading the table. Its fields are split only for the header or a long record
   * (a line's length in bytes is at least its length in characters).
   */
  private accept(
    source: string | Buffer,
    from: number,
    to: number,
    line: number,
    encoding: AreaRows['encoding'],
  ): typeof KEEP | typeof SKIP | typeof STOP {
    this.count += 1;
    if (this.count === 1)
      return this.header(fieldsAt(source, from, to, encoding), line, encoding) ? SKIP : STOP;
    if (this.count > this.limits.maxRows + 1) {
      this.stop(
        error(
          'TOO_MANY_ROWS',
          `file has more than ${this.limits.maxRows} data rows`,
          { file: this.file, line },
          'split the file, or raise HIGHNEEDS_MAX_ROWS for this run',
        ),
      );
      return STOP;
    }
    return to - from <= this.limits.maxFieldChars ||
      this.fieldsFit(fieldsAt(source, from, to, encoding), line)
      ? KEEP
      : STOP;
  }

  finish(): NationalCsv {
    // An empty file: the header checks say which columns are missing.
    if (this.count === 0)
      this.issues.push(...readCsvTable('', this.file, this.spec, this.limits).issues);
    if (this.stopped || this.count === 0)
      return {
        file: this.file,
        columns: this.columns,
        issues: this.issues,
        byArea: new Map(),
        rowCounts: new Map(),
      };
    const byArea = new Map<string, AreaRows>();
    const rowCounts = new Map<string, number>();
    const positions = this.scattered();
    const numbers = this.lineNumbers.view();
    const starts = this.starts.view();
    const ends = this.ends.view();
    for (const [area, group] of this.groups) {
      const tally = this.tally ? { tally: true as const } : {};
      const at = positions.get(group);
      const pick = (all: Float64Array): Float64Array =>
        at
          ? Float64Array.from(at, (i) => all[i]!)
          : all.subarray(group.first, group.first + group.count);
      const lines = at ? pick(numbers) : numbers.slice(group.first, group.first + group.count);
      byArea.set(
        area,
        this.encoding === 'lines'
          ? {
              encoding: 'lines',
              bytes: linesOf(this.source, pick(starts), pick(ends)),
              lines,
              ...tally,
            }
          : { encoding: 'json', text: `[${group.keys.join(',')}]`, lines, ...tally },
      );
      rowCounts.set(area, group.count);
    }
    return { file: this.file, columns: this.columns, issues: this.issues, byArea, rowCounts };
  }

  /** The positions of the records of each group whose records do not follow one another, in one pass. */
  private scattered(): Map<Group, Int32Array> {
    const positions = new Map<Group, Int32Array>();
    const byIndex: (Int32Array | undefined)[] = [];
    for (const group of this.groups.values()) {
      if (group.contiguous) continue;
      const at = new Int32Array(group.count);
      positions.set(group, at);
      byIndex[group.index] = at;
    }
    if (positions.size === 0) return positions;
    const filled = new Int32Array(this.groups.size);
    const groupOf = this.groupOf.view();
    for (let i = 0; i < groupOf.length; i += 1) {
      const index = groupOf[i]!;
      const at = byIndex[index];
      if (at) at[filled[index]!++] = i;
    }
    return positions;
  }

  private header(fields: string[], line: number, encoding: AreaRows['encoding']): boolean {
    this.encoding = encoding;
    // The header is checked by readCsvTable itself, given the header alone on its line.
    const checked = readCsvTable(
      `${'\n'.repeat(line - 1)}${fields.map(quote).join(',')}\n`,
      this.file,
      this.spec,
      this.limits,
    );
    this.issues.push(...checked.issues);
    const seen = new Set<string>();
    this.columns = fields.map((raw) => {
      const name = raw.trim().toLowerCase();
      if (name === '' || seen.has(name)) return '';
      seen.add(name);
      return name;
    });
    this.areaIndex = this.columns.indexOf('area');
    if (checked.issues.some((issue) => TABLE_LEVEL.has(issue.code))) this.stopped = true;
    return !this.stopped;
  }

  private fieldsFit(fields: string[], line: number): boolean {
    const column = fields.findIndex((field) => field.length > this.limits.maxFieldChars);
    if (column < 0) return true;
    return this.stop(
      error(
        'FIELD_TOO_LONG',
        `cell has ${fields[column]!.length} characters, over the limit of ${this.limits.maxFieldChars}`,
        { file: this.file, line, column: column + 1 },
        'check for a missing closing quote, or raise HIGHNEEDS_MAX_FIELD_CHARS',
      ),
    );
  }

  private stop(issue: Issue): false {
    this.issues.push(issue);
    this.stopped = true;
    return false;
  }

  private group(area: string): Group {
    let group = this.groups.get(area);
    if (!group) {
      group = { index: this.groups.size, keys: [], count: 0, first: 0, last: 0, contiguous: true };
      this.groups.set(area, group);
    }
    return group;
  }
}

/**
 * An area's lines of `source`, joined by "\n", copied into bytes of their own (a view of the
 * file's bytes would carry all of them to the worker). Lines that follow one another in the file,
 * "\n" between them, are copied as one run: a file that lists each area's rows together is a
 * single copy per area.
 */
function linesOf(source: Buffer, starts: Float64Array, ends: Float64Array): Uint8Array {
  const count = starts.length;
  if (count === 0) return new Uint8Array(0);
  const runEnd = (i: number): number => {
    let j = i;
    while (j + 1 < count && starts[j + 1] === ends[j]! + 1 && source[ends[j]!] === LF) j += 1;
    return j;
  };
  let length = count - 1;
  for (let i = 0; i < count; i += 1) length += ends[i]! - starts[i]!;
  const joined = new Uint8Array(length);
  let at = 0;
  for (let i = 0; i < count;) {
    const last = runEnd(i);
    if (i > 0) joined[at++] = LF;
    joined.set(source.subarray(starts[i], ends[last]), at);
    at += ends[last]! - starts[i]!;
    i = last + 1;
  }
  return joined;
}

/**
 * The n-th comma-separated field of the line from `from` to `to` ('' past the end). A national
 * file usually lists an area's rows together, so a field with the bytes of the last one read is
 * that text again, found without decoding.
 */
class FieldReader {
  private lastBytes: Buffer | undefined;
  private lastFrom = 0;
  private lastTo = 0;
  private lastText = '';

  nth(bytes: Buffer, from: number, to: number, n: number): string {
    let start = from;
    for (let k = 0; k < n; k += 1) {
      while (start < to && bytes[start] !== COMMA) start += 1;
      if (start >= to) return '';
      start += 1;
    }
    let end = start;
    while (end < to && bytes[end] !== COMMA) end += 1;
    if (
      this.lastBytes === bytes &&
      end - start === this.lastTo - this.lastFrom &&
      sameBytes(bytes, start, bytes, this.lastFrom, end - start)
    )
      return this.lastText;
    this.lastBytes = bytes;
    this.lastFrom = start;
    this.lastTo = end;
    this.lastText = bytes.toString('utf8', start, end);
    return this.lastText;
  }
}

/** A record of a national CSV as decodeRows gives it: its fields, its line, and how many identical records it stands for. */
export interface DecodedRow {
  readonly fields: string[];
  readonly line: number;
  readonly repeats: number;
}

/**
 * The records of one area's rows (and the shared rows, merged in file order), ready for CsvRow;
 * rows marked `tally` folded, identical texts into the first with a count.
 */
export function decodeRows(...groups: (AreaRows | undefined)[]): DecodedRow[] {
  const present = groups.filter((group): group is AreaRows => group !== undefined);
  const tally = present.some((group) => group.tally === true);
  const lines = present.filter(
    (group): group is Extract<AreaRows, { encoding: 'lines' }> => group.encoding === 'lines',
  );
  // A table's groups come from one file, so are all of one encoding.
  return lines.length === present.length ? decodeLines(lines, tally) : decodeJson(present, tally);
}

function decodeLines(
  groups: readonly Extract<AreaRows, { encoding: 'lines' }>[],
  tally: boolean,
): DecodedRow[] {
  const total = groups.reduce((sum, group) => sum + group.lines.length, 0);
  const spans = lineSpansFor(total);
  const lineOf = new Int32Array(total);
  let at = 0;
  groups.forEach((group, g) => {
    if (group.lines.length === 0) return;
    const count = lineSpans(group.bytes, g, spans, at);
    if (count !== group.lines.length)
      throw new InternalError(
        `an area's rows have ${count} lines for ${group.lines.length} line numbers`,
      );
    lineOf.set(group.lines, at);
    at += count;
  });
  // In file order: one group is in order already; the shared rows merge with the area's by line.
  let order: Int32Array | undefined;
  if (groups.length > 1) {
    order = new Int32Array(total);
    for (let i = 0; i < total; i += 1) order[i] = i;
    order.sort((a, b) => lineOf[a]! - lineOf[b]!);
  }
  const sources = groups.map((group) => group.bytes);
  const { firsts, repeats, count } = tally
    ? tallyLines(sources, spans, total, order)
    : { firsts: order, repeats: undefined, count: total };
  const interner = new FieldInterner(decodeUtf8);
  const out: DecodedRow[] = new Array(count);
  for (let k = 0; k < count; k += 1) {
    const line = firsts ? firsts[k]! : k;
    out[k] = {
      fields: interner.fields(sources[spans.group[line]!]!, spans.start[line]!, spans.end[line]!),
      line: lineOf[line]!,
      repeats: repeats ? repeats[k]! : 1,
    };
  }
  return out;
}

const decodeUtf8 = (bytes: Uint8Array, from: number, to: number): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('utf8');

function decodeJson(groups: readonly AreaRows[], tally: boolean): DecodedRow[] {
  type Record = { fields: string[]; line: number; repeats: number };
  const out: Record[] = [];
  const first = tally ? new Map<string, Record>() : undefined;
  const texts = groups.flatMap((group) =>
    (group.encoding === 'json'
      ? (JSON.parse(group.text) as string[][]).map((fields) => JSON.stringify(fields))
      : []
    ).map((text, i) => ({ text, line: group.lines[i]! })),
  );
  if (groups.length > 1) texts.sort((a, b) => a.line - b.line);
  for (const { text, line } of texts) {
    const seen = first?.get(text);
    if (seen) {
      seen.repeats += 1;
      continue;
    }
    const record = { fields: JSON.parse(text) as string[], line, repeats: 1 };
    first?.set(text, record);
    out.push(record);
  }
  return out;
}
