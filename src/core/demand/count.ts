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
