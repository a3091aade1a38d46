import type { Adjustments } from '../adjustments.js';
import { ProjectionCache } from '../demand/cache.js';
import type { PlanParts } from '../demand/plan.js';
import type { Demand } from '../demand/run.js';
import type { Model } from '../model.js';

/**
 * A ProjectionCache that also keeps the demand of a projection whose levers move pupils, by the
 * identity of its adjustments (and inputs and rules): so a scenario's breakdown, asked with the
 * very objects its projection was made with, steps the cohort once, not twice. Only a caller
 * that passes the same Adjustments object twice gains anything; the value is the same either way.
 */
export class SharedDemandCache extends ProjectionCache {
  private readonly kept = new WeakMap<Adjustments, { parts: PlanParts; demand: Demand }[]>();

  override demand(
    model: Model,
    parts: PlanParts,
    adjustments: Adjustments,
    make: () => Demand,
  ): Demand {
    return super.demand(model, parts, adjustments, () => {
      const entries = this.kept.get(adjustments) ?? [];
      const hit = entries.find(
        (e) => e.parts.inputs === parts.inputs && e.parts.book === parts.book,
      );
      if (hit) return hit.demand;
      const demand = make();
      this.kept.set(adjustments, [...entries, { parts, demand }]);
      return demand;
    });
  }
}
