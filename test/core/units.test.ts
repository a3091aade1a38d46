import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { atScale, scaledOf, toDecimal } from '../../src/core/units.js';

describe('exact decimals as scaled integers', () => {
  it('takes a Decimal to the fewest places its value needs', () => {
    const cases: [string, bigint, number][] = [
      ['0', 0n, 0], ['11', 11n, 0], ['100', 100n, 0], ['0.95', 95n, 2], ['14.7203', 147203n, 4], ['1e-9', 1n, 9],
      ['-2.50', -25n, 1], ['123456789012345.6789', 1234567890123456789n, 4], ['12345678901234567890123456789.000000000000001', 12345678901234567890123456789000000000000001n, 15],
    ];
    for (const [text, int, places] of cases) expect(scaledOf(new Dec(text))).toEqual({ int, places });
  });

  it('puts a value at more places by powers of ten, and refuses fewer', () => {
    expect(atScale({ int: 95n, places: 2 }, 5)).toBe(95000n);
    expect(() => atScale({ int: 95n, places: 2 }, 1)).toThrow();
  });

  it('gives back the Decimal it was made from, digit for digit (shares such as 1/3 included)', () => {
    const decimal = fc.oneof(
      fc.tuple(fc.bigInt({ min: -(10n ** 45n), max: 10n ** 45n }), fc.integer({ min: 0, max: 30 })).map(([n, places]) => new Dec(`${n}e-${places}`)),
      fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 99 })).map(([a, b]) => new Dec(a).div(b)),
    );
    fc.assert(fc.property(decimal, (x) => {
      const { int, places } = scaledOf(x);
      expect(toDecimal(int, places).eq(x)).toBe(true);
      expect(toDecimal(atScale({ int, places }, places + 7), places + 7).toString()).toBe(x.toString());
    }), { seed: 20261123, numRuns: 300 });
  });
});
