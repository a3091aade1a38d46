import type { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/core/decimal.js';
import { ExactOrder } from '../../../src/core/simulate/exact-order.js';

describe("simulate's summary orders draws by a monotone key and then exactly", () => {
  // Pence amounts near one another and far apart, some that differ only past 17 digits, zeros and repeats.
  const base = fc.constantFrom(
    '-38635736.33',
    '1234567890123.45',
    '0.1',
    '-0.000000000000000001',
    '0',
  );
  const tail = fc.constantFrom('', '0000000000000001', '00000000000000009', '5');
  const value = fc.oneof(
    fc.tuple(base, tail).map(([b, t]) => (b.includes('.') ? `${b}${t}` : b)),
    fc.integer({ min: -1e9, max: 1e9 }).map((n) => `${n / 100}`),
  );
  // The keys: nearest doubles (the default), and figures as the batch prints them (pence, rounded half up).
  const printed = (v: Decimal) => Number(v.toFixed(2, Dec.ROUND_HALF_UP).replace('.', ''));
  const orders = (values: Decimal[]) => [new ExactOrder(values), new ExactOrder(values, printed)];

  it('gives each order statistic of Decimal comparison, values equal to 16 digits and beyond included', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 40 }), (texts) => {
        const values = texts.map((t) => new Dec(t));
        const exact = [...values].sort((a, b) => a.comparedTo(b)).map(String);
        for (const order of orders(values))
          expect(values.map((_, k) => String(order.at(k)))).toEqual(exact);
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });

  it('counts the values below a threshold as Decimal comparison does', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 40 }), value, (texts, threshold) => {
        const values = texts.map((t) => new Dec(t));
        const below = values.filter((v) => v.lessThan(threshold)).length;
        for (const order of orders(values))
          expect(order.countBelow(new Dec(threshold))).toBe(below);
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });
});
