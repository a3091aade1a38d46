import type { Decimal } from 'decimal.js';
import { Dec } from './decimal.js';

/** The named rounding points. Every output figure is rounded from its unrounded value. */

/** Money on output: pence, half-up (away from zero on a tie, as decimal.js ROUND_HALF_UP). */
export function toPence(value: Decimal): string {
  return normaliseZero(value.toFixed(2, Dec.ROUND_HALF_UP));
}

/**
 * Money rounded to pence as a figure, by toPence's rule: a part shown at its printed value beside
 * parts that share what is left (src/report/largest-remainder.ts's callers), a figure per pupil.
 */
export const penceValue = (value: Decimal): Decimal => value.toDecimalPlaces(2, Dec.ROUND_HALF_UP);

/** Pupil counts on output: 2 dp, half-up. */
export function toCount2dp(value: Decimal): string {
  return normaliseZero(value.toFixed(2, Dec.ROUND_HALF_UP));
}

/** Pupil counts in terminal tables: whole pupils, half-up (the CSV and JSON keep 2 dp). */
export function toCountWhole(value: Decimal): string {
  return normaliseZero(value.toFixed(0, Dec.ROUND_HALF_UP));
}

/** A figure to a number of decimal places, half-up, for the tables of the smaller commands (src/report/records.ts). */
export function toPlaces(value: Decimal, places: number): string {
  return normaliseZero(value.toFixed(places, Dec.ROUND_HALF_UP));
}

/**
 * A double (an expected count, a percentage) on output: 2 dp, half-up, from its shortest
 * round-trip text, as a count enters the money path (../shared/style.md §2).
 */
export const double2dp = (value: number): string => toPlaces(new Dec(String(value)), 2);

/** "-0.00" is not a figure anyone should see. */
function normaliseZero(text: string): string {
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}
