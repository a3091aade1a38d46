import type { Decimal } from 'decimal.js';
import { Dec, ZERO } from '../decimal.js';
import type { Need } from '../need.js';
import type { Shrunk } from './shrink.js';

/** What calibrate fits, row by row, as it is written (docs/calibration.md). */

/** The level of the hierarchy a fitted row is for (docs/calibration.md, "Thin evidence"). */
export type Level = 'ncy-need-setting' | 'ncy-setting' | 'ncy' | 'all';

/** A fitted rate as written: the pseudo-counts and the rate, rounded consistently, and what they came from. */
export interface FittedRate {
  readonly level: Level;
  /** Events and exposure seen at the row's own level, before shrinkage. */
  readonly numerator: number;
  readonly seen: Decimal;
  /** The rate the row shrinks towards, unrounded. */
  readonly parent: Decimal;
  /** Written as `observed` (6 dp), `exposure` and `rate` (10 dp) = observed ÷ exposure. */
  readonly observed: Decimal;
  readonly exposure: Decimal;
  readonly rate: Decimal;
}

export interface FittedCeasing extends FittedRate {
  readonly ncy: number;
  readonly need?: Need;
  readonly setting?: string;
}

export interface FittedTransition extends FittedRate {
  readonly fromNcy: number;
  readonly fromSetting: string;
  readonly toSetting: string;
  readonly need?: Need;
  readonly toNeed?: Need;
}

export interface FittedNewPlan extends FittedRate {
  readonly ncy: number;
  readonly need: Need;
  readonly setting: string;
}

export interface Fit {
  readonly ceasing: readonly FittedCeasing[];
  readonly transitions: readonly FittedTransition[];
  readonly newPlans: readonly FittedNewPlan[];
}

export interface FitOptions {
  /** Pseudo-observations at the parent's rate (--prior-weight, default 1). */
  readonly weight: Decimal;
  /** Resident population by populationKey(january, ncy), for every January a joiner of the fit joins in. */
  readonly population: ReadonlyMap<string, Decimal>;
}

/**
 * Rounds a shrunk rate for writing. observed is rounded first and the rate is taken from the
 * rounded figures, so that observed ÷ exposure as written is the written rate (to 10 dp).
 * Transitions round down, so the rates leaving a state never add up to more than 1 by rounding.
 */
export function printed(level: Level, s: Shrunk, down = false): FittedRate {
  const mode = down ? Dec.ROUND_DOWN : Dec.ROUND_HALF_UP;
  const observed = s.observed.toDecimalPlaces(6, mode);
  const rate = s.exposure.isZero() ? ZERO : observed.div(s.exposure).toDecimalPlaces(10, mode);
  return {
    level,
    numerator: s.numerator,
    seen: new Dec(s.seen),
    parent: s.parent,
    observed,
    exposure: s.exposure,
    rate,
  };
}
