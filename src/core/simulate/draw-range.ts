import { toDouble } from '../demand/count.js';
import type { RangeUncertainty } from '../uncertainty.js';
import { triangular } from './sample.js';
import type { Uniform } from './stream.js';

/**
 * How a figure with a planner's range is drawn (docs/simulate.md, "Where the uncertainty comes from"): triangular on
 * low–high with its mode at the figure itself (the figure a plain projection uses is the most
 * likely value), or, when the range says `uniform`, evenly on low–high. One uniform per draw.
 */
export function rangeDraw(range: RangeUncertainty, figure: number): (u: Uniform) => number {
  const low = toDouble(range.low);
  const high = toDouble(range.high);
  if (range.uniform) return (u) => low + u.next() * (high - low);
  return (u) => triangular(u, low, figure, high);
}
