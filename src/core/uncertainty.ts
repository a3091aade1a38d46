import type { Decimal } from 'decimal.js';

/**
 * How sure a rate (or a new-plans count) is, for `highneeds simulate` (docs/simulate.md). A plain
 * projection reads only the row's rate; a simulation draws it:
 * - `posterior`: observed events out of an exposure (calibrate writes them), drawn from a Beta with
 *   the row's rate as its mean and `exposure` pseudo-observations (Beta(observed, exposure − observed)
 *   when the rate is observed ÷ exposure, which the reader checks to the rate's own decimals);
 * - `range`: a planner's low and high, drawn from a triangular distribution whose mode is the rate,
 *   or (`uniform`) evenly between low and high. A scenario's lever may give its share a range too.
 */
export type Uncertainty =
  | { readonly kind: 'posterior'; readonly observed: Decimal; readonly exposure: Decimal }
  | RangeUncertainty;

/** A planner's range for a figure; the figure itself stays what a plain projection uses. */
export interface RangeUncertainty {
  readonly kind: 'range';
  readonly low: Decimal;
  readonly high: Decimal;
  /** Drawn evenly on low–high; absent: triangular with its mode at the figure. */
  readonly uniform?: true;
}
