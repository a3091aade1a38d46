import type { Decimal } from 'decimal.js';
import { Dec, parseDecimal } from '../decimal.js';
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
export function simulateArguments<T extends { scenario?: unknown; thresholds?: readonly Amount[] }>(
  options: T,
): Omit<T, 'scenario' | 'thresholds'> & { scenario?: Scenario; thresholds: Decimal[] } {
  const { scenario, thresholds = [], ...rest } = options;
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

function threshold(value: unknown): Decimal {
  if (Dec.isDecimal(value)) return value as Decimal;
  if (typeof value === 'number' && Number.isFinite(value)) return new Dec(String(value));
  const parsed = typeof value === 'string' ? parseDecimal(value.trim()) : undefined;
  if (parsed) return parsed;
  throw new TypeError(
    `simulate: a threshold must be an amount in pounds, a Decimal, a finite number or plain decimal text such as "-30000000" (a deficit is negative), not ${typeof value === 'object' && value !== null ? 'an object' : described(value)}`,
  );
}
