import { type Issue, issueKey, sortIssues } from '../core/issue.js';

/**
 * A national run's issues for the terminal, each once, saying which areas it is of: many areas
 * share a file (scenarios.json, a tariff, rows without an area), so one problem is often every
 * area's, and an area's own rows are told apart by line alone. `global` are the national files'
 * own issues (no area); an issue of the areas that is also global is said once, as global. Each
 * area's issues stay as they are in failures.csv and the library's result.
 */
export function issuesWithAreas(
  areas: readonly { readonly code: string; readonly issues: readonly Issue[] }[],
  global: readonly Issue[],
  /** How many areas the run has: an issue of all of them is "every area". */
  total: number,
): Issue[] {
  const seen = new Map<string, { issue: Issue; codes: string[] }>();
  const globalKeys = new Set(global.map(issueKey));
  for (const area of areas)
    for (const issue of area.issues) {
      const key = issueKey(issue);
      if (globalKeys.has(key)) continue;
      const entry = seen.get(key);
      if (entry) {
        if (!entry.codes.includes(area.code)) entry.codes.push(area.code);
      } else seen.set(key, { issue, codes: [area.code] });
    }
  const labelled = [...seen.values()].map(({ issue, codes }) =>
    // An area's own problem that names it already ('area "903" has no rows') says no more.
    codes.length === 1 && issue.message.includes(`"${codes[0]}"`)
      ? issue
      : { ...issue, message: `${issue.message} (${which(codes, total)})` },
  );
  return sortIssues([...global, ...labelled]);
}

/** "area N01", "areas N01, N02 and N04", or "every area" when all of them (and more than one). */
function which(codes: readonly string[], areas: number): string {
  if (codes.length > 1 && codes.length === areas) return 'every area';
  const sorted = [...codes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (sorted.length === 1) return `area ${sorted[0]}`;
  return `areas ${sorted.slice(0, -1).join(', ')} and ${sorted.at(-1)}`;
}
