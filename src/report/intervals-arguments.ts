import { Dec } from '../core/decimal.js';
import { described } from '../core/scenario/scenario-argument.js';
import type { IntervalRow, ThresholdRow } from '../core/simulate/intervals.js';

/**
 * A library caller's renderIntervalsCsv arguments, checked before they are rendered, as
 * runBatch's options are (src/io/batch/batch-arguments.ts): the thresholds as amounts
 * ([-30000000], as simulate takes them) failed deep inside with "Cannot read properties of
 * undefined" (found by a user trial). Throws a TypeError naming what to pass.
 */
export function checkIntervalArguments(rows: unknown, thresholds: unknown): void {
  if (!Array.isArray(rows) || !rows.every(isIntervalRow))
    throw new TypeError(
      `renderIntervalsCsv: rows must be the interval rows simulate returned, simulate(model, { draws, seed }).simulation.rows, not ${what(rows, isIntervalRow)}`,
    );
  if (!Array.isArray(thresholds) || !thresholds.every(isThresholdRow))
    throw new TypeError(
      `renderIntervalsCsv: thresholds must be the threshold rows simulate returned, simulate(model, { draws, seed, thresholds: [-30000000] }).simulation.thresholds, not ${what(thresholds, isThresholdRow)}`,
    );
}

/** An object's fields, or undefined for what is not an object. */
const fieldsOf = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;

function isIntervalRow(value: unknown): value is IntervalRow {
  const row = fieldsOf(value);
  return (
    typeof row?.['measure'] === 'string' &&
    typeof row['financialYear'] === 'number' &&
    Dec.isDecimal(row['mean']) &&
    fieldsOf(row['quantiles']) !== undefined
  );
}

function isThresholdRow(value: unknown): value is ThresholdRow {
  const row = fieldsOf(value);
  return (
    typeof row?.['financialYear'] === 'number' &&
    Dec.isDecimal(row['threshold']) &&
    Dec.isDecimal(row['probability'])
  );
}

/** An argument that is not an array of such rows: the first element that is not one, if an array. */
function what(value: unknown, isRow: (element: unknown) => boolean): string {
  if (!Array.isArray(value)) return described(value);
  return `an array holding ${described(value.find((element) => !isRow(element)))}`;
}
