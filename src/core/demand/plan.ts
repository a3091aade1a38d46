import type { Adjustments, PlacementMove } from '../adjustments.js';
import type { Location } from '../issue.js';
import type { Model } from '../model.js';
import type { AcademicYear } from '../period.js';
import { capacityLimits, type CapacityLimit } from './capacity.js';
import { findLanes, type LaneSet } from './find-lanes.js';
import type { DemandInputs } from './inputs.js';
import { type Lane, type LaneInterner, newPlanLane, SPAN } from './lanes.js';
import { NcyMatches } from './ncy-matches.js';
import {
  baseVector,
  ceasingGroups,
  modelRates,
  survivalWithChange,
  type StepRates,
} from './rates.js';
import type { RuleBook } from './rule-book.js';
import { distinctMoves, type LeverMove, leverMoves } from './lever-moves.js';
import { joinersOf, newPlanShares, newPlanStates, type Joiners } from './year-inputs.js';

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

/**
 * The part of a plan that no scenario lever changes: the lanes (those the cohort and new plans
 * hold, closed under transitions and capacity overflow), the model's rates and the base vector.
 * A scenario whose levers lead to no other lane reuses it (ProjectionCache.planBase).
 */
export interface PlanBase {
  readonly laneSet: LaneSet;
  readonly settings: readonly string[];
  readonly laneSetting: Int32Array;
  readonly rates: StepRates;
  readonly base: Float64Array;
  readonly capacity: ReadonlyMap<AcademicYear, readonly CapacityLimit[]>;
}

export function planBase(
  model: Model,
  lastYear: AcademicYear,
  { inputs, book, interner }: PlanParts,
  extra: ReadonlyMap<Lane, Location | undefined> = new Map(),
  moves: readonly PlacementMove[] = [],
  matching = new NcyMatches(),
): PlanBase {
  // Lanes the cohort holds, then those new plans join, then those a scenario's levers send plans to, in that order of origin.
  const start = new Map<Lane, Location | undefined>();
  for (const { lane, origin } of inputs.cohort) start.set(lane, origin);
  inputs.newPlans.cells.forEach((cell, i) => {
    if (!start.has(inputs.newPlanLanes[i]!)) start.set(inputs.newPlanLanes[i]!, cell.origin);
  });
  for (const [lane, origin] of extra) if (!start.has(lane)) start.set(lane, origin);
  const laneSet = findLanes(start, {
    book,
    interner,
    capacity: model.capacity ?? [],
    overflowSetting: model.overflowSetting,
    moves: distinctMoves(moves),
    matching,
  });
  const settings = settingsOf(model, laneSet.lanes);
  const settingIndex = new Map(settings.map((id, i) => [id, i]));
  const capacity = new Map<AcademicYear, CapacityLimit[]>();
  for (let ay = model.baseYear + 1; ay <= lastYear; ay += 1)
    capacity.set(ay, capacityLimits(model, ay, laneSet, interner, settingIndex));
  return {
    laneSet,
    settings,
    laneSetting: new Int32Array(laneSet.lanes.map((lane) => settingIndex.get(lane.setting)!)),
    rates: modelRates(laneSet, book),
    base: baseVector(inputs, laneSet),
    capacity,
  };
}

/**
 * A projection's plan: `reuse`, a PlanBase of the same model, with the scenario's changes (new
 * plans sent elsewhere, moves, a ceasing change); a PlanBase of its own when its levers lead to a
 * lane `reuse` does not hold.
 */
export function planDemand(
  model: Model,
  lastYear: AcademicYear,
  adjustments: Adjustments,
  parts: PlanParts,
  reuse?: PlanBase,
): DemandPlan {
  const { inputs, book, interner } = parts;
  const years: AcademicYear[] = [];
  for (let ay = model.baseYear + 1; ay <= lastYear; ay += 1) years.push(ay);
  const movesByYear = new Map<AcademicYear, readonly PlacementMove[]>(
    [model.baseYear, ...years].map((ay) => [ay, adjustments.moves?.(ay) ?? []]),
  );
  const shares = newPlanShares(inputs, years, adjustments);
  const extra = new Map<Lane, Location | undefined>();
  const byYear = shares ? years.map((ay) => shares.get(ay)!) : [];
  inputs.newPlans.cells.forEach((cell, i) => {
    for (const byCell of byYear)
      for (const share of byCell[i] ?? [])
        extra.set(newPlanLane(interner, cell, share.setting, share.band), cell.origin);
  });
  const matching = new NcyMatches();
  let base = reuse ?? planBase(model, lastYear, parts);
  let moves = leverMoves(base.laneSet, interner, movesByYear, matching);
  if (!moves || [...extra.keys()].some((lane) => !base.laneSet.numberOf.has(lane))) {
    const all = [...movesByYear.values()].flat();
    base = planBase(model, lastYear, parts, extra, all, matching);
    moves = leverMoves(base.laneSet, interner, movesByYear, matching)!;
  }
  const { laneSet, rates } = base;
  const groups = adjustments.ceasing
    ? ceasingGroups(laneSet, book, adjustments.ceasing)
    : undefined;
  const own = newPlanStates(inputs, laneSet);
  return {
    baseYear: model.baseYear,
    lanes: laneSet.lanes,
    origins: laneSet.origins,
    settings: base.settings,
    laneSetting: base.laneSetting,
    size: laneSet.lanes.length * SPAN,
    base: base.base,
    baseMoves: moves.get(model.baseYear)!,
    rates,
    years: years.map((ay) => ({
      academicYear: ay,
      survival: groups
        ? survivalWithChange(rates.survival, groups, adjustments.ceasing!, ay - 1)
        : rates.survival,
      joiners: joinersOf(inputs, ay, own, laneSet, interner, shares?.get(ay)),
      moves: moves.get(ay)!,
      capacity: base.capacity.get(ay)!,
    })),
  };
}

function settingsOf(model: Model, lanes: readonly Lane[]): string[] {
  const declared = model.tariff.settings.map((s) => s.id);
  const known = new Set(declared);
  const others = new Set<string>();
  for (const lane of lanes) if (!known.has(lane.setting)) others.add(lane.setting);
  return [...declared, ...[...others].sort()];
}
