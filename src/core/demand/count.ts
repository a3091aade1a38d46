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
