import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Adjustments } from '../../src/core/adjustments.js';
import { Dec } from '../../src/core/decimal.js';
import type { Cell, CeasingRow, Model, NewPlanRow, TransitionRow } from '../../src/core/model.js';
import { NEED_CODES, type Need } from '../../src/core/need.js';
import { renderCsv } from '../../src/report/csv.js';
import { DETAIL_COLUMNS, detailRows, SUMMARY_COLUMNS, summaryRows } from '../../src/report/rows.js';
import { cohortYears } from '../../src/core/trajectory.js';
import { projectOrThrow } from '../helpers/model.js';
import { d, model, rate, tariff } from './builders.js';
import { referenceYears } from './reference-stepping.js';

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

/** Pupils with their own annual costs, in mainstream, for the engine-against-reference tests. */
const bespokeArb = fc.record({ ncy: fc.integer({ min: -3, max: 20 }), need, setting: fc.constant('mainstream'), band: fc.constant(''), count: amount(500), cost: amount(9000000) })
  .map(({ cost, ...c }): Cell => ({ ...c, bespokeAnnual: cost.times(c.count) }));

/** The engine's years against the plain reference's: every lane's pupils and bespoke costs, every flow, to 1e-25. */
function expectAgreement(engine: ReturnType<typeof cohortYears>, reference: ReturnType<typeof referenceYears>): void {
  const close = (a: Dec, b: Dec) => a.minus(b).abs().lessThan('1e-25');
  expect(engine.length).toBe(reference.length);
  engine.forEach((year, i) => {
    const want = reference[i]!;
    expect(close(year.pupils, want.pupils)).toBe(true);
    const lanes = new Map(year.totals.map((t) => [`${t.lane.need}|${t.lane.setting}|${t.lane.band}|${t.lane.bespoke}`, t]));
    for (const [lane, count] of want.byLane) expect(close(lanes.get(lane)?.count.decimal() ?? d('0'), count)).toBe(true);
    for (const [lane, cost] of want.bespokeByLane) expect(close(lanes.get(lane)?.bespokeAnnual ?? d('0'), cost)).toBe(true);
    expect([...lanes.keys()].filter((lane) => !want.byLane.has(lane) && !lanes.get(lane)!.count.isZero())).toEqual([]);
    if (i === 0) return;
    const flows = year.flows!;
    expect(close(flows.ceased, want.ceased) && close(flows.agedOut, want.agedOut) && close(flows.moved, want.moved) && close(flows.newPlans, want.joined)).toBe(true);
    expect(flows.opening.eq(engine[i - 1]!.pupils) && flows.closing.eq(year.pupils)).toBe(true);
  });
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

  it('the stepping engine agrees with a plain count, cell by cell: pupils by lane, bespoke costs and every flow', () => {
    fc.assert(fc.property(modelArb, fc.array(bespokeArb, { maxLength: 5 }), (base, bespoke) => {
      const m: Model = { ...base, cohort: [...base.cohort, ...bespoke] };
      expectAgreement(cohortYears(m, m.horizon), referenceYears(m, m.horizon));
    }), RUNS);
  });

  it('with a scenario\'s adjustments (shares that never terminate, such as 1/3), the engine still agrees with the plain count', () => {
    const third = (n: number) => new Dec(n).div(3);
    const adjustmentsArb = fc.record({
      // A factor that changes from year to year, so that adjusted outflows of one slot differ by year.
      ceasing: fc.record({ from: fc.integer({ min: -3, max: 20 }), span: fc.integer({ min: 0, max: 10 }), factor: fc.integer({ min: 0, max: 9 }).map(third) }),
      plans: fc.record({ need, scale: fc.integer({ min: 0, max: 6 }).map(third) }),
      move: fc.record({ year: fc.integer({ min: 2025, max: 2029 }), from: fc.integer({ min: -3, max: 20 }), fraction: fc.integer({ min: 0, max: 7 }).map((n) => new Dec(n).div(7)) }),
      // A second transition out of mainstream at one NCY, with more places than the model's (say 0.05 beside 0.15: 0.8 stays).
      second: fc.record({ fromNcy: fc.integer({ min: -3, max: 19 }), rate: fc.integer({ min: 1, max: 200 }).map((n) => new Dec(n).div(1000)) }),
      bespoke: fc.array(bespokeArb, { maxLength: 5 }),
    });
    fc.assert(fc.property(modelArb, adjustmentsArb, (base, { ceasing, plans, move, second, bespoke }) => {
      const m: Model = { ...base, cohort: [...base.cohort, ...bespoke], transitions: [...base.transitions, { fromNcy: second.fromNcy, fromSetting: 'mainstream', toSetting: 'special', toBand: '1', rate: second.rate }] };
      const one = new Dec(1);
      const adjustments: Adjustments = {
        ceasingFactor: (ay, cell) => (cell.ncy >= ceasing.from && cell.ncy <= ceasing.from + ceasing.span ? ceasing.factor.plus(new Dec(ay - 2025).div(7)) : one),
        newPlans: (_ay, cells) => cells.map((cell) => (cell.need === plans.need ? { ...cell, count: cell.count.times(plans.scale) } : cell)),
        moves: (ay) => (ay === move.year ? [{ matches: (cell) => cell.setting === 'mainstream' && cell.ncy >= move.from, fraction: move.fraction, toSetting: 'special', toBand: '2' }] : []),
      };
      expectAgreement(cohortYears(m, m.horizon, adjustments), referenceYears(m, m.horizon, adjustments));
    }), RUNS);
  });

  it('a projection that reuses another\'s cohort trajectory (same arrays, other tariff) prints what a fresh one does', () => {
    fc.assert(fc.property(modelArb, fc.integer({ min: 0, max: 50 }), (m, cut) => {
      const cheaper: Model = { ...m, tariff: { ...m.tariff, rates: m.tariff.rates.map((r) => ({ ...r, topUp: r.topUp.times(d('1').minus(new Dec(cut).div(100))) })) } };
      render(m); // leaves m's trajectory in the memo for `cheaper` to reuse
      const fresh: Model = { ...cheaper, cohort: [...cheaper.cohort], newPlans: [...cheaper.newPlans], ceasing: [...cheaper.ceasing], transitions: [...cheaper.transitions] };
      expect(render(cheaper)).toBe(render(fresh));
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
