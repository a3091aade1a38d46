import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/core/decimal.js';
import { sortedExactly } from '../../../src/core/simulate/intervals.js';

describe("simulate's summary sorts draws by their doubles and then exactly", () => {
  it('gives the order of Decimal comparison, values equal to 16 digits and beyond included', () => {
    // Pence amounts near one another and far apart, and some that differ only past 17 digits.
    const base = fc.constantFrom(
      '-38635736.33',
      '1234567890123.45',
      '0.1',
      '-0.000000000000000001',
    );
    const tail = fc.constantFrom('', '0000000000000001', '00000000000000009', '5');
    const value = fc.oneof(
      fc.tuple(base, tail).map(([b, t]) => (b.includes('.') ? `${b}${t}` : b)),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => `${n / 100}`),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 40 }), (texts) => {
        const values = texts.map((t) => new Dec(t));
        const exact = [...values].sort((a, b) => a.comparedTo(b)).map(String);
        expect(sortedExactly(values).map(String)).toEqual(exact);
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });
});
