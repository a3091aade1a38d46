import { describe, expect, it } from 'vitest';
import type { Adjustments } from '../../../src/core/adjustments.js';
import { ProjectionCache } from '../../../src/core/demand/cache.js';
import { projectDemand } from '../../../src/core/demand/run.js';
import { Dec } from '../../../src/core/decimal.js';
import type { Model } from '../../../src/core/model.js';
import { project } from '../../../src/core/project.js';
import type { Projection } from '../../../src/core/projection.js';
import { toPence } from '../../../src/core/rounding.js';
import { applyScenario } from '../../../src/core/scenario/apply.js';
import { drawBalances, incomeBasis } from '../../../src/core/simulate/balances.js';
import { type DrawMoney, SpendPlan } from '../../../src/core/simulate/spend-plan.js';
import { loadScenarios } from '../../../src/io/scenarios-file.js';
import { fixture, loadFixture, projectOrThrow } from '../../helpers/model.js';

/** The worked example's independent school with places (pupils × £6,000) funded by the DfE. */
const DFE_INDEPENDENT = { placeValue: new Dec('6000'), placeFundedBy: 'dfe' as const };

/** The simulation's costing of the deterministic projection's own pupils, by FY. */
function simulatedMoney(model: Model, adjustments: Adjustments = {}): DrawMoney {
  const cache = new ProjectionCache();
  const demand = projectDemand(model, model.horizon, adjustments, cache);
  const rateBook = cache.rateBook(model.tariff, model.assumptions.tariffUplift);
  const plan = new SpendPlan(demand.plan, model, adjustments, rateBook);
  return plan.money(demand.years.map((year) => year.laneTotals));
}

const simulatedSpend = (model: Model, adjustments: Adjustments = {}): string[] =>
  simulatedMoney(model, adjustments).spend.map(String);

/** |a − b| < 10^−20, and the same pence. */
function same(simulated: Dec, expected: Dec): void {
  expect(expected.minus(simulated).abs().lessThan('1e-20')).toBe(true);
  expect(toPence(simulated)).toBe(toPence(expected));
}

/** The simulation's spend, "dfe" place funding and balances for project's own pupils are project's. */
function expectProjectMoney(model: Model, adjustments: Adjustments, projection: Projection): void {
  const money = simulatedMoney(model, adjustments);
  const { inYear, cumulative } = drawBalances(incomeBasis(projection), money);
  projection.years.forEach((year, f) => {
    same(money.spend[f]!, year.spendTotal);
    same(money.placeDfe[f]!, year.placeDfe);
    same(inYear[f]!, year.inYearBalance);
    same(cumulative[f]!, year.cumulativeBalance);
  });
}

// The simulation charges whole pupils through base-10^6 digits in doubles (src/core/simulate/spend-plan.ts),
// not through src/core/cost.ts: given the same pupils it must charge what project charges.
describe("simulate's costing is project's", () => {
  it('worked example (whole pupils, the digits path): exactly the same Decimal spend each year', () => {
    const model = loadFixture('worked-example');
    expect(simulatedSpend(model)).toEqual(
      projectOrThrow(model).years.map((y) => y.spendTotal.toString()),
    );
  });

  it('worked example with every count × 10^10 (the digits pass 2^53: the draw charged in Decimal): exactly the same Decimal spend each year', () => {
    // A count mistyped with extra zeros stopped simulate with "internal error: this is a bug".
    const given = loadFixture('worked-example');
    const model = {
      ...given,
      cohort: given.cohort.map((cell) => ({ ...cell, count: cell.count.times('1e10') })),
    };
    expect(simulatedSpend(model)).toEqual(
      projectOrThrow(model).years.map((y) => y.spendTotal.toString()),
    );
  });

  it('demand example (fractional pupils: the Decimal path; capacity; a rate per head): the same to far below a penny', () => {
    const model = loadFixture('demand-example');
    const expected = projectOrThrow(model).years.map((y) => y.spendTotal);
    simulatedSpend(model).forEach((spend, f) => same(new Dec(spend), expected[f]!));
  });

  it.each(['unmitigated', 'mitigated'])(
    'the example under scenario %s (bespoke fees, places given, "dfe" settings, an unoccupied place value, every kind of lever): spend, dfe places and balances the same to far below a penny',
    (id) => {
      const scenario = loadScenarios(fixture('example'), '').scenarios!.find((s) => s.id === id)!;
      const applied = applyScenario(loadFixture('example'), scenario);
      const outcome = project(applied.model, applied.adjustments);
      expectProjectMoney(applied.model, applied.adjustments, outcome.projection!);
    },
  );
});

// Issue 16's money model, every part that depends on pupils or is added beside them: deductions
// computed from the "dfe" settings' places (NMSS and FE from pupils, academies from places given and
// a scenario's extra), spend.csv lines with growth, and a resourced provision whose places are
// given (more than its pupils and those imported fill) in some years, and are its pupils and a scenario's extra, unfilled, in others.
describe("simulate's money is project's on the money model", () => {
  const example = loadFixture('example');
  const model: Model = {
    ...example,
    funding: example.funding.filter((row) => row.line !== 'hnb_deductions'),
    spend: [
      {
        financialYear: 2026,
        line: 'hospital education',
        amount: new Dec('100000'),
        growth: new Dec('0.05'),
      },
      { financialYear: 2026, line: 'SEN support services', amount: new Dec('50000.55') },
      { financialYear: 2028, line: 'SEN support services', amount: new Dec('61000') },
    ],
    assumptions: { ...example.assumptions, otherSpendGrowth: new Dec('0.02') },
    places: example.places
      .filter((row) => row.setting !== 'resourced-provision' || row.academicYear < 2028)
      .map((row) =>
        row.setting === 'resourced-provision'
          ? { ...row, places: new Dec('150'), imported: new Dec('7') }
          : row,
      ),
  };
  const adjustments: Adjustments = {
    extraPlaces: (ay, setting) =>
      setting === 'resourced-provision' && ay >= 2029
        ? new Dec('4')
        : setting === 'special-academy' && ay >= 2027
          ? new Dec('60')
          : undefined,
  };
  const projection = project(model, adjustments).projection!;

  it('the model computes its deductions, spends other lines and charges unoccupied places', () => {
    expect(projection.years.every((y) => y.income.deductionsBasis === 'computed')).toBe(true);
    expect(projection.years.every((y) => y.placeDfe.greaterThan(0))).toBe(true);
    expect(projection.years.every((y) => y.spendOther.greaterThan(0))).toBe(true);
    const plain = project({ ...model, tariff: withoutUnoccupied(model) }, adjustments).projection!;
    projection.years.forEach((year, f) =>
      expect(plain.years[f]!.spendPlace.lessThan(year.spendPlace)).toBe(true),
    );
  });

  it('spend, dfe place funding, in-year and cumulative balances: the same to far below a penny', () => {
    expectProjectMoney(model, adjustments, projection);
  });
});

// The same on whole pupils (the digits path): the worked example with its special school's places
// given above its pupils (an unoccupied value) and then its pupils and 3 extra, its independent
// school's places (pupils × £6,000) funded by the DfE, no deductions given, and a spend line.
describe("simulate's money is project's on the money model, whole pupils", () => {
  const worked = loadFixture('worked-example');
  const model: Model = {
    ...worked,
    tariff: withSettings(worked.tariff, {
      special: { unoccupiedPlaceValue: new Dec('15000') },
      independent: DFE_INDEPENDENT,
    }),
    spend: [{ financialYear: 2026, line: 'hospital education', amount: new Dec('12345.67') }],
    assumptions: { ...worked.assumptions, otherSpendGrowth: new Dec('0.03') },
  };
  const adjustments: Adjustments = {
    extraPlaces: (ay, setting) => (setting === 'special' && ay >= 2027 ? new Dec('3') : undefined),
  };
  const projection = project(model, adjustments).projection!;

  it('the pupils are whole, deductions computed, and some places unoccupied', () => {
    const demand = projectDemand(model, model.horizon, adjustments, new ProjectionCache());
    expect(demand.years.every((y) => y.laneTotals.every(Number.isInteger))).toBe(true);
    expect(projection.years.every((y) => y.income.deductionsBasis === 'computed')).toBe(true);
    expect(projection.years.every((y) => y.placeDfe.greaterThan(0))).toBe(true);
    const plain = project({ ...model, tariff: withoutUnoccupied(model) }, adjustments).projection!;
    expect(plain.years[0]!.spendPlace.lessThan(projection.years[0]!.spendPlace)).toBe(true);
  });

  it('spend, dfe place funding, in-year and cumulative balances: the same to far below a penny', () => {
    expectProjectMoney(model, adjustments, projection);
  });
});

/** A tariff with some settings changed, by id. */
function withSettings(
  tariff: Model['tariff'],
  changes: Record<string, Partial<Model['tariff']['settings'][number]>>,
): Model['tariff'] {
  return {
    ...tariff,
    settings: tariff.settings.map((setting) => ({ ...setting, ...changes[setting.id] })),
  };
}

function withoutUnoccupied(model: Model): Model['tariff'] {
  return {
    ...model.tariff,
    settings: model.tariff.settings.map(({ unoccupiedPlaceValue: _, ...setting }) => setting),
  };
}

// Pupils placed out of area (issue 16 item 3): every third cohort cell and the new plans of one
// setting; the mitigated scenario moves and redirects some of them, and they become in-area where
// they land. The simulation charges them top-ups and no places, as project does.
describe("simulate's money is project's with pupils placed out of area", () => {
  const example = loadFixture('example');
  const model: Model = {
    ...example,
    cohort: example.cohort.map((cell, i) => (i % 3 === 0 ? { ...cell, outOfArea: true } : cell)),
    newPlans: example.newPlans.map((row) =>
      row.setting === example.newPlans[0]!.setting ? { ...row, outOfArea: true } : row,
    ),
  };
  const scenario = loadScenarios(fixture('example'), '').scenarios!.find(
    (s) => s.id === 'mitigated',
  )!;
  const applied = applyScenario(model, scenario);
  const projection = project(applied.model, applied.adjustments).projection!;

  it('out-of-area pupils change the place funding, not the top-ups', () => {
    const inArea = applyScenario(example, scenario);
    const before = project(inArea.model, inArea.adjustments).projection!;
    projection.years.forEach((year, f) => {
      expect(year.spendPlace.plus(year.placeDfe)).not.toEqual(
        before.years[f]!.spendPlace.plus(before.years[f]!.placeDfe),
      );
      // The same pupils, summed over more lanes in another order: the same top-ups to the penny.
      expect(toPence(year.spendTopUp)).toBe(toPence(before.years[f]!.spendTopUp));
    });
  });

  it('spend, dfe place funding, in-year and cumulative balances: the same to far below a penny', () => {
    expectProjectMoney(applied.model, applied.adjustments, projection);
  });
});

// HNB deductions follow the "dfe" settings' place funding in every year, given or not
// (src/core/ledger.ts): a draw with one more pupil in a DfE-funded setting whose places follow
// its pupils has £6,000 a year more deducted, for the months that pupil is there, whether the
// year's deductions are given, carried or computed.
describe("a draw's deductions follow its own dfe place funding", () => {
  const worked = loadFixture('worked-example');
  const model: Model = {
    ...worked,
    tariff: withSettings(worked.tariff, { independent: DFE_INDEPENDENT }),
    funding: [
      ...worked.funding,
      { financialYear: 2026, line: 'hnb_deductions', amount: new Dec('6000') },
    ],
  };
  const projection = project(model).projection!;
  const cache = new ProjectionCache();
  const demand = projectDemand(model, model.horizon, {}, cache);
  const plan = new SpendPlan(
    demand.plan,
    model,
    {},
    cache.rateBook(model.tariff, model.assumptions.tariffUplift),
  );
  const basis = incomeBasis(projection);
  const own = demand.years.map((year) => Float64Array.from(year.laneTotals));
  // One more independent pupil in AY 2026/27 (index 1): 7 months of FY 2026-27, 5 of FY 2027-28.
  const more = own.map((totals) => totals.slice());
  const independent = demand.plan.lanes.findIndex((lane) => lane.setting === 'independent');
  more[1]![independent]! += 1;

  it('the deductions are given in 2026-27 and carried into 2027-28', () => {
    expect(projection.years.map((y) => y.income.deductionsBasis)).toEqual(['given', 'carried']);
  });

  it("the draw's income is the projection's less its extra place funding: £3,500 and £2,500", () => {
    const [at, after] = [plan.money(own), plan.money(more)];
    const balances = [drawBalances(basis, at), drawBalances(basis, after)];
    const extraDfe = after.placeDfe.map((value, f) => value.minus(at.placeDfe[f]!).toFixed(2));
    expect(extraDfe).toEqual(['3500.00', '2500.00']);
    projection.years.forEach((_, f) => {
      const extraSpend = after.spend[f]!.minus(at.spend[f]!);
      const change = balances[1]!.inYear[f]!.minus(balances[0]!.inYear[f]!);
      expect(change.toFixed(2)).toBe(extraSpend.plus(extraDfe[f]!).negated().toFixed(2));
    });
  });
});
