import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FieldInterner,
  lineSpans,
  lineSpansFor,
  tallyLines,
} from '../../src/io/batch/line-bytes.js';

const decode = (bytes: Uint8Array, from: number, to: number) =>
  Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('utf8');

/** The lines' texts, each distinct one once at its first place, with how many there are: what tallyLines should find. */
function expectedTally(lines: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  return [...counts];
}

describe('lines and fields read from bytes', () => {
  it('tallies identical lines once, at their first place, across groups of bytes', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ',', 'é', '1'), maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(fc.array(text, { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 3 }),
        (groups) => {
          const sources = groups.map(
            (lines) => new Uint8Array(Buffer.from(lines.join('\n'), 'utf8')),
          );
          const total = groups.reduce((n, lines) => n + lines.length, 0);
          const spans = lineSpansFor(total);
          let at = 0;
          groups.forEach((lines, g) => {
            expect(lineSpans(sources[g]!, g, spans, at)).toBe(lines.length);
            at += lines.length;
          });
          // Taken backwards, so that the order given is the one followed.
          const order = Int32Array.from({ length: total }, (_, i) => total - 1 - i);
          const { firsts, repeats, count } = tallyLines(sources, spans, total, order);
          const found = Array.from({ length: count }, (_, k) => {
            const line = firsts[k]!;
            return [
              decode(sources[spans.group[line]!]!, spans.start[line]!, spans.end[line]!),
              repeats[k]!,
            ] as [string, number];
          });
          expect(found).toEqual(expectedTally(groups.flat().reverse()));
        },
      ),
      { seed: 20261123, numRuns: 300 },
    );
  });

  it('gives each field text back as the same string, past the table growing, and decodes long fields each time', () => {
    const interner = new FieldInterner(decode, 8);
    const texts = Array.from({ length: 3000 }, (_, i) => `v${i % 1500}`);
    const bytes = new Uint8Array(Buffer.from(texts.join(','), 'utf8'));
    const fields = interner.fields(bytes, 0, bytes.length);
    expect(fields).toEqual(texts);
    const again = interner.fields(bytes, 0, bytes.length);
    expect(again).toEqual(texts);
    const long = new Uint8Array(Buffer.from('a-field-longer-than-eight,,ü', 'utf8'));
    expect(interner.fields(long, 0, long.length)).toEqual(['a-field-longer-than-eight', '', 'ü']);
  });
});
