import { ProjectionCache } from '../../src/core/demand/cache.js';
import { projectDemand } from '../../src/core/demand/run.js';
import type { Model } from '../../src/core/model.js';
import { applyScenario } from '../../src/core/scenario/apply.js';
import { leverAdjustments } from '../../src/core/scenario/levers.js';
import type { Scenario } from '../../src/core/scenario/types.js';
import { LeverRanges, rangeProbe } from '../../src/core/simulate/lever-ranges.js';

/**
 * A scenario's plan and lever ranges as a simulation lays them out (src/core/simulate/pupil-draws.ts):
 * the plan from the scenario's adjustments, or from rangeProbe's when a ranged lever's share is 0.
 */
export function preparedRanges(model: Model, scenario: Scenario) {
  const cache = new ProjectionCache();
  const applied = applyScenario(model, scenario, undefined, { cache });
  const m = applied.model;
  const probe = rangeProbe(scenario);
  const laidOut = probe ? leverAdjustments(probe.levers) : applied.adjustments;
  const plan = projectDemand(m, m.horizon, laidOut, cache).plan;
  const inputs = cache.parts(m, m.horizon).inputs;
  const ranges = LeverRanges.of(scenario.levers, plan, inputs, laidOut)!;
  return { cache, applied, laidOut, plan, inputs, ranges };
}
