import { type Issue, issueKey, sortIssues } from '../core/issue.js';
import { listed } from '../core/words.js';

/**
 * A national run's issues for the terminal, each once, saying which areas it is of: many areas
 * share a file (scenarios.json, a tariff, rows without an area), so one problem is often every
 * area's, and an area's own rows are told apart by line alone. `global` are the national files'
 * own issues (no area); an issue of the areas that is also global is said once, as global. Issues
 * of one code at one place with one hint whose words differ only as the areas do (an --hnb-from
 * file with no row for each of 153 areas) are said once, with the first area's words, and the
 * other areas counted. Each area's issues stay as they are in failures.csv and the library's result.
 */
export function issuesWithAreas(
  areas: readonly { readonly code: string; readonly issues: readonly Issue[] }[],
  global: readonly Issue[],
  /** How many areas the run has: an issue of all of them is "every area". */
  total: number,
): Issue[] {
  const seen = new Map<string, { issue: Issue; codes: string[]; ownHints?: true }>();
  const globalKeys = new Set(global.map(issueKey));
  for (const area of areas)
    for (const issue of area.issues) {
      const key = issueKey(issue);
      if (globalKeys.has(key)) continue;
      const entry = seen.get(key);
      if (entry) {
        if (!entry.codes.includes(area.code)) entry.codes.push(area.code);
        if (
          issue.hint !== entry.issue.hint &&
          ownHint(entry.issue, issue, entry.codes[0]!, area.code)
        )
          entry.ownHints = true;
      } else seen.set(key, { issue, codes: [area.code] });
    }
  // A hint that names each area's own rows (MISSING_OPENING_BALANCE's "add: N01,2025-26,…" in a
  // national funding.csv) is said in the first area's words: the others are told to use theirs.
  for (const entry of seen.values())
    if (entry.ownHints)
      entry.issue = {
        ...entry.issue,
        hint: `${entry.issue.hint} (the other areas' rows likewise, each with its own code in place of ${entry.codes[0]})`,
      };
  const labelled = samePlaceGroups([...seen.values()]).map((group) => {
    // Led by the first in the file: a note of many cells names its first cell.
    const [first, ...others] = [...group].sort(
      (a, b) => (a.issue.location?.line ?? 0) - (b.issue.location?.line ?? 0),
    );
    const issue = labelledIssue(first!.issue, first!.codes, total);
    const more = [...new Set(others.flatMap(({ codes }) => codes))].filter(
      (code) => !first!.codes.includes(code),
    );
    // An area's problem on a line of its own (placeKey) is found there: its line goes with its code.
    const lineOf = new Map<string, number>();
    const firstLine = first!.issue.location?.line;
    for (const { issue: other, codes } of others) {
      const line = other.location?.line;
      if (other.cells || line === undefined || line === firstLine) continue;
      for (const code of codes) lineOf.set(code, line);
    }
    // One line for the group: it says each of the group's problems, and counts them (Issue.standsFor).
    const standsFor = group.length === 1 ? {} : { standsFor: group.length };
    return more.length === 0
      ? { ...issue, ...standsFor }
      : {
          ...issue,
          message: `${issue.message}; ${alsoIn(first!.issue, more.length)}: ${listed(more, lineOf)}`,
          ...standsFor,
        };
  });
  return sortIssues([...global, ...labelled]);
}

/**
 * `also in 3 other areas`, or for rows under codes areas.csv does not list (UNKNOWN_AREA), which
 * are no areas, `also under 3 other codes` (an analyst's trial read "area "E1001" is not in the
 * areas table …; also in 3 other areas: N04, N05 and N06", of codes no more areas than E1001).
 */
function alsoIn(issue: Issue, more: number): string {
  return issue.code === 'UNKNOWN_AREA'
    ? `also under ${more === 1 ? '1 other code' : `${more} other codes`}`
    : `also in ${more === 1 ? '1 other area' : `${more} other areas`}`;
}

/**
 * The issues said as one: those of one code, place and hint in different areas. An area with two
 * of them at one place has two problems there (their words tell them apart), so the second starts
 * a group of its own rather than being taken for the first's words in another area, and lost.
 */
function samePlaceGroups<T extends { issue: Issue; codes: string[] }>(
  entries: readonly T[],
): T[][] {
  const byPlace = new Map<string, { entries: T[]; codes: Set<string> }[]>();
  for (const entry of entries) {
    const key = placeKey(entry.issue, entry.codes);
    const groups = byPlace.get(key) ?? [];
    const group = groups.find(({ codes }) => entry.codes.every((code) => !codes.has(code)));
    if (group) {
      group.entries.push(entry);
      for (const code of entry.codes) group.codes.add(code);
    } else groups.push({ entries: [entry], codes: new Set(entry.codes) });
    byPlace.set(key, groups);
  }
  return [...byPlace.values()].flatMap((groups) => groups.map((group) => group.entries));
}

/**
 * An issue's code, place and hint: what the same problem in another area shares, whatever its
 * words. A note for many cells of one kind (Issue.cells) is the same note in each area's rows of
 * the file, wherever its first cell is: its column and kind are its place. So is, at any line of
 * its column, a warning, or a problem whose words name its area (Issue.area): each area's own row
 * of a shared table (an --hnb-from file's import/export for each of 153 areas, a places.csv
 * written with ONS codes: found by a national trial, which printed 153 of them, one an area). An
 * error in an area's rows keeps its line: validate lists each, to be put right where it is.
 * Lines told apart by their line alone are the same problem only when their words are the same
 * but for the area's code and figures (wordsOf): one area's place-funding line in spend.csv and
 * another's top-ups line were one SPEND_LINE_MODELLED, the top-ups unsaid (found by a review).
 */
const placeKey = (issue: Issue, codes: readonly string[]): string => {
  const at = issue.location;
  if (issue.cells)
    return `${issue.severity}\u0000${issue.code}\u0000${at?.file}\u0000${at?.column}\u0000${issue.cells.kind}`;
  const anyLine =
    at?.line !== undefined && (issue.severity === 'warning' || issue.area !== undefined);
  const line = anyLine ? wordsOf(issue.message, codes) : at?.line;
  return `${issue.severity}\u0000${issue.code}\u0000${at?.file}\u0000${line}\u0000${at?.column}\u0000${at?.path}\u0000${issue.hint}`;
};

/** A message without its areas' codes and its figures (amounts, years, counts, line numbers). */
function wordsOf(message: string, codes: readonly string[]): string {
  let words = message;
  for (const code of [...codes].sort((a, b) => b.length - a.length))
    if (code !== '') words = words.split(code).join('\u0001');
  // A list of figures is one: "2027-28, 2028-29" in one area, "2027-28 and 2028-29" in another.
  const figure = String.raw`-?£?\d(?:[\d,./:-]*\d)?`;
  return words.replace(new RegExp(`${figure}(?:(?:, | and | to )${figure})*`, 'g'), '#');
}

/**
 * Whether two areas' hints of the same problem differ only as the areas' codes do. A code is
 * matched as a whole word: area 202's "202,2025-26,opening_balance" is not 203's "203,2035-26,…"
 * (found by a review: an LA code inside a year left the hint without "likewise").
 */
function ownHint(first: Issue, other: Issue, firstCode: string, otherCode: string): boolean {
  if (first.hint === undefined || other.hint === undefined || firstCode === '') return false;
  const code = new RegExp(
    `(?<!\\w)${firstCode.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\w)`,
    'g',
  );
  const theirs = first.hint.replace(code, () => otherCode);
  return theirs !== first.hint && theirs === other.hint;
}

function labelledIssue(issue: Issue, codes: readonly string[], total: number): Issue {
  // An area's own problem that names it already ('area "903" has no rows': Issue.area) says no more.
  return codes.length === 1 && issue.area === codes[0]
    ? issue
    : { ...issue, message: `${issue.message} (${which(codes, total)})` };
}

/** "area N01", "areas N01, N02 and N04", or "every area" when all of them (and more than one). */
function which(codes: readonly string[], areas: number): string {
  if (codes.length > 1 && codes.length === areas) return 'every area';
  return `${codes.length === 1 ? 'area' : 'areas'} ${listed(codes)}`;
}
