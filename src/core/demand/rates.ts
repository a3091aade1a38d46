import type { Decimal } from 'decimal.js';
import type { Adjustments } from '../adjustments.js';
import type { Cell } from '../model.js';
import { NCY_MIN } from '../need.js';
import type { AcademicYear } from '../period.js';
import { toDouble } from './count.js';
import type { LaneLookup } from './find-lanes.js';
import { feeOf, SPAN, stateOf } from './lanes.js';
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
export function modelRates({ lanes, numberOf }: LaneLookup, book: RuleBook): StepRates {
  const size = lanes.length * SPAN;
  const survival = new Float64Array(size);
  const keep = new Float64Array(size);
  const moveStart = new Int32Array(size + 1);
  const targets: number[] = [];
  const shares: number[] = [];
  lanes.forEach((lane, l) => {
    const rules = book.for(lane.need, lane.setting);
    survival.set(rules.survival, l * SPAN);
    keep.set(rules.keep, l * SPAN);
    const targetLanes = new Map<object, number>();
    for (let offset = 0; offset < SPAN; offset += 1) {
      moveStart[l * SPAN + offset] = targets.length;
      for (const move of rules.transitions[offset]!) {
        let to = targetLanes.get(move);
        if (to === undefined) {
          to = numberOf(move.toNeed ?? lane.need, move.toSetting, move.toBand ?? lane.band);
          targetLanes.set(move, to);
        }
        targets.push(stateOf(to, offset + NCY_MIN + 1));
        shares.push(move.share);
      }
    }
  });
  moveStart[size] = targets.length;
  return { survival, keep, moveStart, moveTarget: Int32Array.from(targets), moveShare: Float64Array.from(shares) };
}

/**
 * Survival under a scenario's factor on ceasing rates at the end of AY `ay`: 1 − rate × factor,
 * the product kept within 0–1. States whose rate is 0, or whose factor is 1, keep the model's.
 */
export function survivalWithFactor({ lanes }: LaneLookup, book: RuleBook, model: Float64Array, factorOf: NonNullable<Adjustments['ceasingFactor']>, ay: AcademicYear): Float64Array {
  const survival = Float64Array.from(model);
  const probe = { ncy: 0, need: lanes[0]?.need ?? 'ASD', setting: '', band: '' };
  // A scenario hands out one factor per set of matching levers: each is made a double once.
  const doubles = new Map<Decimal, number>();
  lanes.forEach((lane, l) => {
    const { ceasing } = book.for(lane.need, lane.setting);
    Object.assign(probe, { need: lane.need, setting: lane.setting, band: lane.band });
    for (let offset = 0; offset < SPAN; offset += 1) {
      if (ceasing[offset] === 0) continue;
      probe.ncy = offset + NCY_MIN;
      const factor = factorOf(ay, probe);
      let f = doubles.get(factor);
      if (f === undefined) {
        f = toDouble(factor);
        doubles.set(factor, f);
      }
      if (f !== 1) survival[l * SPAN + offset] = 1 - Math.min(1, Math.max(0, ceasing[offset]! * f));
    }
  });
  return survival;
}

/**
 * Cells (the base cohort, a year's new plans) as counts by state. Cells of one state are summed
 * exactly in Decimal first, so that the order of the cells cannot change a bit of the result.
 */
export function countsByState(cells: readonly Cell[], { numberOf }: LaneLookup, bespoke: boolean): Map<number, Decimal> {
  const sums = new Map<number, Decimal>();
  for (const cell of cells) {
    const state = stateOf(numberOf(cell.need, cell.setting, cell.band, bespoke ? feeOf(cell) : undefined), cell.ncy);
    const held = sums.get(state);
    sums.set(state, held ? held.plus(cell.count) : cell.count);
  }
  return sums;
}

/** The base January cohort as a vector over the states. */
export function baseVector(cohort: readonly Cell[], lookup: LaneLookup): Float64Array {
  const counts = new Float64Array(lookup.lanes.length * SPAN);
  for (const [state, count] of countsByState(cohort, lookup, true)) counts[state] = toDouble(count);
  return counts;
}
