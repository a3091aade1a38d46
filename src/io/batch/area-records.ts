/** A record's fields, the line it starts on, and how many identical records it stands for. */
export interface FieldRecord {
  readonly fields: readonly string[];
  readonly line: number;
  readonly repeats: number;
}

/** Distinct field texts, numbered in the order first read. */
class FieldTexts {
  private readonly texts: string[] = [];
  private readonly codes = new Map<string, number>();

  code(text: string): number {
    let code = this.codes.get(text);
    if (code === undefined) {
      code = this.texts.length;
      this.texts.push(text);
      this.codes.set(text, code);
    }
    return code;
  }

  text(code: number): string {
    return this.texts[code]!;
  }

  all(): readonly string[] {
    return this.texts;
  }
}

/**
 * An area's records of one national table as the main thread keeps them: each record's fields as
 * numbers into the area's texts (FieldTexts), its line and how many identical records it stands
 * for, each in one flat array. An area's thousand-odd records repeat a few dozen texts (NCYs,
 * needs, settings, bands, costs), so no record needs an object or a string of its own, and the
 * records cross to a worker as they are (WireRecords). Sent instead as one joined text per record,
 * split again by the worker, the split was a fifth of building the areas' models: this way took
 * building the 153 areas from about 700 to about 400 ms warm (A/B in turn, commit 656761a).
 */
export class AreaRecords {
  private readonly texts = new FieldTexts();
  /** Every record's fields in turn, as numbers into `texts`; record i's end at `ends[i]`. */
  private readonly codes: number[] = [];
  private readonly ends: number[] = [];
  private readonly lines: number[] = [];
  private readonly repeats: number[] = [];

  get length(): number {
    return this.lines.length;
  }

  /** Adds a record, standing for `repeats` identical records (itself once by default); its index. */
  add(fields: readonly string[], line: number, repeats = 1): number {
    for (const field of fields) this.codes.push(this.texts.code(field));
    this.ends.push(this.codes.length);
    this.lines.push(line);
    this.repeats.push(repeats);
    return this.lines.length - 1;
  }

  /** Record i stands for one more identical record (one read later and folded into it). */
  repeat(i: number): void {
    this.repeats[i]! += 1;
  }

  /** The line record i starts on. */
  line(i: number): number {
    return this.lines[i]!;
  }

  /** Record i's fields. */
  fields(i: number): string[] {
    const fields: string[] = [];
    for (let at = this.start(i); at < this.ends[i]!; at += 1)
      fields.push(this.texts.text(this.codes[at]!));
    return fields;
  }

  /** Record i's field at `index` (undefined past its last field), without taking the others. */
  field(i: number, index: number): string | undefined {
    const at = this.start(i) + index;
    return index >= 0 && at < this.ends[i]! ? this.texts.text(this.codes[at]!) : undefined;
  }

  /** The records as read, for the tables read whole on this thread (areas.csv's areas, say). */
  records(): FieldRecord[] {
    return this.lines.map((line, i) => ({
      fields: this.fields(i),
      line,
      repeats: this.repeats[i]!,
    }));
  }

  /** An area's records and the records without an area, in file order (withShared). */
  static merged(
    shared: AreaRecords | undefined,
    own: AreaRecords | undefined,
  ): AreaRecords | undefined {
    if (!shared?.length) return own;
    if (!own?.length) return shared;
    const merged = new AreaRecords();
    for (const { from, at, line } of withShared(shared.places(), own.places()))
      merged.add(from.fields(at), line, from.repeats[at]!);
    return merged;
  }

  /** As the records cross to a worker (WireRecords). */
  toWire(): WireRecords {
    return {
      texts: this.texts.all(),
      fields: Int32Array.from(this.codes),
      ends: Int32Array.from(this.ends),
      lines: Int32Array.from(this.lines),
      repeats: Int32Array.from(this.repeats),
    };
  }

  private start(i: number): number {
    return i === 0 ? 0 : this.ends[i - 1]!;
  }

  /** Each record as where it is, for withShared. */
  private places(): { from: AreaRecords; at: number; line: number }[] {
    return this.lines.map((line, at) => ({ from: this, at, line }));
  }
}

/** An area's records and the records without an area, merged in file order. */
export function withShared<R extends { readonly line: number }>(
  shared: readonly R[] | undefined,
  own: readonly R[] | undefined,
): readonly R[] {
  if (!shared?.length) return own ?? [];
  if (!own?.length) return shared;
  const merged: R[] = [];
  let i = 0;
  let j = 0;
  while (i < shared.length || j < own.length)
    merged.push(
      j >= own.length || (i < shared.length && shared[i]!.line < own[j]!.line)
        ? shared[i++]!
        : own[j++]!,
    );
  return merged;
}

/**
 * An area's records of one table as they cross to a worker: its texts, and each record's fields as
 * numbers into them (`ends[i]`: where record i's numbers end), its line and repeats. The main
 * thread, which reads the cohort while the workers model, makes and sends them: reading, grouping
 * and sending the national cohort took no longer so than as one joined text per record (about
 * 1.5 s either way, three A/B pairs, commit 656761a), and a worker takes a record's fields from
 * the texts without splitting any.
 */
export interface WireRecords {
  readonly texts: readonly string[];
  readonly fields: Int32Array;
  readonly ends: Int32Array;
  readonly lines: Int32Array;
  readonly repeats: Int32Array;
}

/** No records, as they cross to a worker: frozen, since every area without rows is given it. */
const NO_RECORDS: WireRecords = Object.freeze({
  texts: Object.freeze([]),
  fields: new Int32Array(0),
  ends: new Int32Array(0),
  lines: new Int32Array(0),
  repeats: new Int32Array(0),
});

/** Records as they cross to a worker (WireRecords); none as no records. */
export const toWire = (records: AreaRecords | undefined): WireRecords =>
  records ? records.toWire() : NO_RECORDS;

/** The records a worker was sent, as they were read. */
export function fromWire(wire: WireRecords | undefined): FieldRecord[] | undefined {
  if (!wire) return undefined;
  const records: FieldRecord[] = [];
  let start = 0;
  for (let i = 0; i < wire.lines.length; i += 1) {
    const end = wire.ends[i]!;
    const fields: string[] = [];
    for (let at = start; at < end; at += 1) fields.push(wire.texts[wire.fields[at]!]!);
    records.push({ fields, line: wire.lines[i]!, repeats: wire.repeats[i]! });
    start = end;
  }
  return records;
}
