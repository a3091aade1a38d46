import type { Decimal } from 'decimal.js';
import { Dec } from '../core/decimal.js';

/**
 * Rounds parts to `places` so that they add up to their total rounded the same way (half-up,
 * as every output figure is): each part is rounded down, and the units left over go to the
 * parts that lost most (ties to the earlier part). The largest-remainder method, after dinero's
 * `core/utils/distribute.ts` (../shared/style.md §2). The parts should add up to the total;
 * any difference left beyond that is given to, or taken from, the parts in the same order.
 */
export function largestRemainder(
  total: Decimal,
  parts: readonly Decimal[],
  places: number,
): Decimal[] {
  if (parts.length === 0) return [];
  const unit = new Dec(10).pow(-places);
  const floors = parts.map((part) => part.toDecimalPlaces(places, Dec.ROUND_FLOOR));
  const target = total.toDecimalPlaces(places, Dec.ROUND_HALF_UP);
  let left = target
    .minus(floors.reduce((sum, f) => sum.plus(f), new Dec(0)))
    .div(unit)
    .round()
    .toNumber();
  const order = parts
    .map((part, i) => ({ i, lost: part.minus(floors[i]!) }))
    .sort((a, b) => b.lost.comparedTo(a.lost) || a.i - b.i)
    .map((entry) => entry.i);
  const shown = [...floors];
  for (let k = 0; left !== 0; k += 1) {
    const i = order[left > 0 ? k % order.length : order.length - 1 - (k % order.length)]!;
    shown[i] = left > 0 ? shown[i]!.plus(unit) : shown[i]!.minus(unit);
    left += left > 0 ? -1 : 1;
  }
  return shown;
}
