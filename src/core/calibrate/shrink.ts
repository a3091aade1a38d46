import type { Decimal } from 'decimal.js';
import { Dec, integer, ZERO } from '../decimal.js';

/**
 * Shrinkage towards a parent (docs/calibration.md, "Thin evidence"): a rate seen `numerator` times
 * in `exposure` is read as `(numerator + w × parent) ÷ (exposure + w)`, the mean of a Beta posterior
 * whose prior is w pseudo-observations at the parent's rate. With no exposure it is the parent's
 * rate (and, with no prior either, its pseudo-counts); with much it is the observed share.
 */

/** Events and exposure counted for one group at one level. */
export interface Counts {
  exposure: number;
  readonly events: Map<string, number>;
}

/** Counts by group key at one level of the hierarchy. */
export class Tally {
  readonly groups = new Map<string, Counts>();

  expose(key: string, n = 1): Counts {
    let counts = this.groups.get(key);
    if (!counts) {
      counts = { exposure: 0, events: new Map() };
      this.groups.set(key, counts);
    }
    counts.exposure += n;
    return counts;
  }

  event(counts: Counts, event: string, n = 1): void {
    counts.events.set(event, (counts.events.get(event) ?? 0) + n);
  }

  numerator(key: string, event: string): number {
    return this.groups.get(key)?.events.get(event) ?? 0;
  }

  exposure(key: string): number {
    return this.groups.get(key)?.exposure ?? 0;
  }
}

/** One fitted rate: the pseudo-counts written as `observed`/`exposure`, and what they came from. */
export interface Shrunk {
  /** Events and exposure seen at the rate's own level. */
  readonly numerator: number;
  readonly seen: number;
  /** The parent's rate, unrounded. */
  readonly parent: Decimal;
  /** numerator + w × parent, and exposure + w: a Beta(observed, exposure − observed) posterior. */
  readonly observed: Decimal;
  readonly exposure: Decimal;
  /** observed ÷ exposure, unrounded. */
  readonly rate: Decimal;
}

function shrink(numerator: number, seen: number, parent: Shrunk, weight: Decimal): Shrunk {
  const exposure = integer(seen).plus(weight);
  // Nothing seen and no prior (--prior-weight 0): the level knows no more than its parent, so it
  // carries the parent's pseudo-counts, the posterior simulate draws from, and so its rate.
  if (exposure.isZero()) return { ...parent, numerator, seen, parent: parent.rate };
  const observed = integer(numerator).plus(weight.times(parent.rate));
  return { numerator, seen, parent: parent.rate, observed, exposure, rate: observed.div(exposure) };
}

/** The rate at the top of the hierarchy (all pupils): the plain share, 0 when nothing was seen. */
function topRate(numerator: number, seen: number): Decimal {
  return seen === 0 ? ZERO : new Dec(numerator).div(seen);
}

/**
 * A rate through the levels from the top down: each level's shrunk rate is the next one's parent.
 * `levels` are [key of the level, tally] from the most general below the top to the rate's own.
 */
export function shrinkDown(
  event: string,
  top: Tally,
  levels: readonly (readonly [string, Tally])[],
  weight: Decimal,
): Shrunk {
  const numerator = top.numerator('', event);
  const seen = top.exposure('');
  // The top is the plain share: its pseudo-counts are what was seen.
  let result: Shrunk = {
    numerator,
    seen,
    parent: ZERO,
    observed: integer(numerator),
    exposure: integer(seen),
    rate: topRate(numerator, seen),
  };
  for (const [key, tally] of levels) {
    result = shrink(tally.numerator(key, event), tally.exposure(key), result, weight);
  }
  return result;
}
