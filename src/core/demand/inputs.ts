import type { Decimal } from 'decimal.js';
import type { Issue, Location } from '../issue.js';
import type { Cell, Model } from '../model.js';
import { newPlansByYear, type NewPlans } from '../new-plans.js';
import type { AcademicYear } from '../period.js';
import { doubles } from './count.js';
import { feeOf, type Lane, type LaneInterner, newPlanLane, SPAN, stateOf } from './lanes.js';

/** One lane of the base January cohort: its pupils by NCY offset, and the row of its lowest NCY. */
interface CohortLane {
  readonly lane: Lane;
  readonly counts: Float64Array;
  readonly origin: Location | undefined;
}

/**
 * What a projection reads from a model's cohort and new plans, as lanes and doubles: the same for
 * every scenario of the model (they share its arrays), so a ProjectionCache keeps it.
 */
export interface DemandInputs {
  /** The base January cohort, by lane key; a lane's origin is the row of its lowest NCY, whatever the order of the rows. */
  readonly cohort: readonly CohortLane[];
  readonly newPlans: NewPlans;
  /** The lane of each new-plan cell. */
  readonly newPlanLanes: readonly Lane[];
  /** Problems found on the way (a rate per head without a population), for every projection to report. */
  readonly issues: readonly Issue[];
}

export function demandInputs(
  model: Model,
  lastYear: AcademicYear,
  interner: LaneInterner,
): DemandInputs {
  const issues: Issue[] = [];
  const newPlans = newPlansByYear(
    model.newPlans,
    model.baseYear,
    lastYear,
    model.assumptions.newPlansGrowth,
    model.population ?? [],
    issues,
  );
  return {
    cohort: cohortLanes(model.cohort, interner),
    newPlans,
    newPlanLanes: newPlans.cells.map((cell) =>
      newPlanLane(interner, cell, cell.setting, cell.band),
    ),
    issues,
  };
}

/**
 * The cohort by lane and NCY. Cells of one state are summed exactly in Decimal before the sum
 * becomes a double, so the order of the cells cannot change a bit of the result.
 */
function cohortLanes(cells: readonly Cell[], interner: LaneInterner): CohortLane[] {
  const byLane = new Map<Lane, { sums: (Decimal | undefined)[]; ncy: number; origin?: Location }>();
  for (const cell of cells) {
    const lane = interner.lane(cell.need, cell.setting, cell.band, feeOf(cell), cell.outOfArea);
    const offset = stateOf(0, cell.ncy);
    let held = byLane.get(lane);
    if (!held) {
      held = { sums: new Array<Decimal | undefined>(SPAN), ncy: cell.ncy };
      byLane.set(lane, held);
    }
    held.sums[offset] = held.sums[offset]?.plus(cell.count) ?? cell.count;
    if (cell.origin && (!held.origin || cell.ncy < held.ncy)) {
      held.ncy = cell.ncy;
      held.origin = cell.origin;
    }
  }
  const lanes = [...byLane.keys()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const double = doubles();
  return lanes.map((lane) => {
    const { sums, origin } = byLane.get(lane)!;
    const counts = new Float64Array(SPAN);
    for (let offset = 0; offset < SPAN; offset += 1) {
      const sum = sums[offset];
      if (sum !== undefined) counts[offset] = double(sum);
    }
    return { lane, counts, origin };
  });
}
