import type { Decimal } from 'decimal.js';
import { error, type Issue, type Location } from './issue.js';

/**
 * A yearly growth or uplift: model.json's (or a scenario's, or areas.csv's) newPlansGrowth,
 * hnbGrowth, tariffUplift and otherSpendGrowth, spend.csv's growth, a tariff's uplift.annualRate,
 * an NFF's floor and rollover uplift (not its gains cap, a ceiling only). Each multiplies a year's figure by 1 + growth, so
 * -1 leaves nothing (no new plans, no money) and less than -1 a negative figure (a user trial: -2 gave negative top-up
 * spend). Above 1, more than doubling every year, is almost surely a percentage written as a
 * whole number (3 meant as 3% made the HNB £9.5bn); no input here grows that fast, so it is an
 * error too, with how to write a percentage.
 */
const RANGE = 'a yearly growth is a share above -1 and at most 1';

/** Why `value` is no yearly growth, or undefined when it is one. */
export function whyNotGrowth(value: Decimal): string | undefined {
  const percent = value.times(100).abs().toFixed();
  if (value.greaterThan(1)) return `a rise of ${percent}% a year; ${RANGE}`;
  if (value.lessThanOrEqualTo(-1))
    return `a fall of ${percent}% a year, which leaves ${value.equals(-1) ? 'nothing' : 'less than nothing'}; ${RANGE}`;
  return undefined;
}

/** How the file writes a growth: a JSON decimal string, a model CSV's rate (5% is read), or plain digits. */
export type GrowthNotation = 'json' | 'rate' | 'plain';

const HINTS: Record<GrowthNotation, string> = {
  json: 'write 5% as "0.05" and a fall of 2% as "-0.02"',
  rate: 'write 5% as 0.05 or 5%, and a fall of 2% as -0.02 or -2%',
  plain: 'write 5% as 0.05 and a fall of 2% as -0.02',
};

/** GROWTH_OUT_OF_RANGE for `name` (its path or column, as the file's other messages name it), written `text`, or undefined. */
export function growthIssue(
  name: string,
  text: string,
  value: Decimal,
  at: Location,
  notation: GrowthNotation,
): Issue | undefined {
  const why = whyNotGrowth(value);
  return why === undefined
    ? undefined
    : error('GROWTH_OUT_OF_RANGE', `${name} is ${text}, ${why}`, at, HINTS[notation]);
}
