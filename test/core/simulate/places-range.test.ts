import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ProjectionCache } from '../../../src/core/demand/cache.js';
import { projectDemand } from '../../../src/core/demand/run.js';
import { Dec } from '../../../src/core/decimal.js';
import type { Model } from '../../../src/core/model.js';
import { project } from '../../../src/core/project.js';
import { toPence } from '../../../src/core/rounding.js';
import { applyScenario } from '../../../src/core/scenario/apply.js';
import type { Lever, PlacesLever, Profile, Scenario } from '../../../src/core/scenario/types.js';
import { AreaSimulation } from '../../../src/core/simulate/simulate-area.js';
import { loadFixture } from '../../helpers/model.js';

// The example as the money model has it (test/core/simulate/spend.test.ts): deductions computed
// from the "dfe" settings' places, so a special academy's places move the balance, and resourced
// provision with places given (more than its pupils fill) until 2027/28 and its pupils after.
const example = loadFixture('example');
const model: Model = {
  ...example,
  funding: example.funding.filter((row) => row.line !== 'hnb_deductions'),
  places: example.places
    .filter((row) => row.setting !== 'resourced-provision' || row.academicYear < 2028)
    .map((row) =>
      row.setting === 'resourced-provision'
        ? { ...row, places: new Dec('150'), imported: new Dec('7') }
        : row,
    ),
};

const step = (from: number): Profile => ({ shape: 'step', from, fullBy: from });

/** A places lever, with a range when low and high are given. */
function places(
  id: string,
  setting: string,
  count: string,
  profile: Profile,
  range?: [string, string, 'uniform'?],
): PlacesLever {
  return {
    id,
    label: id,
    kind: 'places',
    filter: {},
    profile,
    setting,
    places: new Dec(count),
    ...(range
      ? {
          range: {
            kind: 'range',
            low: new Dec(range[0]),
            high: new Dec(range[1]),
            ...(range[2] ? { uniform: true } : {}),
          },
        }
      : {}),
  };
}

/**
 * Four capital projects: 40 special places from September 2027 (anywhere from 20 to 40, as
 * projects slip), 20 more resourced places phased in over three years (5 to 30: the unoccupied
 * place value makes their money not linear in them), a 60-place free school whose places the DfE
 * funds (anywhere from none to 60, evenly: a deduction from the HNB, not spend), and 10 special
 * places closing (no range) in the setting of the first.
 */
const capital = (drawn: ReadonlyMap<string, Decimal> = new Map(), ranged = true): Scenario => {
  const levers: PlacesLever[] = [
    places('new-special', 'special-maintained', '40', step(2027), ['20', '40']),
    places(
      'resourced-units',
      'resourced-provision',
      '20',
      { shape: 'linear', from: 2027, fullBy: 2029 },
      ['5', '30'],
    ),
    places('free-school', 'special-academy', '60', step(2028), ['0', '60', 'uniform']),
    places('closure', 'special-maintained', '-10', step(2029)),
  ];
  return {
    id: 'capital',
    label: 'Capital projects',
    assumptions: {},
    funding: [],
    inheritedLevers: 0,
    levers: levers.map((lever): Lever => {
      const { range: _range, ...plain } = lever;
      const count = drawn.get(lever.id);
      return { ...(ranged ? lever : plain), ...(count ? { places: count } : {}) };
    }),
  };
};

const cache = new ProjectionCache();
const ready = (scenario: Scenario) => AreaSimulation.prepare(model, scenario, cache).simulation!;

/** |a − b| < 10^−20, and the same pence. */
function same(simulated: Decimal, expected: Decimal): void {
  expect(expected.minus(simulated).abs().lessThan('1e-20'), `${simulated} vs ${expected}`).toBe(
    true,
  );
  expect(toPence(simulated)).toBe(toPence(expected));
}

// docs/simulate.md, "Lever ranges": a places lever's drawn number of places costs a draw as the
// lever with that number would, and leaves the pupils alone.
describe("a places lever's range", () => {
  const ranged = ready(capital());
  const plain = ready(capital(new Map(), false));

  it('draws the same pupils as the levers without ranges', () => {
    expect(ranged.drawsSamePupilsAs(plain)).toBe(true);
    for (const d of [0, 3]) {
      const without = plain.draw(9, d);
      const pupils = plain.pupils.map((totals) => Float64Array.from(totals));
      const within = ranged.draw(9, d);
      expect(ranged.pupils).toEqual(pupils);
      expect(within.pupils.map(String)).toEqual(without.pupils.map(String));
    }
  });

  it("costs a projection's pupils to the penny as project does with the levers at the drawn places", () => {
    // The projection's own (expected) pupils, costed as draw d would cost them.
    const applied = applyScenario(model, capital(), undefined, { cache });
    const demand = projectDemand(applied.model, model.horizon, applied.adjustments, cache);
    expect(demand.plan.lanes).toEqual(ranged.januaries().lanes);
    const pupils = demand.years.map((year) => year.laneTotals);
    const spends = new Set<string>();
    for (const d of [0, 1, 2, 5]) {
      const drawn = ranged.leverPlaces(9, d)!;
      expect([...drawn.keys()].sort()).toEqual(['free-school', 'new-special', 'resourced-units']);
      const bounds = {
        'new-special': [20, 40],
        'resourced-units': [5, 30],
        'free-school': [0, 60],
      };
      for (const [id, [low, high]] of Object.entries(bounds)) {
        expect(drawn.get(id)!.toNumber()).toBeGreaterThanOrEqual(low!);
        expect(drawn.get(id)!.toNumber()).toBeLessThanOrEqual(high!);
      }
      const at = applyScenario(model, capital(drawn, false), undefined, { cache });
      const projection = project(at.model, at.adjustments, cache).projection!;
      const figures = ranged.figuresOf(pupils, { seed: 9, index: d });
      projection.years.forEach((year, f) => {
        same(figures.spend[f]!, year.spendTotal);
        same(figures.inYear[f]!, year.inYearBalance);
        same(figures.cumulative[f]!, year.cumulativeBalance);
      });
      spends.add(figures.spend.at(-1)!.toString());
    }
    // Different draws, different places: the spend moves with them.
    expect(spends.size).toBe(4);
    // The levers' own places are project's: without the ranges, the money is the scenario's.
    const own = project(applied.model, applied.adjustments, cache).projection!;
    const figures = plain.figuresOf(pupils, { seed: 9, index: 0 });
    own.years.forEach((year, f) => same(figures.spend[f]!, year.spendTotal));
  });

  it("adds to a tariff lever's range: both drawn, the money is project's at both", () => {
    const review = (share: string, range?: boolean): Lever => ({
      id: 'band-review',
      label: 'Bands 4 and 5',
      kind: 'tariff',
      filter: { settings: ['mainstream'], bands: ['4', '5'] },
      profile: step(2026),
      share: new Dec(share),
      fromDate: '2026-09-01',
      ...(range ? { range: { kind: 'range', low: new Dec('-0.2'), high: new Dec('0.1') } } : {}),
    });
    const both = (scenario: Scenario, lever: Lever): Scenario => ({
      ...scenario,
      levers: [...scenario.levers, lever],
    });
    const sim = ready(both(capital(), review('-0.03', true)));
    const applied = applyScenario(model, both(capital(), review('-0.03')), undefined, { cache });
    const demand = projectDemand(applied.model, model.horizon, applied.adjustments, cache);
    const pupils = demand.years.map((year) => year.laneTotals);
    for (const d of [1, 7]) {
      const share = sim.tariffShare(9, d)!;
      const drawn = sim.leverPlaces(9, d)!;
      const at = applyScenario(
        model,
        both(capital(drawn, false), review(share.toString())),
        undefined,
        { cache },
      );
      const projection = project(at.model, at.adjustments, cache).projection!;
      const figures = sim.figuresOf(pupils, { seed: 9, index: d });
      projection.years.forEach((year, f) => {
        same(figures.spend[f]!, year.spendTotal);
        same(figures.cumulative[f]!, year.cumulativeBalance);
      });
    }
  });

  it('draws each lever from a stream of its own: the same places whatever the other levers', () => {
    const alone: Scenario = { ...capital(), levers: [capital().levers[1]!] };
    const single = ready(alone);
    for (const d of [0, 4])
      expect(single.leverPlaces(9, d)!.get('resourced-units')).toEqual(
        ranged.leverPlaces(9, d)!.get('resourced-units'),
      );
  });
});

// With hnb_deductions given, a places lever in a "dfe" setting adds its places' funding to them
// (src/core/ledger.ts): a draw's balance moves with the free school's drawn places as project's.
describe("a places lever's range where the deductions are given", () => {
  const given: Model = { ...model, funding: example.funding };
  const givenCache = new ProjectionCache();
  const sim = AreaSimulation.prepare(given, capital(), givenCache).simulation!;

  it('balances each draw to the penny as project does with the levers at the drawn places', () => {
    const applied = applyScenario(given, capital(), undefined, { cache: givenCache });
    const demand = projectDemand(applied.model, given.horizon, applied.adjustments, givenCache);
    const pupils = demand.years.map((year) => year.laneTotals);
    const balances = new Set<string>();
    for (const d of [0, 1, 2, 5]) {
      const drawn = sim.leverPlaces(9, d)!;
      const at = applyScenario(given, capital(drawn, false), undefined, { cache: givenCache });
      const projection = project(at.model, at.adjustments, givenCache).projection!;
      expect(projection.years.map((y) => y.income.deductionsBasis)).not.toContain('computed');
      const figures = sim.figuresOf(pupils, { seed: 9, index: d });
      projection.years.forEach((year, f) => {
        same(figures.inYear[f]!, year.inYearBalance);
        same(figures.cumulative[f]!, year.cumulativeBalance);
      });
      balances.add(projection.years.at(-1)!.income.hnbDeductions.toString());
    }
    // The free school's drawn places move the deductions from draw to draw.
    expect(balances.size).toBe(4);
  });
});
