import type { Adjustments, NewPlanShare, PlacementMove } from '../adjustments.js';
import type { Location } from '../issue.js';
import type { Model } from '../model.js';
import type { AcademicYear } from '../period.js';
import { capacityLimits, type CapacityLimit } from './capacity.js';
import { findLanes } from './find-lanes.js';
import type { DemandInputs } from './inputs.js';
import { type Lane, type LaneInterner, SPAN } from './lanes.js';
import { baseVector, ceasingGroups, modelRates, survivalWithChange, type StepRates } from './rates.js';
import type { RuleBook } from './rule-book.js';
import { joinersOf, leverMoves, type Joiners, type LeverMove } from './year-inputs.js';

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
  /** The input row that first brought pupils to each lane, for locating problems. */
  readonly origins: ReadonlyMap<Lane, Location>;
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

/** What a plan is built from besides the model: its inputs and rules as lanes (src/core/demand/cache.ts keeps them). */
export interface PlanParts {
  readonly inputs: DemandInputs;
  readonly book: RuleBook;
  readonly interner: LaneInterner;
}

export function planDemand(model: Model, lastYear: AcademicYear, adjustments: Adjustments, { inputs, book, interner }: PlanParts): DemandPlan {
  const years: AcademicYear[] = [];
  for (let ay = model.baseYear + 1; ay <= lastYear; ay += 1) years.push(ay);
  const movesByYear = new Map<AcademicYear, readonly PlacementMove[]>([model.baseYear, ...years].map((ay) => [ay, adjustments.moves?.(ay) ?? []]));

  // Lanes the cohort holds, then those new plans join (a new-plan lever may send them elsewhere), in that order of origin.
  const start = new Map<Lane, Location | undefined>();
  for (const { lane } of inputs.cohort) if (!start.has(lane)) start.set(lane, inputs.cohortOrigins.get(lane));
  const shares = newPlanShares(inputs, years, adjustments);
  inputs.newPlans.cells.forEach((cell, i) => {
    if (!start.has(inputs.newPlanLanes[i]!)) start.set(inputs.newPlanLanes[i]!, cell.origin);
    for (const ay of years) {
      for (const share of shares?.get(ay)![i] ?? NO_SHARES) {
        const lane = interner.lane(cell.need, share.setting, share.band);
        if (!start.has(lane)) start.set(lane, cell.origin);
      }
    }
  });
  const laneSet = findLanes(start, { book, interner, capacity: model.capacity ?? [], overflowSetting: model.overflowSetting, moves: distinctMoves([...movesByYear.values()].flat()) });
  const { lanes } = laneSet;

  const settings = settingsOf(model, lanes);
  const settingIndex = new Map(settings.map((id, i) => [id, i]));
  const rates = modelRates(laneSet, book);
  const groups = adjustments.ceasing ? ceasingGroups(laneSet, book, adjustments.ceasing) : undefined;
  const moves = leverMoves(laneSet, interner, movesByYear);
  return {
    baseYear: model.baseYear,
    lanes,
    origins: laneSet.origins,
    settings,
    laneSetting: Int32Array.from(lanes, (lane) => settingIndex.get(lane.setting)!),
    size: lanes.length * SPAN,
    base: baseVector(inputs, laneSet),
    baseMoves: moves.get(model.baseYear)!,
    rates,
    years: years.map((ay) => ({
      academicYear: ay,
      survival: groups ? survivalWithChange(laneSet, book, rates.survival, groups, adjustments.ceasing!, ay - 1) : rates.survival,
      joiners: joinersOf(inputs, ay, laneSet, interner, shares?.get(ay)),
      moves: moves.get(ay)!,
      capacity: capacityLimits(model, ay, laneSet, interner, settingIndex),
    })),
  };
}

const NO_SHARES: readonly NewPlanShare[] = [];

/** A scenario's moves of every year, each (filter, placement) once: they all lead to the same lanes. */
function distinctMoves(moves: readonly PlacementMove[]): PlacementMove[] {
  const seen = new Map<PlacementMove['matches'], PlacementMove[]>();
  for (const move of moves) {
    const same = seen.get(move.matches) ?? [];
    if (!same.some((m) => m.toSetting === move.toSetting && m.toBand === move.toBand)) same.push(move);
    seen.set(move.matches, same);
  }
  return [...seen.values()].flat();
}

/** A scenario's new-plan levers asked once per cell and year: where each cell's plans go (undefined: as given). */
function newPlanShares({ newPlans }: DemandInputs, years: readonly AcademicYear[], { newPlans: levers }: Adjustments): Map<AcademicYear, (readonly NewPlanShare[] | undefined)[]> | undefined {
  if (!levers) return undefined;
  return new Map(years.map((ay) => [ay, newPlans.cells.map((cell) => levers(ay, cell))]));
}

function settingsOf(model: Model, lanes: readonly Lane[]): string[] {
  const declared = model.tariff.settings.map((s) => s.id);
  const known = new Set(declared);
  const others = [...new Set(lanes.map((l) => l.setting).filter((s) => !known.has(s)))].sort();
  return [...declared, ...others];
}
