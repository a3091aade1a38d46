import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { addExact, asNumber, atScale, numberToDecimal, SAFE, ScaledSum, scaledOf, toDecimal } from '../../src/core/units.js';

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

  it('adds numbers at mixed places only while that is exact, and says NaN otherwise', () => {
    expect(addExact(15, 1, 25, 2)).toBe(175);
    expect(addExact(SAFE - 2, 0, 1, 0)).toBe(SAFE - 1);
    expect(addExact(SAFE - 1, 0, 1, 0)).toBeNaN();
    expect(addExact(1, 0, 1, 16)).toBeNaN();
    expect(addExact(2 ** 50, 0, 1, 1)).toBeNaN();
  });

  it('sums integers at mixed places exactly, as numbers or BigInts, whatever their size', () => {
    // Numbers up to 2^53 (so that the number part overflows often), BigInts far beyond, and other sums, plain or times a factor.
    const places = fc.integer({ min: 0, max: 40 });
    const number = fc.tuple(fc.constant('number' as const), fc.oneof(fc.integer({ min: -(2 ** 53 - 1), max: 2 ** 53 - 1 }), fc.integer({ min: -999, max: 999 })), places);
    const big = fc.tuple(fc.constant('big' as const), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), places);
    const simple = fc.oneof(number, big);
    const nested = fc.tuple(fc.constantFrom('sum' as const, 'product' as const), fc.array(simple, { maxLength: 4 }), fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 12 }));
    // A reference with room for every digit: the model's 40 would round the sums checked here.
    const Wide = Dec.clone({ precision: 1000 });
    const wide = (int: bigint, at: number) => new Wide(toDecimal(int, at).toFixed());
    const fill = (sum: ScaledSum, terms: readonly (readonly ['number', number, number] | readonly ['big', bigint, number])[]) => {
      let expected = new Wide(0);
      for (const [kind, value, at] of terms) {
        if (kind === 'number') sum.addNumber(value, at);
        else sum.add(value, at);
        expected = expected.plus(wide(BigInt(value), at));
      }
      return expected;
    };
    fc.assert(fc.property(fc.array(fc.oneof(simple, nested), { maxLength: 30 }), (terms) => {
      const sum = new ScaledSum();
      let expected = new Wide(0);
      for (const term of terms) {
        if (term[0] === 'number' || term[0] === 'big') expected = expected.plus(fill(sum, [term]));
        else {
          const [kind, inner, factorInt, factorPlaces] = term;
          const other = new ScaledSum();
          const value = fill(other, inner);
          if (kind === 'sum') {
            sum.addSum(other);
            expected = expected.plus(value);
          } else {
            sum.addProduct(other, { int: factorInt, places: factorPlaces, number: asNumber(factorInt) });
            expected = expected.plus(value.times(wide(factorInt, factorPlaces)));
          }
        }
      }
      expect(new Wide(sum.decimal().toFixed()).eq(expected)).toBe(true);
      expect(sum.isZero()).toBe(expected.isZero());
    }), { seed: 20261123, numRuns: 500 });
  });

  it('makes the same Decimal from a number as from its BigInt', () => {
    fc.assert(fc.property(fc.integer({ min: -(2 ** 53 - 1), max: 2 ** 53 - 1 }), fc.integer({ min: 0, max: 40 }), (n, places) => {
      const fromNumber = numberToDecimal(n, places);
      const fromBig = toDecimal(BigInt(n), places);
      expect(fromNumber.eq(fromBig) && fromNumber.toString() === fromBig.toString()).toBe(true);
    }), { seed: 20261123, numRuns: 2000 });
  });

  it('cancels to zero across the number and BigInt parts', () => {
    const sum = new ScaledSum();
    sum.addNumber(SAFE - 1, 0);
    sum.addNumber(SAFE - 1, 0); // carried to the BigInt part
    sum.addNumber(-(SAFE - 1), 0);
    expect(sum.isZero()).toBe(false);
    sum.addNumber(-(SAFE - 1), 0);
    expect(sum.isZero()).toBe(true);
    expect(sum.decimal().isZero()).toBe(true);
  });
});
