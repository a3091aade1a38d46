import type { FinancialYear } from '../period.js';
import type { WireIntervalRow } from './intervals.js';

/**
 * One area's simulation under one scenario as it crosses from a worker: its interval rows,
 * unrounded (src/report prints them), and each draw's figures at the printed precision (pupils in hundredths, money in pence, whole
 * numbers in a Float64Array) for the national totals: sums of whole numbers far below 2^53 are
 * exact in any order, so the national figures do not depend on which thread finished first.
 * Made by src/io/area-intervals.ts, summed by src/report/national-intervals.ts.
 */
export interface AreaIntervals {
  readonly id: string;
  readonly financialYears: readonly FinancialYear[];
  readonly rows: readonly WireIntervalRow[];
  /** Draw d, measure k, year f at [(d × 4 + k) × years + f]. */
  readonly figures: Float64Array;
}
