import type { Issue } from './issue.js';

/**
 * The failures.csv entries that are no area of areas.csv: rows under a code it does not list
 * (UNKNOWN_AREA), left out. The terminal, the national report and the manifest count them apart
 * from the areas that failed (a report of 6 areas said "2 areas modelled; 7 areas failed"), and
 * batch counts the areas a scenario's amounts go to without them (SCENARIO_SAME_EVERY_AREA).
 */
export function isUnlistedCode(failure: { readonly issues: readonly Issue[] }): boolean {
  return failure.issues.some((issue) => issue.code === 'UNKNOWN_AREA');
}
