import type { DrawnInputs, DrawnLever, DrawnRows } from '../core/simulate/drawn-inputs.js';
import { andList, counted } from '../core/words.js';
import { type JsonOut, rawNumber } from './json.js';

function rowsInWords({ file, observed, ranged }: DrawnRows): string {
  const how =
    observed && ranged
      ? `${observed} by observed and exposure, ${ranged} by low and high`
      : observed
        ? 'observed and exposure'
        : 'low and high';
  return `${file}'s ${counted(observed + ranged, 'row')} (${how})`;
}

function leverInWords({ id, figure, value, range }: DrawnLever): string {
  const shape = range.uniform ? 'uniform' : `triangular about ${value.toFixed()}`;
  return `${id} (${figure} ${range.low.toFixed()} to ${range.high.toFixed()}, ${shape})`;
}

/**
 * Whether any rate row or lever gives its uncertainty: without, the ranges are the pupils' chance
 * alone, and the words after the table and in the report must not speak of chance in the rates.
 */
export const drawsRates = (drawn: DrawnInputs): boolean =>
  drawn.rows.length > 0 || drawn.levers.length > 0;

/**
 * What the draws draw from their uncertainty, in a sentence under simulate's table: which rate rows
 * and which levers gave ranges, or that none did and the ranges are the pupils' chance alone
 * (docs/simulate.md, "What an interval means, and what it does not").
 */
export function drawnInWords(drawn: DrawnInputs): string {
  if (!drawsRates(drawn))
    return 'Drawn: only the pupils, one by one, and the new plans, as counts; no rate row or lever gives its uncertainty (observed and exposure, or low and high), so the ranges are that chance alone, not uncertainty in the rates.';
  const levers = drawn.levers.length
    ? [
        `${drawn.levers.length === 1 ? 'lever' : 'levers'} ${andList(drawn.levers.map(leverInWords))}`,
      ]
    : [];
  return `Each draw takes a new value, within its uncertainty, for ${[...drawn.rows.map(rowsInWords), ...levers].join('; ')}. Every draw also draws the pupils one by one and the new plans as counts.`;
}

/** The same as JSON (simulate's `drawn`): the rows by file and how, and each ranged lever. */
export function drawnJson(drawn: DrawnInputs): JsonOut {
  return {
    rows: drawn.rows.map((row) => ({
      file: row.file,
      observed_exposure: rawNumber(String(row.observed)),
      low_high: rawNumber(String(row.ranged)),
    })),
    levers: drawn.levers.map((lever) => ({
      id: lever.id,
      kind: lever.kind,
      figure: lever.figure,
      value: rawNumber(lever.value.toFixed()),
      low: rawNumber(lever.range.low.toFixed()),
      high: rawNumber(lever.range.high.toFixed()),
      distribution: lever.range.uniform ? 'uniform' : 'triangular',
    })),
  };
}
