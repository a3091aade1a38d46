import type { Decimal } from 'decimal.js';
import { toDouble } from '../demand/count.js';

/**
 * A measure's values over the draws in exact Decimal order, read as the intervals read it: a few
 * order statistics and how many values lie below a threshold, with no sort of Decimals. Each value
 * has a key, a number from a monotone function of it (its nearest double, as JS reads decimal text
 * correctly rounded; or its printed figure, rounded half up), which never orders two values the
 * other way: a value whose key is below another's is below it. The keys are sorted as numbers, and
 * only values with equal keys are compared as Decimals, where an order statistic or a threshold
 * falls among them. Sorting a thousand draws as objects by their doubles, each double made from
 * the value's text, was most of the intervals' time and a seventh of a batch's garbage.
 */
export class ExactOrder {
  /** Each value's key, in draw order (−0 made 0, so that equal keys are equal numbers). */
  private readonly keys: Float64Array;
  private readonly sortedKeys: Float64Array;

  constructor(
    private readonly values: readonly Decimal[],
    /** The monotone function: a threshold's key is found by it (countBelow). */
    private readonly key: (value: Decimal) => number = toDouble,
    /** The values' keys by `key`, when the caller has them already. */
    keys: Float64Array = Float64Array.from(values, key),
  ) {
    this.keys = keys.map((k) => k + 0);
    this.sortedKeys = this.keys.slice().sort();
  }

  get length(): number {
    return this.values.length;
  }

  /** The k-th smallest value, from k = 0. */
  at(k: number): Decimal {
    const key = this.sortedKeys[k]!;
    const first = firstIndex(this.sortedKeys, (other) => other >= key);
    const end = firstIndex(this.sortedKeys, (other) => other > key);
    // One value with this key: it is the k-th.
    if (end - first === 1) return this.values[this.keys.indexOf(key)]!;
    const tied = this.values.filter((_, i) => this.keys[i] === key);
    return tied.sort((a, b) => a.comparedTo(b))[k - first]!;
  }

  /** How many values are below `threshold`. */
  countBelow(threshold: Decimal): number {
    const key = this.key(threshold) + 0;
    let below = firstIndex(this.sortedKeys, (other) => other >= key);
    for (let i = 0; i < this.keys.length; i += 1)
      if (this.keys[i] === key && this.values[i]!.lessThan(threshold)) below += 1;
    return below;
  }
}

/** The first index of ascending `sorted` from which `reached` holds, by halving. */
function firstIndex(sorted: Float64Array, reached: (key: number) => boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (reached(sorted[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
}
