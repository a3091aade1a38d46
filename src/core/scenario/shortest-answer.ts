import type { Decimal } from 'decimal.js';
import { Dec } from '../decimal.js';

/**
 * Goal-seek's answer with as few decimal places as its tolerance justifies (docs/scenarios.md,
 * "solve"). Bisection leaves the boundary between `fail` (misses the target) and `meet` (meets
 * it), no more than `tolerance` apart. A value on the meeting side of `meet` (further from
 * `fail`) and no further than `tolerance` from `fail` is within the tolerance of the boundary,
 * wherever it lies between them: of those values (kept inside the searched range, `edge` being
 * its end on the meeting side), the one with the fewest decimal places, nearest `meet`. It is a
 * candidate: the caller projects it to confirm that it meets the target, else keeps `meet`.
 */
export function shortestAnswer(
  fail: Decimal,
  meet: Decimal,
  tolerance: Decimal,
  edge: Decimal,
): Decimal {
  const up = meet.greaterThan(fail);
  const reach = up ? fail.plus(tolerance) : fail.minus(tolerance);
  const limit = up ? Dec.min(reach, edge) : Dec.max(reach, edge);
  for (let places = 0; places < meet.decimalPlaces(); places += 1) {
    const candidate = meet.toDecimalPlaces(places, up ? Dec.ROUND_CEIL : Dec.ROUND_FLOOR);
    if (up ? candidate.lessThanOrEqualTo(limit) : candidate.greaterThanOrEqualTo(limit))
      return candidate;
  }
  return meet;
}
