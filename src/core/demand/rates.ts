import type { CeasingChange } from '../adjustments.js';
import { NCY_MIN } from '../need.js';
import type { AcademicYear } from '../period.js';
import { toDouble } from './count.js';
import { laneNumber, type LaneSet } from './find-lanes.js';
import type { DemandInputs } from './inputs.js';
import { SPAN } from './lanes.js';
import type { RuleBook } from './rule-book.js';

/**
 * The rates one step reads, by state (lane × SPAN + NCY offset). Arrays, so that a step is a loop
 * over numbers and a simulation can hand it drawn rates of the same shape.
 */
export interface StepRates {
  /** 1 − ceasing rate at the end of the year. */
  readonly survival: Float64Array;
  /** The share of continuing pupils who stay in their lane: 1 − Σ of the transition shares. */
  readonly keep: Float64Array;
  /** Transitions out of state s are moveTarget/moveShare[moveStart[s] … moveStart[s + 1]); each target is a state at the next NCY. */
  readonly moveStart: Int32Array;
  readonly moveTarget: Int32Array;
  readonly moveShare: Float64Array;
}

/** The model's own rates, copied lane by lane from the rule book. */
export function modelRates(laneSet: LaneSet, book: RuleBook): StepRates {
  const { lanes } = laneSet;
  const size = lanes.length * SPAN;
  const rules = lanes.map((lane) => book.for(lane));
  const survival = new Float64Array(size);
  const keep = new Float64Array(size);
  const moveStart = new Int32Array(size + 1);
  const moveTarget = new Int32Array(rules.reduce((n, r) => n + r.moves.target.length, 0));
  const moveShare = new Float64Array(moveTarget.length);
  let first = 0;
  rules.forEach(({ survival: laneSurvival, keep: laneKeep, moves, targets }, l) => {
    survival.set(laneSurvival, l * SPAN);
    keep.set(laneKeep, l * SPAN);
    const numbers = targets.map((move) => laneNumber(laneSet, move.to));
    for (let offset = 0; offset < SPAN; offset += 1) {
      moveStart[l * SPAN + offset] = first + moves.start[offset]!;
      // One NCY older: the next offset (there is no transition past NCY 20, RuleBook).
      for (let k = moves.start[offset]!; k < moves.start[offset + 1]!; k += 1)
        moveTarget[first + k] = numbers[moves.target[k]!]! * SPAN + offset + 1;
    }
    moveShare.set(moves.share, first);
    first += moves.target.length;
  });
  moveStart[size] = first;
  return { survival, keep, moveStart, moveTarget, moveShare };
}

/** The states a scenario's ceasing change reaches (group ≠ 0), in state order, each with its group and the model's ceasing rate. */
export interface CeasingGroups {
  readonly states: Int32Array;
  /** Each state's group, as an index into `groups`. */
  readonly group: Int32Array;
  /** The groups, in order of their first state. Doubles: a group may be a set of levers' bits, up to 2^52. */
  readonly groups: readonly number[];
  readonly ceasing: Float64Array;
}

/** Each state's group under a scenario's ceasing change, asked once per state whose rate is not 0 (a 0 rate has nothing to change). */
export function ceasingGroups(
  { lanes }: LaneSet,
  book: RuleBook,
  change: CeasingChange,
): CeasingGroups {
  const states: number[] = [];
  const group: number[] = [];
  const groups: number[] = [];
  const indexOf = new Map<number, number>();
  const rates: number[] = [];
  const probe = { ncy: 0, need: lanes[0]?.need ?? 'ASD', setting: '', band: '' };
  let lastGroup = { found: 0, index: -1 };
  const add = (l: number, offset: number, found: number, rate: number): void => {
    // Neighbouring states are mostly in one group: look it up only when it changes.
    if (found !== lastGroup.found) {
      let index = indexOf.get(found);
      if (index === undefined) {
        index = groups.push(found) - 1;
        indexOf.set(found, index);
      }
      lastGroup = { found, index };
    }
    states.push(l * SPAN + offset);
    group.push(lastGroup.index);
    rates.push(rate);
  };
  lanes.forEach((lane, l) => {
    const { ceasing } = book.for(lane);
    if (change.groupsAt) {
      // Runs of NCYs by lane, in NCY order: the change is asked once per lane, not once per state.
      for (const { from, to, group: found } of change.groupsAt(lane)) {
        const lastOffset = Math.min(SPAN - 1, Math.floor(to) - NCY_MIN);
        for (let offset = Math.max(0, Math.ceil(from) - NCY_MIN); offset <= lastOffset; offset += 1)
          if (ceasing[offset] !== 0) add(l, offset, found, ceasing[offset]!);
      }
      return;
    }
    probe.need = lane.need;
    probe.setting = lane.setting;
    probe.band = lane.band;
    for (let offset = 0; offset < SPAN; offset += 1) {
      if (ceasing[offset] === 0) continue;
      probe.ncy = offset + NCY_MIN;
      const found = change.groupOf(probe);
      if (found !== 0) add(l, offset, found, ceasing[offset]!);
    }
  });
  return {
    states: Int32Array.from(states),
    group: Int32Array.from(group),
    groups,
    ceasing: Float64Array.from(rates),
  };
}

/**
 * Survival under a scenario's ceasing change at the end of AY `ay`: 1 − rate × factor, the
 * product kept within 0–1. States in no group, or whose group's factor is 1, keep the model's.
 */
export function survivalWithChange(
  model: Float64Array,
  { states, group, groups, ceasing }: CeasingGroups,
  change: CeasingChange,
  ay: AcademicYear,
): Float64Array {
  const survival = model.slice();
  const factors = groups.map((g) => toDouble(change.factor(g, ay)));
  for (let i = 0; i < states.length; i += 1) {
    const f = factors[group[i]!]!;
    if (f !== 1) survival[states[i]!] = 1 - Math.min(1, Math.max(0, ceasing[i]! * f));
  }
  return survival;
}

/** The base January cohort as a vector over the states. */
export function baseVector(inputs: DemandInputs, laneSet: LaneSet): Float64Array {
  const counts = new Float64Array(laneSet.lanes.length * SPAN);
  for (const { lane, counts: pupils } of inputs.cohort)
    counts.set(pupils, laneNumber(laneSet, lane) * SPAN);
  return counts;
}
