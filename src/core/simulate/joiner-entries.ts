import type { Adjustments, NewPlanStep } from '../adjustments.js';
import type { DemandInputs } from '../demand/inputs.js';
import { newPlanShares } from '../demand/year-inputs.js';
import type { AcademicYear } from '../period.js';

/**
 * One year's joiner entries (YearPlan.joiners order): each entry's new-plan cell, its share of the
 * cell's plans, and the lever steps that made the share (NewPlanShare.steps; none for a cell no
 * lever touches).
 */
export interface JoinerEntries {
  readonly cell: Int32Array;
  readonly share: Float64Array;
  readonly steps: readonly (readonly NewPlanStep[])[];
}

/**
 * Each year's joiner entries under a scenario's new-plan levers, in the order
 * src/core/demand/year-inputs.ts (joinersOf) adds them: a cell no lever touches is one entry of
 * share 1; a cell the levers split is one entry per part, with the part's share.
 */
export function joinerEntries(
  inputs: DemandInputs,
  years: readonly AcademicYear[],
  adjustments: Adjustments,
): JoinerEntries[] {
  const shares = newPlanShares(inputs, years, adjustments);
  return years.map((ay) => {
    const cells: number[] = [];
    const parts: number[] = [];
    const steps: (readonly NewPlanStep[])[] = [];
    inputs.newPlans.cells.forEach((_, i) => {
      const split = shares?.get(ay)![i];
      if (!split) {
        cells.push(i);
        parts.push(1);
        steps.push([]);
      } else
        for (const share of split) {
          cells.push(i);
          parts.push(share.share);
          steps.push(share.steps ?? []);
        }
    });
    return { cell: Int32Array.from(cells), share: Float64Array.from(parts), steps };
  });
}
