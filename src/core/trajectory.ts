import type { Decimal } from 'decimal.js';
import type { Adjustments } from './adjustments.js';
import { aggregateCells } from './cells.js';
import { Cohort, laneTotals, type LaneTotal } from './cohort.js';
import { type Lanes, lanesFor } from './lanes.js';
import type { Cell, Model } from './model.js';
import { newPlansByYear } from './new-plans.js';
import { PairMemo } from './pair-memo.js';
import { scenarioCeasing } from './scenario-ceasing.js';
import type { AcademicYear } from './period.js';
import { type Flows, flowsOf, movePupils, step } from './step.js';

/** One academic year of a projected cohort, as the cost of the year needs it. */
export interface CohortYear {
  readonly academicYear: AcademicYear;
  /** Pupils by lane (need, setting, band, bespoke), summed over NCY, in a canonical order. */
  readonly totals: readonly LaneTotal[];
  readonly bySetting: ReadonlyMap<string, Decimal>;
  readonly pupils: Decimal;
  /** Flows into this AY from the one before; absent for the base year. */
  readonly flows?: Flows;
}

/**
 * The cohort of every AY from the base year to `lastYear`: the base cohort stepped a year at a
 * time (src/core/step.ts), with a scenario's cohort adjustments. Without adjustments the result
 * depends only on the cohort, flows, rules and growth, so scenarios that change nothing else
 * (tariffs, funding, places) share one computation; see `shared`.
 */
export function cohortYears(model: Model, lastYear: AcademicYear, adjustments: Adjustments = {}): readonly CohortYear[] {
  if (adjustments.newPlans || adjustments.ceasingFactor || adjustments.moves) return computeYears(model, lastYear, adjustments);
  return shared(model, lastYear);
}

function computeYears(model: Model, lastYear: AcademicYear, adjustments: Adjustments): CohortYear[] {
  const lanes = lanesFor(model);
  const newPlans = newPlansFor(model, lastYear);
  const factor = adjustments.ceasingFactor;
  const factored = factor ? scenarioCeasing(lanes, factor) : undefined;
  const years: CohortYear[] = [];
  let cohort = adjusted(baseCohort(lanes, model.cohort), model.baseYear, adjustments);
  let totals = laneTotals(cohort);
  years.push({ academicYear: model.baseYear, ...totals });
  for (let ay = model.baseYear + 1; ay <= lastYear; ay += 1) {
    const opening = totals.pupils;
    const joining = newPlans.get(ay) ?? [];
    const ceasing = factored?.year(ay - 1);
    const stepped = step(cohort, adjustments.newPlans ? adjustments.newPlans(ay, joining) : joining, ceasing);
    cohort = adjusted(stepped.next, ay, adjustments);
    totals = laneTotals(cohort);
    years.push({ academicYear: ay, ...totals, flows: flowsOf(opening, stepped, totals.pupils) });
  }
  return years;
}

const BASE = new PairMemo<Lanes, readonly Cell[], Cohort>();

/**
 * The input cells folded into canonical order, as a cohort: once per cohort and set of rules.
 * Sharing it is safe because stepping and moves never change a cohort; they build the next.
 */
function baseCohort(lanes: Lanes, cells: readonly Cell[]): Cohort {
  return BASE.get(lanes, cells, () => Cohort.of(lanes, aggregateCells(cells)));
}

const NEW_PLANS = new WeakMap<Model['newPlans'], Map<string, Map<AcademicYear, Cell[]>>>();

/** The new plans of each year, once per set of rows, years and growth (scenarios and goal-seek reruns share them). */
function newPlansFor(model: Model, lastYear: AcademicYear): Map<AcademicYear, Cell[]> {
  const key = `${model.baseYear}\u0000${lastYear}\u0000${model.assumptions.newPlansGrowth.toString()}`;
  let byKey = NEW_PLANS.get(model.newPlans);
  if (!byKey) {
    byKey = new Map();
    NEW_PLANS.set(model.newPlans, byKey);
  }
  let years = byKey.get(key);
  if (!years) {
    years = newPlansByYear(model.newPlans, model.baseYear, lastYear, model.assumptions.newPlansGrowth);
    byKey.set(key, years);
  }
  return years;
}

/** A scenario's moves of existing pupils, if it has any this year. */
function adjusted(cohort: Cohort, ay: AcademicYear, adjustments: Adjustments): Cohort {
  let current = cohort;
  for (const move of adjustments.moves?.(ay) ?? []) current = movePupils(current, move);
  return current;
}

interface SharedYears {
  readonly newPlans: Model['newPlans'];
  readonly ceasing: Model['ceasing'];
  readonly transitions: Model['transitions'];
  readonly baseYear: AcademicYear;
  readonly lastYear: AcademicYear;
  readonly growth: string;
  readonly years: readonly CohortYear[];
}

/** Keep a few trajectories per cohort: enough for a scenario file's variants, bounded for a goal-seek on growth. */
const SHARED_PER_COHORT = 8;
const SHARED = new WeakMap<readonly Cell[], SharedYears[]>();

/**
 * Memoised by the identity of the model's arrays (models are never mutated) and the value of
 * newPlansGrowth: a scenario built by applyScenario keeps the base model's arrays, so a
 * scenario that changes only tariffs or funding reuses the base trajectory. The results are
 * read-only data, so sharing them cannot leak one projection's changes into another.
 */
function shared(model: Model, lastYear: AcademicYear): readonly CohortYear[] {
  const growth = model.assumptions.newPlansGrowth.toString();
  const entries = SHARED.get(model.cohort) ?? [];
  const hit = entries.find((e) => e.newPlans === model.newPlans && e.ceasing === model.ceasing && e.transitions === model.transitions && e.baseYear === model.baseYear && e.lastYear === lastYear && e.growth === growth);
  if (hit) return hit.years;
  const years = computeYears(model, lastYear, {});
  SHARED.set(model.cohort, [{ newPlans: model.newPlans, ceasing: model.ceasing, transitions: model.transitions, baseYear: model.baseYear, lastYear, growth, years }, ...entries].slice(0, SHARED_PER_COHORT));
  return years;
}
