import { describe, expect, it } from 'vitest';
import { ProjectionCache } from '../../../src/core/demand/cache.js';
import { projectDemand } from '../../../src/core/demand/run.js';
import { Dec } from '../../../src/core/decimal.js';
import type { Model } from '../../../src/core/model.js';
import { project } from '../../../src/core/project.js';
import { toPence } from '../../../src/core/rounding.js';
import { applyScenario } from '../../../src/core/scenario/apply.js';
import { SpendPlan } from '../../../src/core/simulate/spend-plan.js';
import { loadScenarios } from '../../../src/io/scenarios-file.js';
import { fixture, loadFixture, projectOrThrow } from '../../helpers/model.js';

/** The simulation's costing of the deterministic projection's own pupils, by FY. */
function simulatedSpend(model: Model, adjustments = {}): string[] {
  const cache = new ProjectionCache();
  const demand = projectDemand(model, model.horizon, adjustments, cache);
  const rateBook = cache.rateBook(model.tariff, model.assumptions.tariffUplift);
  const plan = new SpendPlan(demand.plan, model, adjustments, rateBook, (lane) =>
    cache.seriesOf(rateBook, lane),
  );
  return plan.spend(demand.years.map((year) => year.laneTotals)).map(String);
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

  it('demand example (fractional pupils: the Decimal path; capacity; a rate per head): the same to far below a penny', () => {
    const model = loadFixture('demand-example');
    const expected = projectOrThrow(model).years.map((y) => y.spendTotal);
    simulatedSpend(model).forEach((spend, f) => {
      expect(expected[f]!.minus(spend).abs().lessThan('1e-20')).toBe(true);
      expect(toPence(new Dec(spend))).toBe(toPence(expected[f]!));
    });
  });

  it.each(['unmitigated', 'mitigated'])(
    'the example under scenario %s (bespoke fees, places given, every kind of lever): the same to far below a penny',
    (id) => {
      const scenario = loadScenarios(fixture('example'), '').scenarios!.find((s) => s.id === id)!;
      const applied = applyScenario(loadFixture('example'), scenario);
      const outcome = project(applied.model, applied.adjustments);
      const simulated = simulatedSpend(applied.model, applied.adjustments);
      outcome.projection!.years.forEach((year, f) => {
        expect(year.spendTotal.minus(simulated[f]!).abs().lessThan('1e-20')).toBe(true);
        expect(toPence(new Dec(simulated[f]!))).toBe(toPence(year.spendTotal));
      });
    },
  );
});
