import type { Decimal } from 'decimal.js';
import type { Issue, Location } from '../issue.js';
import type { Cell, Model } from '../model.js';
import { NCY_MIN } from '../need.js';
import { newPlansByYear, type NewPlans } from '../new-plans.js';
import type { AcademicYear } from '../period.js';
import { doubles } from './count.js';
import { feeOf, type Lane, type LaneInterner, newPlanLane, SPAN, stateOf } from './lanes.js';

/** Pupils of one lane at one NCY. */
interface Entry {
  readonly lane: Lane;
  readonly ncy: number;
  readonly count: number;
}

/**
 * What a projection reads from a model's cohort and new plans, as lanes and doubles: the same for
 * every scenario of the model (they share its arrays), so a ProjectionCache keeps it.
 */
export interface DemandInputs {
  /** The base January cohort, by lane key then NCY. */
  readonly cohort: readonly Entry[];
  /** Each cohort lane's origin: the row of its lowest NCY, whatever the order of the rows. */
  readonly cohortOrigins: ReadonlyMap<Lane, Location>;
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
  const { cohort, cohortOrigins } = cohortEntries(model.cohort, interner);
  return {
    cohort,
    cohortOrigins,
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
function cohortEntries(
  cells: readonly Cell[],
  interner: LaneInterner,
): Pick<DemandInputs, 'cohort' | 'cohortOrigins'> {
  const sums = new Map<Lane, (Decimal | undefined)[]>();
  const origins = new Map<Lane, { ncy: number; origin: Location }>();
  for (const cell of cells) {
    const lane = interner.lane(cell.need, cell.setting, cell.band, feeOf(cell), cell.outOfArea);
    const offset = stateOf(0, cell.ncy);
    let byNcy = sums.get(lane);
    if (!byNcy) {
      byNcy = new Array<Decimal | undefined>(SPAN);
      sums.set(lane, byNcy);
    }
    byNcy[offset] = byNcy[offset]?.plus(cell.count) ?? cell.count;
    const held = origins.get(lane);
    if (cell.origin && (!held || cell.ncy < held.ncy))
      origins.set(lane, { ncy: cell.ncy, origin: cell.origin });
  }
  const lanes = [...sums.keys()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const double = doubles();
  const cohort: Entry[] = [];
  for (const lane of lanes) {
    sums.get(lane)!.forEach((count, offset) => {
      if (count !== undefined) cohort.push({ lane, ncy: offset + NCY_MIN, count: double(count) });
    });
  }
  return {
    cohort,
    cohortOrigins: new Map([...origins].map(([lane, { origin }]) => [lane, origin])),
  };
}
