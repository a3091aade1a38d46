import type { Decimal } from 'decimal.js';
import { Dec } from '../decimal.js';
import { InternalError } from '../errors.js';
import { type PreparedArea, totalAllocation } from './formula.js';

/**
 * --solve-cap stops when Σ allocations is less than half a penny from the target, so the total,
 * rounded to pence, is the target itself (a target given in pounds and pence). Less than, not
 * up to: a total exactly half a penny over rounds half up to a penny over (it was taken, and a
 * total row showed £5,422,000.01 for a target of £5,422,000.00).
 */
export const SOLVE_CAP_TOLERANCE = new Dec('0.005');
const MAX_ITERATIONS = 400;
const TWO = new Dec(2);

export type CapSolution =
  | { readonly solved: true; readonly cap: Decimal; readonly iterations: number }
  /** No cap from the floor up gives the target: totals run from `lowest` (cap = floor) to `highest` (no area capped, at cap `capNoneCapped`). */
  | {
      readonly solved: false;
      readonly lowest: Decimal;
      readonly highest: Decimal;
      readonly capNoneCapped: Decimal;
    };

/**
 * The gains cap that makes the areas' allocations add up to `target`, by bisection. The total
 * never falls as the cap rises (a higher cap only releases gains), so it is searched between
 * the floor (every gain above the floor cut) and the largest change per head (no gain cut).
 */
export function solveCap(
  prepared: readonly PreparedArea[],
  floor: Decimal,
  target: Decimal,
): CapSolution {
  let low = floor;
  let high = Dec.max(floor, ...prepared.map((p) => p.steps.changePerHead));
  const lowest = totalAllocation(prepared, low);
  const highest = totalAllocation(prepared, high);
  const close = (total: Decimal): boolean =>
    total.minus(target).abs().lessThan(SOLVE_CAP_TOLERANCE);
  if (close(lowest)) return { solved: true, cap: low, iterations: 0 };
  if (close(highest)) return { solved: true, cap: high, iterations: 0 };
  if (target.lessThan(lowest) || target.greaterThan(highest))
    return { solved: false, lowest, highest, capNoneCapped: high };
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration += 1) {
    const middle = low.plus(high).div(TWO);
    const total = totalAllocation(prepared, middle);
    if (close(total)) return { solved: true, cap: middle, iterations: iteration };
    if (total.lessThan(target)) low = middle;
    else high = middle;
  }
  throw new InternalError(
    `--solve-cap did not converge in ${MAX_ITERATIONS} bisections (target ${target.toFixed()})`,
  );
}
