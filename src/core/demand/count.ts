import type { Decimal } from 'decimal.js';
import { Dec, ZERO } from '../decimal.js';
import { InternalError } from '../errors.js';

/**
 * A count (an expected number of pupils, a double) as a Decimal, from its shortest round-trip
 * text: the one way a count enters the money path (../shared/style.md §2).
 */
export function countDecimal(count: number): Decimal {
  if (!Number.isFinite(count)) throw new InternalError(`a pupil count is ${count}`);
  return count === 0 ? ZERO : new Dec(String(count));
}

/**
 * Counts made Decimals, each distinct value once (countDecimal). A year's cost converts the pupils
 * of each tariff series, each bespoke lane and each setting, and the scenarios of an area convert
 * the same values again (those that share a demand, all of them; the lanes a lever leaves alone,
 * the rest); whole and small counts repeat from area to area. Half the counts an area converts are
 * ones it converted before, so a projection takes them from here. A caller's object
 * (ProjectionCache keeps one for the projections it serves); the Decimal is the one countDecimal
 * makes, so a count costs the same with it as without.
 */
export class CountDecimals {
  private readonly made = new Map<number, Decimal>();

  decimal(count: number): Decimal {
    let made = this.made.get(count);
    if (made === undefined) {
      made = countDecimal(count);
      // A long-lived cache (goal-seek tries value after value) starts again rather than grow.
      if (this.made.size >= COUNTS_KEPT) this.made.clear();
      this.made.set(count, made);
    }
    return made;
  }
}

const COUNTS_KEPT = 1 << 17;

/** A Decimal count or share as the nearest double: JS parses decimal text correctly rounded, the same on every machine. */
export const toDouble = (value: Decimal): number => Number(value.toString());

/**
 * Decimals made doubles, each object once: a cohort's counts repeat (most cells are a few whole
 * pupils, and the readers share one Decimal per small whole number), so one pass over them
 * converts each distinct count once. Made for one pass and dropped after it.
 */
export function doubles(): (value: Decimal) => number {
  const seen = new Map<Decimal, number>();
  return (value) => {
    let held = seen.get(value);
    if (held === undefined) {
      held = toDouble(value);
      seen.set(value, held);
    }
    return held;
  };
}
