import { InternalError } from '../errors.js';
import type { CeasingRow, TransitionRow } from '../model.js';
import { NCY_MIN } from '../need.js';
import { CeasingRules, TransitionRules } from '../rules.js';
import { SPAN } from '../demand/lanes.js';
import type { DemandPlan } from '../demand/plan.js';

/**
 * Which input row gives each rate of a plan: the ceasing row of each state and the transition row
 * of each move (DemandPlan.rates), found once by the same rules the plan was built with
 * (src/core/rules.ts), so a simulation can put a row's drawn rate wherever the row applies.
 * Both are empty when no row has an uncertainty: there is nothing to put.
 */
export interface RateSources {
  /** The ceasing row (an index into the model's rows) of each state; −1: no row, rate 0. */
  readonly ceasingRow: Int32Array;
  /** The transition row of each move (DemandPlan.rates.moveTarget order). */
  readonly moveRow: Int32Array;
}

export function rateSources(
  plan: DemandPlan,
  ceasing: readonly CeasingRow[],
  transitions: readonly TransitionRow[],
): RateSources {
  // Only rows that say how sure they are are drawn (RateDrawer): without any, no rate needs its row.
  if (!ceasing.some((row) => row.uncertainty) && !transitions.some((row) => row.uncertainty))
    return { ceasingRow: new Int32Array(0), moveRow: new Int32Array(0) };
  const ceasingRules = new CeasingRules(ceasing);
  const ceasingIndex = new Map<CeasingRow, number>(ceasing.map((row, i) => [row, i]));
  const tagged = transitions.map((row) => ({ ...row }));
  const transitionIndex = new Map<TransitionRow, number>(tagged.map((row, i) => [row, i]));
  const transitionRules = new TransitionRules(tagged);
  const ceasingRow = new Int32Array(plan.size).fill(-1);
  const moveRow: number[] = [];
  plan.lanes.forEach((lane, l) => {
    const leaves = transitionRules.leaves(lane.setting);
    for (let offset = 0; offset < SPAN; offset += 1) {
      const ncy = offset + NCY_MIN;
      const row = ceasingRules.row(ncy, lane.need, lane.setting);
      ceasingRow[l * SPAN + offset] = row ? ceasingIndex.get(row)! : -1;
      // As the rule book: nobody moves past NCY 20, nor out of a setting no row leaves.
      if (!leaves || offset === SPAN - 1) continue;
      for (const row of transitionRules.from(ncy, lane.setting, lane.need))
        moveRow.push(transitionIndex.get(row)!);
    }
  });
  if (moveRow.length !== plan.rates.moveTarget.length)
    throw new InternalError(
      `simulate found ${moveRow.length} transition moves where the plan has ${plan.rates.moveTarget.length}`,
    );
  return { ceasingRow, moveRow: Int32Array.from(moveRow) };
}
