import { beforeAll, describe, expect, it } from 'vitest';
import { Dec } from '../../../src/core/decimal.js';
import type { Model } from '../../../src/core/model.js';
import { toPence } from '../../../src/core/rounding.js';
import { AreaSimulation } from '../../../src/core/simulate/simulate-area.js';
import { type Simulation, summarise } from '../../../src/core/simulate/simulate.js';
import type { DrawFigures } from '../../../src/core/simulate/simulate-area.js';
import { loadFixture, projectOrThrow } from '../../helpers/model.js';

const example = loadFixture('example');
const projection = projectOrThrow(example);

function row(simulation: Simulation, measure: string, f: number) {
  return simulation.rows.find(
    (r) => r.measure === measure && r.financialYear === simulation.financialYears[f],
  )!;
}

/**
 * `simulate`, drawn a hundred at a time with a pause between, so that the test runner's thread can
 * answer its runner while thousands of draws run (a long synchronous stretch times out its calls).
 */
async function simulated(model: Model, draws: number, seed: number): Promise<Simulation> {
  const { simulation } = AreaSimulation.prepare(model);
  const figures: DrawFigures[] = [];
  for (let d = 0; d < draws; d += 1) {
    figures.push(simulation!.draw(seed, d));
    if (d % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
  }
  return summarise(model.area.code, '', simulation!.financialYears, figures, { seed });
}

/** |a − b| ≤ share × |b| */
const within = (a: Dec, b: Dec, share: string) =>
  a.minus(b).abs().lessThanOrEqualTo(b.abs().times(share));

// Issue 15: as the draws grow the mean converges to project's figures ("within 0.5% at 2,000 draws
// on the example", the issue's own test). Whole pupils drawn binomially and new plans as Poisson
// counts have the expected values project steps, so the means differ from project's only by
// sampling error: at 2,000 draws the standard error of each mean, from the spread of the draws, is
// at most about 0.1% of the figure (the last year's cumulative balance; pupils and spend less), so
// the 0.5% bound is some 4.8 standard errors from a correct engine's mean, and a bias of 0.7% is
// caught all but surely.
describe('the mean of 2,000 draws of the example is within 0.5% of project', () => {
  let simulation: Simulation | undefined;
  beforeAll(async () => {
    simulation = await simulated(example, 2000, 20251);
  }, 120_000);
  it.each(projection.years.map((year, f) => [year.financialYear, f] as const))(
    'FY %i: pupils, spend and cumulative balance; in-year balance within 0.5% of spend',
    (_, f) => {
      const year = projection.years[f]!;
      expect(within(row(simulation!, 'pupils_january', f).mean, year.pupilsJanuary, '0.005')).toBe(
        true,
      );
      expect(within(row(simulation!, 'spend_total', f).mean, year.spendTotal, '0.005')).toBe(true);
      expect(
        within(row(simulation!, 'cumulative_balance', f).mean, year.cumulativeBalance, '0.005'),
      ).toBe(true);
      const inYear = row(simulation!, 'in_year_balance', f).mean;
      expect(inYear.minus(year.inYearBalance).abs().lessThan(year.spendTotal.times('0.005'))).toBe(
        true,
      );
    },
  );

  it('quantiles are in order, and the balances carry the chance of a deficit', () => {
    for (const r of simulation!.rows) {
      const q = Object.values(r.quantiles);
      q.slice(1).forEach((value, i) => expect(value.greaterThanOrEqualTo(q[i]!)).toBe(true));
      expect(r.pDeficit === undefined).toBe(
        r.measure === 'pupils_january' || r.measure === 'spend_total',
      );
    }
  });
});

/** The example with every ceasing and transition rate given a posterior of 50 pupils, and new-plan counts a ±50% range. */
function uncertain(model: Model): Model {
  const exposure = new Dec(50);
  return {
    ...model,
    ceasing: model.ceasing.map((r) => ({
      ...r,
      uncertainty: { kind: 'posterior', observed: r.rate.times(exposure), exposure },
    })),
    transitions: model.transitions.map((r) => ({
      ...r,
      uncertainty: { kind: 'posterior', observed: r.rate.times(exposure), exposure },
    })),
    newPlans: model.newPlans.map((r) =>
      r.count
        ? {
            ...r,
            uncertainty: { kind: 'range', low: r.count.times('0.5'), high: r.count.times('1.5') },
          }
        : r,
    ),
  };
}

// 300 draws each (500 before; issue 18, item 5): the last year's 95% range of pupils is about
// 200 pupils without the uncertainty and 360 with it at 300 draws as at 500, far from the 1.25
// ratio asked; the mean's standard error with it is about 0.15%, against the 1% asked.
describe('uncertain rates widen the intervals around the same centre', () => {
  let plain: Simulation;
  let wide: Simulation;
  beforeAll(async () => {
    plain = await simulated(example, 300, 5);
    wide = await simulated(uncertain(example), 300, 5);
  }, 120_000);
  const last = projection.years.length - 1;
  it('the 95% range of the last year’s pupils is wider with uncertain rates', () => {
    const span = (s: Simulation) => {
      const r = row(s, 'pupils_january', last);
      return r.quantiles.p97_5.minus(r.quantiles.p2_5);
    };
    expect(span(wide).greaterThan(span(plain).times(1.25))).toBe(true);
  });
  it('and the mean stays within 1% of project (a Beta with the rate as its mean; a symmetric range)', () => {
    expect(
      within(row(wide, 'pupils_january', last).mean, projection.years[last]!.pupilsJanuary, '0.01'),
    ).toBe(true);
  });
});

// Golden: the first draws of the example with seed 1. Each draw is its own stream, so these
// figures are the same whatever the number of draws, threads or machine; a change to them
// changes every simulation's bytes and must be deliberate. (The spend changed once, deliberately,
// with the money model of issue 16: the places of "dfe" settings are deductions, not spend; the
// pupils did not. Both changed, deliberately, with issue 15's speed work: one pupil alone in its
// state ceases or moves by one uniform, not two; docs/simulate.md, "Pupils, one by one".)
describe('golden: the first draws of the example, seed 1', () => {
  it('pupils and spend of draws 0, 1 and 2, and draw 2 drawn alone', () => {
    const { simulation } = AreaSimulation.prepare(example);
    const draws = [0, 1, 2].map((d) => simulation!.draw(1, d));
    const seen = draws.map((d) => [d.pupils.map(String), d.spend.map(toPence)]);
    expect(seen).toEqual(GOLDEN_DRAWS);
    const alone = AreaSimulation.prepare(example).simulation!.draw(1, 2);
    expect(alone.spend.map(String)).toEqual(draws[2]!.spend.map(String));
  });
});

const GOLDEN_DRAWS: unknown = [
  [
    ['2654', '2838', '3036', '3270', '3499'],
    ['34931506.71', '36414356.96', '38262450.84', '40677073.77', '43130239.27'],
  ],
  [
    ['2641', '2807', '2976', '3211', '3400'],
    ['34900580.38', '36469038.23', '38113141.81', '40278700.16', '42242440.43'],
  ],
  [
    ['2657', '2816', '2977', '3181', '3376'],
    ['34929601.30', '36588172.87', '38203267.54', '40072857.77', '41710767.19'],
  ],
];
