import type { Decimal } from 'decimal.js';
import type { Adjustments } from '../adjustments.js';
import { ONE, sum } from '../decimal.js';
import type { Cell } from '../model.js';
import { NCY_MIN } from '../need.js';
import type { AcademicYear } from '../period.js';
import type { CeasingRules, TransitionRules } from '../rules.js';
import { toDouble } from './count.js';
import type { LaneLookup } from './find-lanes.js';
import { feeOf, SPAN, stateOf, type Lane } from './lanes.js';

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

/**
 * The model's own rates. Each rate is a Decimal made a double once: 1 − rate and 1 − Σ shares are
 * taken exactly in Decimal first, so that a share of 0.15 beside 0.05 keeps exactly 0.8.
 */
export function modelRates({ lanes, numberOf, laneOf }: LaneLookup, ceasing: CeasingRules, transitions: TransitionRules): StepRates {
  const size = lanes.length * SPAN;
  const survival = new Float64Array(size);
  const keep = new Float64Array(size).fill(1);
  const moveStart = new Int32Array(size + 1);
  const targets: number[] = [];
  const shares: number[] = [];
  const doubles = new Map<string, number>();
  const double = (value: Decimal): number => {
    const text = value.toString();
    let held = doubles.get(text);
    if (held === undefined) {
      held = toDouble(value);
      doubles.set(text, held);
    }
    return held;
  };
  lanes.forEach((lane, l) => {
    for (let offset = 0; offset < SPAN; offset += 1) {
      const s = l * SPAN + offset;
      const ncy = offset + NCY_MIN;
      survival[s] = double(ONE.minus(ceasing.rate(ncy, lane.need, lane.setting)));
      moveStart[s] = targets.length;
      // Past NCY 20 every continuing pupil ages out: no transition applies.
      if (offset === SPAN - 1) continue;
      const rules = transitions.from(ncy, lane.setting, lane.need);
      for (const rule of rules) {
        const to = laneOf(rule.toNeed ?? lane.need, rule.toSetting, rule.toBand ?? lane.band);
        targets.push(stateOf(numberOf.get(to)!, ncy + 1));
        shares.push(double(rule.rate));
      }
      if (rules.length) keep[s] = double(ONE.minus(sum(rules.map((r) => r.rate))));
    }
  });
  moveStart[size] = targets.length;
  return { survival, keep, moveStart, moveTarget: Int32Array.from(targets), moveShare: Float64Array.from(shares) };
}

/**
 * Survival under a scenario's factor on ceasing rates at the end of AY `ay`: 1 − rate × factor,
 * the product kept within 0–1. States whose rate is 0, or whose factor is 1, keep the model's.
 */
export function survivalWithFactor(lanes: readonly Lane[], ceasing: CeasingRules, model: Float64Array, factorOf: NonNullable<Adjustments['ceasingFactor']>, ay: AcademicYear): Float64Array {
  const survival = Float64Array.from(model);
  const probe = { ncy: 0, need: lanes[0]?.need ?? 'ASD', setting: '', band: '' };
  lanes.forEach((lane, l) => {
    Object.assign(probe, { need: lane.need, setting: lane.setting, band: lane.band });
    for (let offset = 0; offset < SPAN; offset += 1) {
      const s = l * SPAN + offset;
      if (model[s] === 1) continue;
      probe.ncy = offset + NCY_MIN;
      const factor = factorOf(ay, probe);
      if (factor.eq(ONE)) continue;
      const rate = toDouble(ceasing.rate(probe.ncy, lane.need, lane.setting)) * toDouble(factor);
      survival[s] = 1 - Math.min(1, Math.max(0, rate));
    }
  });
  return survival;
}

/** The base January cohort as a vector over the states. */
export function baseVector(cohort: readonly Cell[], lookup: LaneLookup): Float64Array {
  const counts = new Float64Array(lookup.lanes.length * SPAN);
  for (const cell of cohort) {
    counts[stateOf(lookup.numberOf.get(lookup.laneOf(cell.need, cell.setting, cell.band, feeOf(cell)))!, cell.ncy)]! += toDouble(cell.count);
  }
  return counts;
}
