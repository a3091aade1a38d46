import type { Decimal } from 'decimal.js';
import { Dec } from '../core/decimal.js';
import { toPence } from '../core/rounding.js';
import type { IntervalRow, ThresholdRow } from '../core/simulate/intervals.js';

/**
 * simulate --threshold's columns of intervals.csv, after the fixed ones of issue #15, so a file
 * without thresholds is unchanged: one `p_below_<pounds>` column per threshold, in the order given
 * (`p_below_-30000000`, `p_below_-2500000.50`), holding on the cumulative_balance rows the share of
 * draws below it at the end of the year, as the JSON's `probability_below` (docs/simulate.md).
 */
function thresholdColumn(threshold: Decimal): string {
  return `p_below_${toPence(threshold).replace(/\.00$/, '')}`;
}

/** The distinct thresholds of a simulation's rows, in the order they were asked for. */
function distinct(thresholds: readonly ThresholdRow[]): Decimal[] {
  const seen = new Map<string, Decimal>();
  for (const row of thresholds) {
    const key = row.threshold.toString();
    if (!seen.has(key)) seen.set(key, row.threshold);
  }
  return [...seen.values()];
}

export function thresholdColumns(thresholds: readonly ThresholdRow[]): string[] {
  return distinct(thresholds).map(thresholdColumn);
}

/** A row's threshold cells: the probabilities on a cumulative_balance row, empty on the others. */
export function thresholdCells(
  row: IntervalRow,
  thresholds: readonly ThresholdRow[],
): Record<string, string> {
  return Object.fromEntries(
    distinct(thresholds).map((threshold) => {
      const below =
        row.measure === 'cumulative_balance'
          ? thresholds.find(
              (t) =>
                t.financialYear === row.financialYear &&
                t.areaCode === row.areaCode &&
                t.scenario === row.scenario &&
                t.threshold.equals(threshold),
            )
          : undefined;
      return [
        thresholdColumn(threshold),
        below ? below.probability.toFixed(4, Dec.ROUND_HALF_UP) : '',
      ];
    }),
  );
}
