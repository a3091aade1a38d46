/**
 * Records of a national CSV without quotes, read from their UTF-8 bytes in a worker: lines are
 * told apart by a hash of their bytes and fields made strings through an intern table, so a
 * pupil-level cohort, which repeats a few thousand distinct lines over a few hundred thousand
 * rows and a few dozen distinct field texts over all of them, costs a string only per
 * distinct field text, not one per line and one per field. Identical bytes are identical text,
 * since UTF-8 encodes each text one way; "\n" and "," never occur inside another character's bytes.
 */

const LF = 10;
const COMMA = 0x2c;

/** Lines of some groups of bytes, each a run of lines joined by "\n": which group, where each line starts and ends, and a hash of its bytes. */
export interface LineSpans {
  readonly group: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly hash: Int32Array;
}

export function lineSpansFor(count: number): LineSpans {
  return {
    group: new Int32Array(count),
    start: new Int32Array(count),
    end: new Int32Array(count),
    hash: new Int32Array(count),
  };
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Where each line of `bytes` (lines joined by "\n") starts and ends, and the FNV-1a hash of its
 * bytes, into `into` from position `at`, in one pass over the bytes. Gives the number of lines.
 */
export function lineSpans(bytes: Uint8Array, group: number, into: LineSpans, at: number): number {
  let line = at;
  let start = 0;
  let hash = FNV_OFFSET;
  const { length } = bytes;
  for (let i = 0; i < length; i += 1) {
    const byte = bytes[i]!;
    if (byte !== LF) {
      hash = Math.imul(hash ^ byte, FNV_PRIME);
      continue;
    }
    into.group[line] = group;
    into.start[line] = start;
    into.end[line] = i;
    into.hash[line] = hash;
    line += 1;
    start = i + 1;
    hash = FNV_OFFSET;
  }
  into.group[line] = group;
  into.start[line] = start;
  into.end[line] = length;
  into.hash[line] = hash;
  return line + 1 - at;
}

/** FNV-1a of bytes `from` to `to`, as a 32-bit integer. */
function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let hash = FNV_OFFSET;
  for (let i = from; i < to; i += 1) hash = Math.imul(hash ^ bytes[i]!, FNV_PRIME);
  return hash | 0;
}

export function sameBytes(
  a: Uint8Array,
  aFrom: number,
  b: Uint8Array,
  bFrom: number,
  length: number,
): boolean {
  for (let i = 0; i < length; i += 1) if (a[aFrom + i] !== b[bFrom + i]) return false;
  return true;
}

/**
 * For the lines taken in `order` (indexes into the spans; all of them in turn when undefined),
 * the first line with each distinct text, in order of first appearance, and how many lines have that text.
 */
export function tallyLines(
  sources: readonly Uint8Array[],
  spans: LineSpans,
  count: number,
  order?: Int32Array,
): { firsts: Int32Array; repeats: Int32Array; count: number } {
  let size = 16;
  while (size < 2 * count) size *= 2;
  const mask = size - 1;
  // Position + 1 in `firsts` of the text hashed to each entry; 0 where the entry is free.
  const table = new Int32Array(size);
  const firsts = new Int32Array(count);
  const repeats = new Int32Array(count);
  const { start, end, hash: hashes, group } = spans;
  let distinct = 0;
  for (let k = 0; k < count; k += 1) {
    const line = order ? order[k]! : k;
    const bytes = sources[group[line]!]!;
    const from = start[line]!;
    const length = end[line]! - from;
    const hash = hashes[line]!;
    let slot = hash & mask;
    for (;;) {
      const held = table[slot]! - 1;
      if (held < 0) {
        table[slot] = distinct + 1;
        firsts[distinct] = line;
        repeats[distinct] = 1;
        distinct += 1;
        break;
      }
      const other = firsts[held]!;
      const otherFrom = start[other]!;
      if (
        hashes[other] === hash &&
        end[other]! - otherFrom === length &&
        sameBytes(bytes, from, sources[group[other]!]!, otherFrom, length)
      ) {
        repeats[held] = repeats[held]! + 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { firsts, repeats, count: distinct };
}

/**
 * Field texts by their bytes: each distinct text decoded once and the same string given back
 * for its every occurrence. Long fields (over `longest` bytes) are decoded each time: they are
 * rarely repeated, and holding them would only keep them alive.
 */
export class FieldInterner {
  private table = new Int32Array(1024);
  private hashes: number[] = [];
  private texts: string[] = [];
  private sources: Uint8Array[] = [];
  private starts: number[] = [];
  private lengths: number[] = [];

  constructor(
    private readonly decode: (bytes: Uint8Array, from: number, to: number) => string,
    private readonly longest = 32,
  ) {}

  /** The fields of the line from `from` to `to`, split at ",". */
  fields(bytes: Uint8Array, from: number, to: number): string[] {
    const fields: string[] = [];
    let start = from;
    for (;;) {
      let end = start;
      while (end < to && bytes[end] !== COMMA) end += 1;
      fields.push(this.text(bytes, start, end));
      if (end >= to) return fields;
      start = end + 1;
    }
  }

  text(bytes: Uint8Array, from: number, to: number): string {
    const length = to - from;
    if (length === 0) return '';
    if (length > this.longest) return this.decode(bytes, from, to);
    const hash = hashBytes(bytes, from, to);
    const mask = this.table.length - 1;
    let slot = hash & mask;
    for (;;) {
      const held = this.table[slot]! - 1;
      if (held < 0) break;
      if (
        this.hashes[held] === hash &&
        this.lengths[held] === length &&
        sameBytes(bytes, from, this.sources[held]!, this.starts[held]!, length)
      )
        return this.texts[held]!;
      slot = (slot + 1) & mask;
    }
    const text = this.decode(bytes, from, to);
    const index = this.texts.length;
    this.table[slot] = index + 1;
    this.hashes.push(hash);
    this.texts.push(text);
    this.sources.push(bytes);
    this.starts.push(from);
    this.lengths.push(length);
    if (2 * this.texts.length > this.table.length) this.rehash();
    return text;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let index = 0; index < this.hashes.length; index += 1) {
      let slot = this.hashes[index]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = index + 1;
    }
    this.table = table;
  }
}
