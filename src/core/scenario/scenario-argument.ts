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
    return candidate as Scenario;
  const id = typeof value === 'string' ? value : 'mitigated';
  throw new TypeError(
    `${caller}: scenario must be a Scenario that loadScenarios(dir) read, such as loadScenarios(dir).scenarios.find((s) => s.id === ${JSON.stringify(id)}), not ${described(value)}`,
  );
}

/** What a caller passed, for a TypeError's message. */
export function described(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null)
    return 'an object without its fields (scenarios.json as parsed JSON, perhaps)';
  return String(value);
}
