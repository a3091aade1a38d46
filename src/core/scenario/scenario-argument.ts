import { callerDecimal } from '../decimal.js';
import { whyNotGrowth } from '../growth.js';
import type { Scenario } from './types.js';

/**
 * A library caller's `scenario`, checked before it is used: a scenario id or scenarios.json's own
 * object (numbers as JSON has them, no resolved base chain) would otherwise fail deep inside
 * applyScenario ("Cannot read properties of undefined"). Throws a TypeError naming what to pass.
 */
export function scenarioArgument(value: unknown, caller: string): Scenario {
  const candidate = value as Partial<Scenario> | null;
  if (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.id === 'string' &&
    Array.isArray(candidate.levers) &&
    Array.isArray(candidate.funding) &&
    typeof candidate.assumptions === 'object' &&
    typeof candidate.inheritedLevers === 'number'
  )
    return withGrowths(candidate as Scenario, caller);
  const id = typeof value === 'string' ? value : 'mitigated';
  throw new TypeError(
    `${caller}: scenario must be a Scenario that loadScenarios(dir) read, such as loadScenarios(dir).scenarios.find((s) => s.id === ${JSON.stringify(id)}), not ${described(value)}`,
  );
}

/**
 * A scenario made in code may set a growth that scenarios.json would refuse (GROWTH_OUT_OF_RANGE,
 * src/core/growth.ts): 3 for 3% would project an HNB four times the last one a year. A RangeError.
 */
function withGrowths(scenario: Scenario, caller: string): Scenario {
  for (const [key, value] of Object.entries(scenario.assumptions) as [string, unknown][]) {
    const growth = callerDecimal(value);
    const why = growth && whyNotGrowth(growth);
    if (why)
      throw new RangeError(
        `${caller}: scenario "${scenario.id}" has assumptions.${key} ${String(value)}, ${why} (0.05 is 5%)`,
      );
  }
  return scenario;
}

/** What a caller passed, for a TypeError's message. */
export function described(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null)
    return 'an object without its fields (scenarios.json as parsed JSON, perhaps)';
  return String(value);
}
