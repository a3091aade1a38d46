import type { Decimal } from 'decimal.js';
import { sum, ZERO } from '../../core/decimal.js';
import { penceValue } from '../../core/rounding.js';
import { largestRemainder } from '../largest-remainder.js';

/** A table line to reconcile; `fixed` when it is a figure of its own, printed elsewhere as rounded alone. */
export interface ReconciledLine {
  readonly values: readonly (Decimal | undefined)[];
  readonly fixed?: boolean;
}

/**
 * The lines' values rounded to 2 places so that, in every column, they add up to their
 * unrounded sum rounded once: the total row then shows the figure the summary prints, not a
 * sum of separately rounded lines a penny off it. A fixed line keeps its own rounding and the
 * others share the rest by largest remainder, as explain shows its parts (docs/explain.md,
 * "The parts add up, exactly"; one implementation: report/largest-remainder.ts).
 * `totals`, where given, is the figure each column's lines add up to instead of their own sum:
 * the summary's pupils_january, a sum of the same doubles in another order, which rounds a
 * hundredth apart from the lines' sum when that sum lies near a half (a trial found the age
 * groups' total 1,417.45 beside the summary's 1,417.44).
 */
export function reconcileLines<L extends ReconciledLine>(
  lines: readonly L[],
  totals?: readonly (Decimal | undefined)[],
): L[] {
  const width = Math.max(0, ...lines.map((line) => line.values.length));
  const columns = Array.from({ length: width }, (_, i) => {
    const parts = lines.map((line) => line.values[i] ?? ZERO);
    const total = totals?.[i] ?? sum(parts);
    const own = lines.map((line, k) => (line.fixed ? penceValue(parts[k]!) : undefined));
    const taken = sum(own.filter((value): value is Decimal => value !== undefined));
    const free = lines.flatMap((line, k) => (line.fixed ? [] : [k]));
    const shared = largestRemainder(
      total.minus(taken),
      free.map((k) => parts[k]!),
      2,
    );
    return lines.map((_, k) => own[k] ?? shared[free.indexOf(k)]);
  });
  return lines.map((line, k) => ({
    ...line,
    values: line.values.map((value, i) => (value === undefined ? undefined : columns[i]![k])),
  }));
}
