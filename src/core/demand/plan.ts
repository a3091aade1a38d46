import type { Adjustments, PlacementMove } from '../adjustments.js';
import type { Issue } from '../issue.js';
import type { Model } from '../model.js';
import { newPlansByYear } from '../new-plans.js';
import type { AcademicYear } from '../period.js';
import { capacityLimits, type CapacityLimit } from './capacity.js';
import { findLanes, type LaneRules } from './find-lanes.js';
import { SPAN, type Lane } from './lanes.js';
import { joinersOf, leverMoves, type Joiners, type LeverMove } from './year-inputs.js';
import { baseVector, modelRates, survivalWithFactor, type StepRates } from './rates.js';
import { RuleBook } from './rule-book.js';

/** What one year's step into `academicYear` needs beyond the model's own rates. */
export interface YearPlan {
  readonly academicYear: AcademicYear;
  /** 1 − ceasing rate by state at the end of the AY before: the model's, or with a scenario's factor. */
  readonly survival: Float64Array;
  readonly joiners: Joiners;
  /** A scenario's moves of existing pupils, after the new plans join. */
  readonly moves: readonly LeverMove[];
  readonly capacity: readonly CapacityLimit[];
}

/**
 * An area's demand as arrays, built once per projection: the states (lane × NCY) that can ever
 * hold pupils, the base January cohort over them, the model's rates, and each projected year's
 * joiners, moves and capacity. Stepping it (src/core/demand/run.ts) only reads these arrays.
 */
export interface DemandPlan {
  readonly baseYear: AcademicYear;
  readonly lanes: readonly Lane[];
  /** Settings: the tariff's, in its order, then any other a lane names, sorted. */
  readonly settings: readonly string[];
  /** Each lane's setting, as an index into `settings`. */
  readonly laneSetting: Int32Array;
  /** Number of states: lanes × SPAN. */
  readonly size: number;
  readonly base: Float64Array;
  readonly baseMoves: readonly LeverMove[];
  readonly rates: StepRates;
  readonly years: readonly YearPlan[];
}

export function planDemand(model: Model, lastYear: AcademicYear, adjustments: Adjustments, issues: Issue[]): DemandPlan {
  const joining = newPlansByYear(model.newPlans, model.baseYear, lastYear, model.assumptions.newPlansGrowth, model.population ?? [], issues);
  const years: AcademicYear[] = [];
  for (let ay = model.baseYear + 1; ay <= lastYear; ay += 1) years.push(ay);
  const joiningAfterLevers = new Map(years.map((ay) => {
    const cells = joining.get(ay) ?? [];
    return [ay, adjustments.newPlans ? adjustments.newPlans(ay, cells) : cells] as const;
  }));
  const movesByYear = new Map<AcademicYear, readonly PlacementMove[]>([model.baseYear, ...years].map((ay) => [ay, adjustments.moves?.(ay) ?? []]));
  const book = new RuleBook(model.ceasing, model.transitions);
  const rules: LaneRules = {
    book,
    capacity: model.capacity ?? [],
    overflowSetting: model.overflowSetting,
    moves: [...movesByYear.values()].flat(),
  };
  const lookup = findLanes(model.cohort, [...joiningAfterLevers.values()].flat(), rules);
  const { lanes } = lookup;

  const settings = settingsOf(model, lanes);
  const settingIndex = new Map(settings.map((id, i) => [id, i]));
  const laneSetting = Int32Array.from(lanes, (lane) => settingIndex.get(lane.setting)!);
  const rates = modelRates(lookup, book);
  return {
    baseYear: model.baseYear,
    lanes,
    settings,
    laneSetting,
    size: lanes.length * SPAN,
    base: baseVector(model.cohort, lookup),
    baseMoves: leverMoves(movesByYear.get(model.baseYear)!, lookup),
    rates,
    years: years.map((ay) => ({
      academicYear: ay,
      survival: adjustments.ceasingFactor ? survivalWithFactor(lookup, book, rates.survival, adjustments.ceasingFactor, ay - 1) : rates.survival,
      joiners: joinersOf(joiningAfterLevers.get(ay)!, lookup),
      moves: leverMoves(movesByYear.get(ay)!, lookup),
      capacity: capacityLimits(model, ay, lookup, settingIndex),
    })),
  };
}

function settingsOf(model: Model, lanes: readonly Lane[]): string[] {
  const declared = model.tariff.settings.map((s) => s.id);
  const known = new Set(declared);
  const others = [...new Set(lanes.map((l) => l.setting).filter((s) => !known.has(s)))].sort();
  return [...declared, ...others];
}
