import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8 } from '../../src/io/utf8.js';

// readInput asks Node's native isUtf8 first and scans in JS only to locate a bad byte: the two
// must agree on which files are UTF-8, or a bad file would pass (or a good one be refused).
describe('UTF-8 checks', () => {
  const tricky = [
    0x00, 0x0a, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5,
    0xff, 0xa0, 0x9f, 0x90, 0x8f,
  ];
  const bytes = fc.array(fc.oneof(fc.constantFrom(...tricky), fc.integer({ min: 0, max: 255 })), {
    maxLength: 24,
  });
  const text = fc
    .string({ unit: 'grapheme', maxLength: 12 })
    .map((s) => [...Buffer.from(s, 'utf8')]);

  it('Node and the scan agree on random bytes, and on text with bytes spliced in', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          bytes,
          fc.tuple(text, bytes, text).map(([a, b, c]) => [...a, ...b, ...c]),
        ),
        // A boolean property, not an expect per run (5,000 of them cost some 0.1 s; issue 18,
        // item 5): fast-check fails the test on false and prints the shrunk bytes.
        (array) => {
          const buffer = Uint8Array.from(array);
          return firstInvalidUtf8(buffer) < 0 === isUtf8(buffer);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('locates the first bad byte', () => {
    expect(firstInvalidUtf8(Buffer.from('ok'))).toBe(-1);
    expect(firstInvalidUtf8(Uint8Array.of(0x41, 0xe9, 0x41))).toBe(1); // Windows-1252 é
    expect(firstInvalidUtf8(Uint8Array.of(0xed, 0xa0, 0x80))).toBe(0); // a UTF-16 surrogate
    expect(firstInvalidUtf8(Uint8Array.of(0xc0, 0x80))).toBe(0); // an overlong NUL
  });
});
