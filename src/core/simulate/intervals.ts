import type { Decimal } from 'decimal.js';
import { Dec, ZERO } from '../decimal.js';
import type { FinancialYear } from '../period.js';
import { ExactOrder } from './exact-order.js';
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

/** Keys that order each measure's values over the draws (ExactOrder) which the caller has made already. */
export interface OrderKeys {
  /** The monotone function of a value that made them. */
  readonly key: (value: Decimal) => number;
  /** The keys of measure index k (MEASURES order) in FY index f, in draw order. */
  readonly of: (k: number, f: number) => Float64Array;
}

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
  /** The values' keys, when the caller has them (batch: each figure as printed); else their nearest doubles. */
  keys?: OrderKeys,
): IntervalRow[] {
  const count = new Dec(draws.length);
  return financialYears.flatMap((financialYear, f) =>
    MEASURES.map((measure, k) => {
      const values = draws.map((draw) => draw[FIGURE[measure]][f]!);
      const order = keys ? new ExactOrder(values, keys.key, keys.of(k, f)) : new ExactOrder(values);
      const balance = measure === 'in_year_balance' || measure === 'cumulative_balance';
      return {
        areaCode,
        scenario,
        financialYear,
        measure,
        mean: values.reduce((sum, v) => sum.plus(v), ZERO).div(count),
        quantiles: Object.fromEntries(
          QUANTILES.map(([column, share]) => [column, quantile(order, share)]),
        ) as Record<QuantileColumn, Decimal>,
        ...(balance ? { pDeficit: shareBelow(order, ZERO) } : {}),
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
    const order = new ExactOrder(draws.map((d) => d.cumulative[f]!));
    return thresholds.map((threshold) => ({
      areaCode,
      scenario,
      financialYear,
      threshold,
      probability: shareBelow(order, threshold),
    }));
  });
}

/** Type 7: h = (n − 1) × p, then x⌊h⌋ + (h − ⌊h⌋) × (x⌊h⌋+1 − x⌊h⌋). */
function quantile(order: ExactOrder, share: string): Decimal {
  if (order.length === 0) return ZERO;
  const h = new Dec(order.length - 1).times(share);
  const j = h.floor().toNumber();
  const low = order.at(j);
  const high = order.at(Math.min(j + 1, order.length - 1));
  return low.plus(h.minus(j).times(high.minus(low)));
}

function shareBelow(order: ExactOrder, threshold: Decimal): Decimal {
  return order.length ? new Dec(order.countBelow(threshold)).div(order.length) : ZERO;
}
