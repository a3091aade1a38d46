import type { Adjustments } from '../adjustments.js';
import type { Issue } from '../issue.js';
import type { Model } from '../model.js';
import type { AcademicYear } from '../period.js';
import { ProjectionCache } from './cache.js';
import { flowTally, type FlowTally } from './flows.js';
import { SPAN } from './lanes.js';
import { type DemandPlan, planBase, planDemand } from './plan.js';
import { moveBase, stepYear } from './step.js';

/** One AY's January cohort: expected pupils by state, summed by lane, and the flows into it. */
export interface DemandYear {
  readonly academicYear: AcademicYear;
  readonly counts: Float64Array;
  /** Pupils by lane (DemandPlan.lanes), summed over NCY in NCY order. */
  readonly laneTotals: Float64Array;
  /** Flows into this AY from the one before, by setting; absent for the base year. */
  readonly flows?: FlowTally;
  /**
   * The pupils each of the scenario's moves into this AY moved, in the order of its moves
   * (DemandPlan.baseMoves for the base year, YearPlan.moves for the others).
   */
  readonly byMove: Float64Array;
}

export interface Demand {
  readonly plan: DemandPlan;
  readonly years: readonly DemandYear[];
  /** Problems found on the way (a rate per head without a population). */
  readonly issues: readonly Issue[];
}

/** The cohort of every AY from the base year to `lastYear` (docs/methodology.md, "Stepping the cohort"). */
export function projectDemand(
  model: Model,
  lastYear: AcademicYear,
  adjustments: Adjustments = {},
  cache = new ProjectionCache(),
): Demand {
  const parts = cache.parts(model, lastYear);
  return cache.demand(model, parts, adjustments, () => {
    const base = cache.planBase(model, parts, () => planBase(model, lastYear, parts));
    const plan = planDemand(model, lastYear, adjustments, parts, base);
    return { plan, years: runPlan(plan), issues: parts.inputs.issues };
  });
}

/** Steps a plan through its years. Every array is made before the first step. */
function runPlan(plan: DemandPlan): DemandYear[] {
  const counts = [
    Float64Array.from(plan.base),
    ...plan.years.map(() => new Float64Array(plan.size)),
  ];
  const tallies = plan.years.map(() => flowTally(plan.settings.length));
  const arrivals = { joined: new Float64Array(plan.size), movedIn: new Float64Array(plan.size) };
  const byMove = [plan.baseMoves, ...plan.years.map((year) => year.moves)].map(
    (moves) => new Float64Array(moves.length),
  );
  moveBase(plan, counts[0]!, undefined, byMove[0]);
  plan.years.forEach((year, i) =>
    stepYear(plan, year, counts[i]!, counts[i + 1]!, arrivals, tallies[i]!, byMove[i + 1]!),
  );
  return counts.map((vector, i) => ({
    academicYear: plan.baseYear + i,
    counts: vector,
    laneTotals: laneTotals(vector, plan.lanes.length),
    ...(i > 0 ? { flows: tallies[i - 1]! } : {}),
    byMove: byMove[i]!,
  }));
}

function laneTotals(counts: Float64Array, lanes: number): Float64Array {
  const totals = new Float64Array(lanes);
  for (let l = 0; l < lanes; l += 1) {
    let total = 0;
    for (let s = l * SPAN; s < (l + 1) * SPAN; s += 1) total += counts[s]!;
    totals[l] = total;
  }
  return totals;
}
