import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Adjustments } from '../../src/core/adjustments.js';
import { Dec } from '../../src/core/decimal.js';
import type {
  CapacityRow,
  Cell,
  CeasingRow,
  Model,
  NewPlanRow,
  PopulationRow,
  TransitionRow,
} from '../../src/core/model.js';
import { NEED_CODES, type Need } from '../../src/core/need.js';
import { renderCsv } from '../../src/report/csv.js';
import { DETAIL_COLUMNS, detailRows, SUMMARY_COLUMNS, summaryRows } from '../../src/report/rows.js';
import { ProjectionCache } from '../../src/core/demand/cache.js';
import { projectDemand } from '../../src/core/demand/run.js';
import { project } from '../../src/core/project.js';
import type { SettingFlows } from '../../src/core/projection.js';
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

const cellArb: fc.Arbitrary<Cell> = fc.record({
  ncy: fc.integer({ min: -3, max: 20 }),
  need,
  setting,
  band,
  count: amount(5000),
});
const newPlanArb: fc.Arbitrary<NewPlanRow> = fc.record({
  ncy: fc.integer({ min: -3, max: 20 }),
  need,
  setting,
  band,
  count: amount(2000),
});
const ceasingArb: fc.Arbitrary<CeasingRow> = fc.record({
  ncy: fc.integer({ min: -3, max: 20 }),
  rate: share,
});

const modelArb: fc.Arbitrary<Model> = fc
  .record({
    cohort: fc.array(cellArb, { maxLength: 30 }),
    newPlans: fc.array(newPlanArb, { maxLength: 10 }),
    ceasing: fc.uniqueArray(ceasingArb, { maxLength: 8, selector: (row) => row.ncy }),
    move: fc.array(
      fc.record({
        fromNcy: fc.integer({ min: -3, max: 19 }),
        rate: fc.integer({ min: 0, max: 50 }),
      }),
      { maxLength: 4 },
    ),
    growth: fc.integer({ min: -20, max: 30 }).map((n) => new Dec(n).div(100)),
    topUps: fc.array(amount(5000000), { minLength: 4, maxLength: 4 }),
  })
  .map(({ cohort, newPlans, ceasing, move, growth, topUps }) => {
    // At most one transition per (ncy, setting), each below 0.5, so rates out of a cell never pass 1.
    const transitions: TransitionRow[] = [...new Map(move.map((m) => [m.fromNcy, m])).values()].map(
      (m) => ({
        fromNcy: m.fromNcy,
        fromSetting: 'mainstream',
        toSetting: 'special',
        rate: new Dec(m.rate).div(100),
      }),
    );
    const rates = SETTINGS.flatMap((s, i) =>
      ['1', '2'].map((b, j) => rate(s, b, topUps[i * 2 + j]!.toString())),
    );
    return model({
      cohort,
      newPlans,
      ceasing,
      transitions,
      horizon: 2029,
      tariff: tariff(rates, { uplift: { method: 'percent', annualRate: d('0.03'), on: '09-01' } }),
      assumptions: { newPlansGrowth: growth, hnbGrowth: d('0.02'), tariffUplift: d('0') },
    });
  });

const renderWith = (m: Model, cache: ProjectionCache): string => {
  const { projection, issues } = project(m, {}, cache);
  if (!projection) return issues.map((i) => i.message).join('\n');
  return (
    renderCsv(SUMMARY_COLUMNS, summaryRows(projection)) +
    renderCsv(DETAIL_COLUMNS, detailRows(projection))
  );
};

const render = (m: Model): string => {
  const projection = projectOrThrow(m);
  return (
    renderCsv(SUMMARY_COLUMNS, summaryRows(projection)) +
    renderCsv(DETAIL_COLUMNS, detailRows(projection))
  );
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
const bespokeArb = fc
  .record({
    ncy: fc.integer({ min: -3, max: 20 }),
    need,
    setting: fc.constant('mainstream'),
    band: fc.constant(''),
    count: amount(500),
    cost: amount(9000000),
  })
  .map(({ cost, ...c }): Cell => ({ ...c, bespokeAnnual: cost.times(c.count) }));

/** Within a part in 10^9 (counts are doubles; the reference is exact): a pupil count to nine significant figures. */
const close = (a: Dec, b: Dec) => a.minus(b).abs().lessThanOrEqualTo(b.abs().plus(1).times('1e-9'));

/** The engine's years against the plain reference's: every lane's pupils and bespoke costs, and every flow of every setting. */
function expectAgreement(m: Model, adjustments: Adjustments = {}): void {
  const { plan, years } = projectDemand(m, m.horizon, adjustments);
  const reference = referenceYears(m, m.horizon, adjustments);
  expect(years.length).toBe(reference.length);
  // What disagrees, gathered and asserted once (an expect() per lane and flow cost about a second
  // of the suite; issue 18, item 5): a failure lists every lane and flow that disagrees.
  const disagree: string[] = [];
  years.forEach((year, i) => {
    const want = reference[i]!;
    const pupils = new Map<string, Dec>();
    const bespoke = new Map<string, Dec>();
    plan.lanes.forEach((lane, l) => {
      const key = `${lane.need}|${lane.setting}|${lane.band}|${lane.fee !== undefined}`;
      const count = new Dec(String(year.laneTotals[l]!));
      pupils.set(key, (pupils.get(key) ?? d('0')).plus(count));
      if (lane.fee !== undefined)
        bespoke.set(key, (bespoke.get(key) ?? d('0')).plus(count.times(lane.fee)));
    });
    for (const [lane, count] of pupils)
      if (!close(count, want.byLane.get(lane) ?? d('0'))) disagree.push(`${i} pupils ${lane}`);
    for (const [lane, count] of want.byLane)
      if (!close(pupils.get(lane) ?? d('0'), count)) disagree.push(`${i} reference ${lane}`);
    for (const [lane, cost] of want.bespokeByLane)
      if (!close(bespoke.get(lane) ?? d('0'), cost)) disagree.push(`${i} bespoke ${lane}`);
    if (i === 0) return;
    plan.settings.forEach((setting, k) => {
      const counted = want.flows.get(setting);
      for (const name of [
        'newPlans',
        'ceased',
        'movedIn',
        'movedOut',
        'overflowIn',
        'overflowOut',
        'agedOut',
      ] as const) {
        if (!close(new Dec(String(year.flows![name][k]!)), counted?.[name] ?? d('0')))
          disagree.push(`${i} ${setting} ${name}`);
      }
    });
  });
  expect(disagree).toEqual([]);
}

/** A model that uses what the demand engine adds: need-specific transitions that change need, new plans per head of a population, capacity with overflow. */
const demandArb: fc.Arbitrary<Model> = fc
  .record({
    base: modelArb,
    needMoves: fc.array(
      fc.record({
        fromNcy: fc.integer({ min: -3, max: 19 }),
        need,
        toNeed: fc.option(need, { nil: undefined }),
        rate: fc.integer({ min: 0, max: 40 }),
      }),
      { maxLength: 4 },
    ),
    perHead: fc.array(
      fc.record({
        ncy: fc.integer({ min: -3, max: 20 }),
        need,
        setting,
        band,
        rate: fc.integer({ min: 0, max: 500 }),
      }),
      { maxLength: 4 },
    ),
    people: fc.integer({ min: 0, max: 50000 }),
    // A change of band within special: the pupils who move are not arrivals there, so they do not overflow first.
    bandMove: fc.option(
      fc.record({
        fromNcy: fc.integer({ min: -3, max: 19 }),
        rate: fc.integer({ min: 1, max: 60 }),
      }),
      { nil: undefined },
    ),
    places: fc.array(
      fc.record({
        year: fc.integer({ min: 2026, max: 2029 }),
        setting,
        places: fc.integer({ min: 0, max: 3000 }),
      }),
      { maxLength: 4 },
    ),
  })
  .map(({ base, needMoves, perHead, people, places, bandMove }) => {
    const transitions: TransitionRow[] = [
      ...base.transitions,
      ...[...new Map(needMoves.map((m) => [`${m.fromNcy}|${m.need}`, m])).values()].map((m) => ({
        fromNcy: m.fromNcy,
        fromSetting: 'mainstream',
        toSetting: 'special',
        need: m.need,
        rate: new Dec(m.rate).div(100),
        ...(m.toNeed ? { toNeed: m.toNeed } : {}),
      })),
      ...(bandMove
        ? [
            {
              fromNcy: bandMove.fromNcy,
              fromSetting: 'special',
              toSetting: 'special',
              toBand: '2',
              rate: new Dec(bandMove.rate).div(100),
            },
          ]
        : []),
    ];
    const newPlans: NewPlanRow[] = [
      ...base.newPlans,
      ...perHead.map((r) => ({
        ncy: r.ncy,
        need: r.need,
        setting: r.setting,
        band: r.band,
        rate: new Dec(r.rate).div(100000),
      })),
    ];
    const population: PopulationRow[] = [];
    for (let ay = 2026; ay <= 2029; ay += 1)
      for (let ncy = -3; ncy <= 20; ncy += 1)
        population.push({ academicYear: ay, ncy, population: new Dec(people + ncy * 7 + ay) });
    // Special overflows to mainstream (model.json's overflowSetting), mainstream to special: mainstream
    // is checked first, so pupils it sends to special may overflow back, and are not checked again.
    const capacity: CapacityRow[] = [
      ...new Map(places.map((p) => [`${p.year}|${p.setting}`, p])).values(),
    ].map((p) =>
      p.setting === 'special'
        ? { academicYear: p.year, setting: 'special', places: new Dec(p.places), overflowBand: '2' }
        : {
            academicYear: p.year,
            setting: 'mainstream',
            places: new Dec(p.places),
            overflowTo: 'special',
            overflowBand: '1',
          },
    );
    return { ...base, transitions, newPlans, population, capacity, overflowSetting: 'mainstream' };
  });

describe('invariants (property tests, seed logged by fast-check on failure)', () => {
  it('pupils are conserved in every setting: opening + new + moved in + overflow in − ceased − moved out − overflow out − aged out = closing, each flow counted where it happens', () => {
    fc.assert(
      fc.property(demandArb, (m) => {
        const projection = projectOrThrow(m);
        for (const ay of projection.academicYears) {
          if (!ay.flows) continue;
          const balance = (f: SettingFlows) =>
            f.opening
              .plus(f.newPlans)
              .plus(f.movedIn)
              .plus(f.overflowIn)
              .minus(f.ceased)
              .minus(f.movedOut)
              .minus(f.overflowOut)
              .minus(f.agedOut);
          // Opening and closing are last and this January's pupils; the other flows are each counted where they happen.
          for (const [setting, f] of ay.flows.bySetting)
            expect([setting, close(balance(f), f.closing)]).toEqual([setting, true]);
          const { opening, newPlans, ceased, agedOut, closing } = ay.flows;
          expect(close(opening.plus(newPlans).minus(ceased).minus(agedOut), closing)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('the demand engine agrees with a plain count, cell by cell: pupils by lane, bespoke costs and every flow by setting', () => {
    fc.assert(
      fc.property(modelArb, fc.array(bespokeArb, { maxLength: 5 }), (base, bespoke) => {
        expectAgreement({ ...base, cohort: [...base.cohort, ...bespoke] });
      }),
      RUNS,
    );
  });

  it('with need changes, need-specific moves, new plans per head and capacity overflow, the engine still agrees with the plain count', () => {
    fc.assert(
      fc.property(demandArb, fc.array(bespokeArb, { maxLength: 3 }), (base, bespoke) => {
        expectAgreement({ ...base, cohort: [...base.cohort, ...bespoke] });
      }),
      RUNS,
    );
  });

  it("with a scenario's adjustments (shares that never terminate, such as 1/3) on a model with capacity, the engine still agrees with the plain count", () => {
    const third = (n: number) => new Dec(n).div(3);
    const adjustmentsArb = fc.record({
      // A factor that changes from year to year, so that adjusted outflows of one slot differ by year.
      ceasing: fc.record({
        from: fc.integer({ min: -3, max: 20 }),
        span: fc.integer({ min: 0, max: 10 }),
        factor: fc.integer({ min: 0, max: 9 }).map(third),
      }),
      plans: fc.record({ need, scale: fc.integer({ min: 0, max: 6 }).map(third) }),
      move: fc.record({
        year: fc.integer({ min: 2025, max: 2029 }),
        from: fc.integer({ min: -3, max: 20 }),
        need,
        fraction: fc.integer({ min: 0, max: 7 }).map((n) => new Dec(n).div(7)),
      }),
      // A second transition out of mainstream at one NCY, with more places than the model's (say 0.05 beside 0.15: 0.8 stays).
      second: fc.record({
        fromNcy: fc.integer({ min: -3, max: 19 }),
        rate: fc.integer({ min: 1, max: 200 }).map((n) => new Dec(n).div(1000)),
      }),
      bespoke: fc.array(bespokeArb, { maxLength: 5 }),
    });
    fc.assert(
      fc.property(demandArb, adjustmentsArb, (base, { ceasing, plans, move, second, bespoke }) => {
        const m: Model = {
          ...base,
          cohort: [...base.cohort, ...bespoke],
          transitions: [
            ...base.transitions,
            {
              fromNcy: second.fromNcy,
              fromSetting: 'mainstream',
              toSetting: 'special',
              toBand: '1',
              rate: second.rate,
            },
          ],
        };
        const adjustments: Adjustments = {
          ceasing: {
            groupOf: (cell) =>
              cell.ncy >= ceasing.from && cell.ncy <= ceasing.from + ceasing.span ? 1 : 0,
            factor: (_group, ay) => ceasing.factor.plus(new Dec(ay - 2025).div(7)),
          },
          // The plans of one need scaled, a quarter of them sent to special band 2.
          newPlans: (_ay, cell) =>
            cell.need === plans.need
              ? [
                  {
                    setting: cell.setting,
                    band: cell.band,
                    share: 0.75 * Number(plans.scale.toString()),
                  },
                  { setting: 'special', band: '2', share: 0.25 * Number(plans.scale.toString()) },
                ]
              : undefined,
          // A filter on need alone also matches pupils already where the move puts them: they stay, and are not arrivals.
          moves: (ay) =>
            ay === move.year
              ? [
                  {
                    matches: (cell) => cell.setting === 'mainstream' && cell.ncy >= move.from,
                    fraction: move.fraction,
                    toSetting: 'special',
                    toBand: '2',
                  },
                  {
                    matches: (cell) => cell.need === move.need,
                    fraction: move.fraction,
                    toSetting: 'special',
                  },
                ]
              : [],
        };
        expectAgreement(m, adjustments);
      }),
      RUNS,
    );
  });

  it('one ProjectionCache for many variants of a model prints what a fresh projection of each prints', () => {
    fc.assert(
      fc.property(demandArb, fc.integer({ min: 0, max: 20 }), (m, cut) => {
        const variants: Model[] = [
          m,
          {
            ...m,
            assumptions: {
              ...m.assumptions,
              newPlansGrowth: m.assumptions.newPlansGrowth.plus('0.05'),
            },
          },
          { ...m, horizon: m.horizon - 1 },
          {
            ...m,
            overflowSetting: 'special',
            capacity: (m.capacity ?? []).filter((row) => row.setting === 'mainstream'),
          },
          { ...m, capacity: [] },
          {
            ...m,
            tariff: {
              ...m.tariff,
              settings: [...m.tariff.settings].reverse(),
              rates: m.tariff.rates.map((r) => ({
                ...r,
                topUp: r.topUp.times(d('1').minus(new Dec(cut).div(100))),
              })),
            },
          },
          { ...m, baseYear: m.baseYear + 1 },
          // Each of the next three differs from m in one thing a cached plan or rate book is
          // matched on, with m's other objects: a match that left it out went unnoticed before.
          { ...m, overflowSetting: 'special' },
          { ...m, ceasing: m.ceasing.map((row) => ({ ...row, rate: row.rate.div(2) })) },
          { ...m, assumptions: { ...m.assumptions, tariffUplift: d('0.03') } },
        ];
        const cache = new ProjectionCache();
        const shared = variants.map((v) => renderWith(v, cache));
        expect(shared).toEqual(variants.map((v) => renderWith(v, new ProjectionCache())));
      }),
      RUNS,
    );
  });

  it('money is conserved: settings add up to the totals before rounding, and balances follow the ledger identity', () => {
    fc.assert(
      fc.property(modelArb, (m) => {
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
      }),
      RUNS,
    );
  });

  it('the order of input rows never changes the output bytes', () => {
    fc.assert(
      fc.property(demandArb, fc.integer({ min: 1, max: 1_000_000 }), (m, seed) => {
        const reordered: Model = {
          ...m,
          cohort: shuffled(m.cohort, seed),
          newPlans: shuffled(m.newPlans, seed + 1),
          ceasing: shuffled(m.ceasing, seed + 2),
          transitions: shuffled(m.transitions, seed + 3),
          funding: shuffled(m.funding, seed + 4),
          population: shuffled(m.population ?? [], seed + 6),
          capacity: shuffled(m.capacity ?? [], seed + 7),
          tariff: { ...m.tariff, rates: shuffled(m.tariff.rates, seed + 5) },
        };
        expect(render(reordered)).toBe(render(m));
      }),
      RUNS,
    );
  });

  it('with non-negative tariffs, more pupils never cost less', () => {
    fc.assert(
      fc.property(modelArb, cellArb, (m, extra) => {
        const before = projectOrThrow(m).years;
        const after = projectOrThrow({ ...m, cohort: [...m.cohort, extra] }).years;
        after.forEach((year, i) =>
          expect(year.spendTotal.greaterThanOrEqualTo(before[i]!.spendTotal)).toBe(true),
        );
      }),
      RUNS,
    );
  });
});
