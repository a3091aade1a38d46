import type { Decimal } from 'decimal.js';
import { toDouble } from '../demand/count.js';
import { Dec, ZERO } from '../decimal.js';
import type { FinancialYear } from '../period.js';
import type { DrawFigures } from './simulate-area.js';

/** The measures an interval is given for, in the order of the rows. */
export const MEASURES = [
  'pupils_january',
  'spend_total',
  'in_year_balance',
  'cumulative_balance',
] as const;
export type Measure = (typeof MEASURES)[number];

/** The quantiles of every interval row, as columns and as shares. */
export const QUANTILES = [
  ['p2_5', '0.025'],
  ['p10', '0.1'],
  ['p25', '0.25'],
  ['p50', '0.5'],
  ['p75', '0.75'],
  ['p90', '0.9'],
  ['p97_5', '0.975'],
] as const;
export type QuantileColumn = (typeof QUANTILES)[number][0];

/**
 * One measure in one financial year over the draws: the mean, quantiles (unrounded Decimals) and,
 * for a balance, the share of draws below zero (a deficit).
 */
export interface IntervalRow {
  readonly areaCode: string;
  readonly scenario: string;
  readonly financialYear: FinancialYear;
  readonly measure: Measure;
  readonly mean: Decimal;
  readonly quantiles: Readonly<Record<QuantileColumn, Decimal>>;
  /** Draws with the balance below 0, over the draws; absent for pupils and spend. */
  readonly pDeficit?: Decimal;
}

/** An interval row as it crosses from a worker: the same figures, unrounded, as decimal text. */
export interface WireIntervalRow {
  readonly areaCode: string;
  readonly scenario: string;
  readonly financialYear: FinancialYear;
  readonly measure: Measure;
  readonly mean: string;
  readonly quantiles: Readonly<Record<QuantileColumn, string>>;
  readonly pDeficit?: string;
}

export const toWireIntervalRow = (row: IntervalRow): WireIntervalRow => ({
  areaCode: row.areaCode,
  scenario: row.scenario,
  financialYear: row.financialYear,
  measure: row.measure,
  mean: row.mean.toString(),
  quantiles: Object.fromEntries(
    Object.entries(row.quantiles).map(([column, value]) => [column, value.toString()]),
  ) as Record<QuantileColumn, string>,
  ...(row.pDeficit ? { pDeficit: row.pDeficit.toString() } : {}),
});

export const fromWireIntervalRow = (row: WireIntervalRow): IntervalRow => ({
  areaCode: row.areaCode,
  scenario: row.scenario,
  financialYear: row.financialYear,
  measure: row.measure,
  mean: new Dec(row.mean),
  quantiles: Object.fromEntries(
    Object.entries(row.quantiles).map(([column, value]) => [column, new Dec(value)]),
  ) as Record<QuantileColumn, Decimal>,
  ...(row.pDeficit ? { pDeficit: new Dec(row.pDeficit) } : {}),
});

/** The share of draws whose cumulative balance at the end of a year is below a threshold. */
export interface ThresholdRow {
  readonly areaCode: string;
  readonly scenario: string;
  readonly financialYear: FinancialYear;
  readonly threshold: Decimal;
  readonly probability: Decimal;
}

const FIGURE: Record<Measure, keyof DrawFigures> = {
  pupils_january: 'pupils',
  spend_total: 'spend',
  in_year_balance: 'inYear',
  cumulative_balance: 'cumulative',
};

/**
 * The intervals of a set of draws (in draw order): for each FY and measure the mean and the
 * quantiles by linear interpolation between order statistics (Hyndman and Fan's type 7, the
 * default of R and NumPy), all in exact Decimal arithmetic, so the figures depend only on the draws.
 */
export function intervalRows(
  areaCode: string,
  scenario: string,
  financialYears: readonly FinancialYear[],
  draws: readonly DrawFigures[],
): IntervalRow[] {
  const count = new Dec(draws.length);
  return financialYears.flatMap((financialYear, f) =>
    MEASURES.map((measure) => {
      const values = draws.map((draw) => draw[FIGURE[measure]][f]!);
      const sorted = sortedExactly(values);
      const balance = measure === 'in_year_balance' || measure === 'cumulative_balance';
      return {
        areaCode,
        scenario,
        financialYear,
        measure,
        mean: values.reduce((sum, v) => sum.plus(v), ZERO).div(count),
        quantiles: Object.fromEntries(
          QUANTILES.map(([column, share]) => [column, quantile(sorted, share)]),
        ) as Record<QuantileColumn, Decimal>,
        ...(balance ? { pDeficit: shareBelow(sorted, ZERO) } : {}),
      };
    }),
  );
}

/** For each FY and threshold, the share of draws whose cumulative balance is below the threshold. */
export function thresholdRows(
  areaCode: string,
  scenario: string,
  financialYears: readonly FinancialYear[],
  draws: readonly DrawFigures[],
  thresholds: readonly Decimal[],
): ThresholdRow[] {
  if (thresholds.length === 0) return [];
  return financialYears.flatMap((financialYear, f) => {
    const sorted = sortedExactly(draws.map((d) => d.cumulative[f]!));
    return thresholds.map((threshold) => ({
      areaCode,
      scenario,
      financialYear,
      threshold,
      probability: shareBelow(sorted, threshold),
    }));
  });
}

/**
 * The values in exact Decimal order, found mostly by comparing doubles: a decimal's nearest double
 * never orders it the other way (JS reads decimal text correctly rounded, which is monotone), so
 * two values whose doubles differ are in that order, and only those with equal doubles (the same
 * to about 16 digits) are compared as Decimals. A thousand draws sorted by Decimal comparisons
 * alone took some 5 ms per measure and year, most of simulate's summary.
 */
export function sortedExactly(values: readonly Decimal[]): Decimal[] {
  // toDouble (the text parsed) is the nearest double, as toNumber is, in half the time.
  const keyed = values.map((value) => ({ value, key: toDouble(value) }));
  keyed.sort((a, b) => a.key - b.key || a.value.comparedTo(b.value));
  return keyed.map(({ value }) => value);
}

/** Type 7: h = (n − 1) × p, then x⌊h⌋ + (h − ⌊h⌋) × (x⌊h⌋+1 − x⌊h⌋). */
function quantile(sorted: readonly Decimal[], share: string): Decimal {
  if (sorted.length === 0) return ZERO;
  const h = new Dec(sorted.length - 1).times(share);
  const j = h.floor().toNumber();
  const low = sorted[j]!;
  const high = sorted[Math.min(j + 1, sorted.length - 1)]!;
  return low.plus(h.minus(j).times(high.minus(low)));
}

function shareBelow(sorted: readonly Decimal[], threshold: Decimal): Decimal {
  let below = 0;
  while (below < sorted.length && sorted[below]!.lessThan(threshold)) below += 1;
  return sorted.length ? new Dec(below).div(sorted.length) : ZERO;
}
