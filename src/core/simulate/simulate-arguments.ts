import type { Decimal } from 'decimal.js';
import { callerDecimal, parseDecimal } from '../decimal.js';
import { described, scenarioArgument } from '../scenario/scenario-argument.js';
import type { Scenario } from '../scenario/types.js';

/** A threshold as a library caller may give it: a Decimal, a number or its text, in pounds. */
export type Amount = Decimal | number | string;

/**
 * A library caller's scenario and thresholds, checked, with each threshold made a Decimal. Money
 * enters as text, never through float arithmetic: a number is read from its shortest text
 * (String(n): -30000000 is "-30000000", 0.1 is "0.1"), which is exact for whole pounds and for
 * pence as a literal writes them; a string must be a plain decimal ("-30000000.50"). Anything
 * else throws a TypeError naming what to pass.
 */
export function simulateArguments<
  T extends { draws: number; seed: number; scenario?: unknown; thresholds?: readonly Amount[] },
>(options: T): Omit<T, 'scenario' | 'thresholds'> & { scenario?: Scenario; thresholds: Decimal[] } {
  const { scenario, thresholds = [], ...rest } = options;
  checkDraws('simulate', ['draws', rest.draws], ['seed', rest.seed]);
  if (!Array.isArray(thresholds))
    throw new TypeError(
      `simulate: thresholds must be an array of amounts in pounds (Decimals, numbers or their text), not ${described(thresholds)}`,
    );
  return {
    ...rest,
    ...(scenario === undefined ? {} : { scenario: scenarioArgument(scenario, 'simulate') }),
    thresholds: thresholds.map(threshold),
  };
}

/**
 * A library caller's draws and seed (simulate's, and runBatch's `draws: { count, seed }`), as the
 * CLI's --draws and --seed take them: a whole number of draws from 1 and a whole seed from 0 to
 * 2^53 − 1. 0 draws gave a 0% chance of a deficit and 2.5 NaN means (found by a user trial). A TypeError for
 * what is not a number, a RangeError for a number that is not one of those. Each is given with the
 * name the caller knows it by (draws.count for runBatch).
 */
export function checkDraws(
  caller: string,
  [countName, count]: readonly [string, unknown],
  [seedName, seed]: readonly [string, unknown],
): void {
  const seeds = `from 0 to ${Number.MAX_SAFE_INTEGER.toLocaleString('en-GB')}, such as 1`;
  for (const [name, value, min, range] of [
    [countName, count, 1, ', 1 or more, such as 1000'],
    [seedName, seed, 0, ` ${seeds}`],
  ] as const) {
    const message = `${caller}: ${name} must be a whole number${range}, not ${described(value)}`;
    if (typeof value !== 'number') throw new TypeError(message);
    if (!Number.isSafeInteger(value) || value < min) throw new RangeError(message);
  }
}

function threshold(value: unknown): Decimal {
  const amount = typeof value === 'string' ? parseDecimal(value.trim()) : callerDecimal(value);
  // Printed to the penny: two thresholds a part of a penny apart would print as one column name.
  if (amount && amount.decimalPlaces() > 2)
    throw new RangeError(
      `simulate: a threshold is an amount in pounds and pence, at most 2 decimal places, not ${amount.toFixed()}`,
    );
  if (amount) return amount;
  throw new TypeError(
    `simulate: a threshold must be an amount in pounds, a Decimal, a finite number or plain decimal text such as "-30000000" (a deficit is negative), not ${typeof value === 'object' && value !== null ? 'an object' : described(value)}`,
  );
}
