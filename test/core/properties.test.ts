import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import type { Cell, CeasingRow, Model, NewPlanRow, TransitionRow } from '../../src/core/model.js';
import { NEED_CODES, type Need } from '../../src/core/need.js';
import { renderCsv } from '../../src/report/csv.js';
import { DETAIL_COLUMNS, detailRows, SUMMARY_COLUMNS, summaryRows } from '../../src/report/rows.js';
import { projectOrThrow } from '../helpers/model.js';
import { d, model, rate, tariff } from './builders.js';

// Seeded so a failure reproduces; fast-check prints the seed and the shrunk counterexample.
const SEED = Number.parseInt(process.env['FC_SEED'] ?? '20251123', 10);
const RUNS = { seed: SEED, numRuns: 60 };
const SETTINGS = ['mainstream', 'special'] as const;

const amount = (max: number) => fc.integer({ min: 0, max }).map((n) => new Dec(n).div(100));
const share = fc.integer({ min: 0, max: 100 }).map((n) => new Dec(n).div(100));
const need = fc.constantFrom<Need>(...NEED_CODES);
const setting = fc.constantFrom(...SETTINGS);
const band = fc.constantFrom('1', '2');

const cellArb: fc.Arbitrary<Cell> = fc.record({ ncy: fc.integer({ min: -3, max: 20 }), need, setting, band, count: amount(5000) });
const newPlanArb: fc.Arbitrary<NewPlanRow> = fc.record({ ncy: fc.integer({ min: -3, max: 20 }), need, setting, band, count: amount(2000) });
const ceasingArb: fc.Arbitrary<CeasingRow> = fc.record({ ncy: fc.integer({ min: -3, max: 20 }), rate: share });

const modelArb: fc.Arbitrary<Model> = fc
  .record({
    cohort: fc.array(cellArb, { maxLength: 30 }),
    newPlans: fc.array(newPlanArb, { maxLength: 10 }),
    ceasing: fc.uniqueArray(ceasingArb, { maxLength: 8, selector: (row) => row.ncy }),
    move: fc.array(fc.record({ fromNcy: fc.integer({ min: -3, max: 19 }), rate: fc.integer({ min: 0, max: 50 }) }), { maxLength: 4 }),
    growth: fc.integer({ min: -20, max: 30 }).map((n) => new Dec(n).div(100)),
    topUps: fc.array(amount(5000000), { minLength: 4, maxLength: 4 }),
  })
  .map(({ cohort, newPlans, ceasing, move, growth, topUps }) => {
    // At most one transition per (ncy, setting), each below 0.5, so rates out of a cell never pass 1.
    const transitions: TransitionRow[] = [...new Map(move.map((m) => [m.fromNcy, m])).values()].map((m) => ({
      fromNcy: m.fromNcy, fromSetting: 'mainstream', toSetting: 'special', rate: new Dec(m.rate).div(100),
    }));
    const rates = SETTINGS.flatMap((s, i) => ['1', '2'].map((b, j) => rate(s, b, topUps[i * 2 + j]!.toString())));
    return model({ cohort, newPlans, ceasing, transitions, horizon: 2029, tariff: tariff(rates, { uplift: { method: 'percent', annualRate: d('0.03'), on: '09-01' } }), assumptions: { newPlansGrowth: growth, hnbGrowth: d('0.02'), tariffUplift: d('0') } });
  });

const render = (m: Model): string => {
  const projection = projectOrThrow(m);
  return renderCsv(SUMMARY_COLUMNS, summaryRows(projection)) + renderCsv(DETAIL_COLUMNS, detailRows(projection));
};

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('invariants (property tests, seed logged by fast-check on failure)', () => {
  it('pupils are conserved by every step: opening + new − ceased − aged-out = closing, and closing is next year\'s cohort', () => {
    fc.assert(fc.property(modelArb, (m) => {
      const projection = projectOrThrow(m);
      for (const [index, ay] of projection.academicYears.entries()) {
        if (!ay.flows) continue;
        const { opening, newPlans, ceased, agedOut, closing } = ay.flows;
        expect(opening.plus(newPlans).minus(ceased).minus(agedOut).minus(closing).abs().lessThan('1e-20')).toBe(true);
        expect(closing.eq(ay.pupils)).toBe(true);
        expect(opening.eq(projection.academicYears[index - 1]!.pupils)).toBe(true);
      }
    }), RUNS);
  });

  it('money is conserved: settings add up to the totals before rounding, and balances follow the ledger identity', () => {
    fc.assert(fc.property(modelArb, (m) => {
      const projection = projectOrThrow(m);
      let cumulative = projection.openingBalance;
      for (const year of projection.years) {
        const topUp = year.settings.reduce((t, s) => t.plus(s.spendTopUp), d('0'));
        const place = year.settings.reduce((t, s) => t.plus(s.spendPlace), d('0'));
        expect(topUp.eq(year.spendTopUp) && place.eq(year.spendPlace)).toBe(true);
        expect(year.spendTotal.eq(year.spendTopUp.plus(year.spendPlace))).toBe(true);
        expect(year.inYearBalance.eq(year.income.total.minus(year.spendTotal))).toBe(true);
        cumulative = cumulative.plus(year.inYearBalance);
        expect(year.cumulativeBalance.eq(cumulative)).toBe(true);
      }
    }), RUNS);
  });

  it('the order of input rows never changes the output bytes', () => {
    fc.assert(fc.property(modelArb, fc.integer({ min: 1, max: 1_000_000 }), (m, seed) => {
      const reordered: Model = {
        ...m,
        cohort: shuffled(m.cohort, seed),
        newPlans: shuffled(m.newPlans, seed + 1),
        ceasing: shuffled(m.ceasing, seed + 2),
        transitions: shuffled(m.transitions, seed + 3),
        funding: shuffled(m.funding, seed + 4),
        tariff: { ...m.tariff, rates: shuffled(m.tariff.rates, seed + 5) },
      };
      expect(render(reordered)).toBe(render(m));
    }), RUNS);
  });

  it('with non-negative tariffs, more pupils never cost less', () => {
    fc.assert(fc.property(modelArb, cellArb, (m, extra) => {
      const before = projectOrThrow(m).years;
      const after = projectOrThrow({ ...m, cohort: [...m.cohort, extra] }).years;
      after.forEach((year, i) => expect(year.spendTotal.greaterThanOrEqualTo(before[i]!.spendTotal)).toBe(true));
    }), RUNS);
  });
});
