import fc from 'fast-check';
import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { CountDecimals, countDecimal } from '../../src/core/demand/count.js';
import { Dec, plusTerm, sumTerms, ZERO } from '../../src/core/decimal.js';
import { monthIndex } from '../../src/core/period.js';
import { RateBook } from '../../src/core/rate-book.js';
import { SpendSums } from '../../src/core/spend-sums.js';
import { d, tariff } from './builders.js';

// Seeded so a failure reproduces; fast-check prints the seed and the shrunk counterexample.
const RUNS = { seed: Number.parseInt(process.env['FC_SEED'] ?? '20261206', 10), numRuns: 200 };

/** The plain chain the costing's sums stand for: ZERO + each term in turn, zeros included. */
const chain = (terms: readonly Decimal[]): Decimal =>
  terms.reduce((total, term) => total.plus(term), ZERO);

/** Terms as the costing makes them: products (rounded to the precision), some zero, some negative. */
const termArb = fc
  .tuple(
    fc.double({ min: -50, max: 500, noNaN: true }),
    fc.constantFrom('0', '1', '12000.5', '1.0227', '63333.33333333333333333333333333333333333'),
  )
  .map(([count, rate]) => countDecimal(count).times(new Dec(rate)));

const same = (a: Decimal, b: Decimal) => expect(a.toString()).toBe(b.toString());

describe('money sums that pass over zeros are the plain sums (src/core/decimal.ts, spend-sums.ts)', () => {
  it('sumTerms and a chain of plusTerm give the very Decimal ZERO + each term does', () => {
    fc.assert(
      fc.property(fc.array(termArb, { maxLength: 12 }), (terms) => {
        const plain = chain(terms);
        same(
          sumTerms(terms, (t) => t),
          plain,
        );
        let total: Decimal | undefined;
        for (const term of terms) total = plusTerm(total, term);
        same(total ?? ZERO, plain);
      }),
      RUNS,
    );
  });

  it('SpendSums: each FY and setting is the plain sum of the parts added to it, in order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 2026, max: 2027 }), fc.integer({ min: 0, max: 2 }), termArb),
          {
            maxLength: 20,
          },
        ),
        (parts) => {
          const sums = new SpendSums();
          for (const [fy, setting, amount] of parts) sums.year(fy).add(setting, 'topUp', amount);
          for (const fy of [2026, 2027])
            for (const setting of [0, 1, 2])
              same(
                sums.of(fy, setting, 'topUp'),
                chain(parts.filter(([f, s]) => f === fy && s === setting).map(([, , a]) => a)),
              );
        },
      ),
      RUNS,
    );
  });

  it('a -0 term never makes a sum -0 (decimal.js: ZERO + -0 is 0)', () => {
    const negativeZero = new Dec(-1).times(ZERO);
    expect(negativeZero.isNeg()).toBe(true);
    expect(sumTerms([negativeZero], (t) => t).isNeg()).toBe(false);
    expect(plusTerm(undefined, negativeZero).isNeg()).toBe(chain([negativeZero]).isNeg());
  });
});

describe('counts and rates found once are the ones found each time', () => {
  it('CountDecimals gives the Decimal countDecimal makes, for repeated and new counts', () => {
    const counts = new CountDecimals();
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (count) => {
        same(counts.decimal(count), countDecimal(count));
        expect(counts.decimal(count)).toBe(counts.decimal(count));
      }),
      RUNS,
    );
  });

  it("RateBook.bespokeFactors: each month's bespokeFactor, and their sum from ZERO", () => {
    const book = new RateBook(
      tariff([], { uplift: { method: 'percent', annualRate: d('0.02'), on: '04-01' } }),
      d('0.03'),
    );
    const months = [3, 4, 5].map((month) => monthIndex(2027, month));
    const { factors, sum } = book.bespokeFactors('2025-09-01', months);
    const each = months.map((m) => book.bespokeFactor('2025-09-01', m));
    expect(factors.map(String)).toEqual(each.map(String));
    same(sum, chain(each));
    expect(book.bespokeFactors('2025-09-01', months)).toBe(
      book.bespokeFactors('2025-09-01', months),
    );
  });
});
