import type { Adjustments, NewPlanShare } from '../adjustments.js';
import type { AcademicYear } from '../period.js';
import { laneNumber, type LaneSet } from './find-lanes.js';
import type { DemandInputs } from './inputs.js';
import { type LaneInterner, newPlanLane, stateOf } from './lanes.js';

/** A year's new plans as states and counts, added in this order. */
export interface Joiners {
  readonly states: Int32Array;
  readonly counts: Float64Array;
}

/** Each new-plan cell's state in its own lane: where its plans join when no lever sends them elsewhere. */
export function newPlanStates(
  { newPlans, newPlanLanes }: DemandInputs,
  laneSet: LaneSet,
): Int32Array {
  const states = new Int32Array(newPlans.cells.length);
  newPlans.cells.forEach((cell, i) => {
    states[i] = stateOf(laneNumber(laneSet, newPlanLanes[i]!), cell.ncy);
  });
  return states;
}

/**
 * A year's new plans, after a scenario's new-plan levers (`shares`, by cell): each cell's plans, or
 * its shares of them, in cell order. `own` is newPlanStates: a year no lever touches shares it.
 */
export function joinersOf(
  inputs: DemandInputs,
  ay: AcademicYear,
  own: Int32Array,
  laneSet: LaneSet,
  interner: LaneInterner,
  byCell: readonly (readonly NewPlanShare[] | undefined)[] | undefined,
): Joiners {
  const year = inputs.newPlans.counts.get(ay)!;
  if (!byCell?.some((shares) => shares)) return { states: own, counts: year.slice() };
  const states: number[] = [];
  const joining: number[] = [];
  inputs.newPlans.cells.forEach((cell, i) => {
    const shares = byCell[i];
    if (!shares) {
      states.push(own[i]!);
      joining.push(year[i]!);
      return;
    }
    for (const share of shares) {
      states.push(
        stateOf(
          laneNumber(laneSet, newPlanLane(interner, cell, share.setting, share.band)),
          cell.ncy,
        ),
      );
      joining.push(year[i]! * share.share);
    }
  });
  return { states: Int32Array.from(states), counts: Float64Array.from(joining) };
}

/** A scenario's new-plan levers asked once per cell and year: where each cell's plans go (undefined: as given). */
export function newPlanShares(
  { newPlans }: DemandInputs,
  years: readonly AcademicYear[],
  { newPlans: levers, newPlansReach: reach }: Adjustments,
): Map<AcademicYear, (readonly NewPlanShare[] | undefined)[]> | undefined {
  if (!levers) return undefined;
  const reached = newPlans.cells.map((cell) => !reach || reach(cell));
  return new Map(
    years.map((ay) => [
      ay,
      newPlans.cells.map((cell, i) => (reached[i] ? levers(ay, cell) : undefined)),
    ]),
  );
}
