import { warning, type Issue, type Location } from '../core/issue.js';
import type { Seen } from './read-snapshots.js';

/**
 * A person in two Januaries but not in one between them is followed Januaries apart only, so is
 * fitted as a plan that ended and a new plan: right for a plan that ceased and was issued again,
 * but an extract that lost a person's row for a January reads the same, and it fitted ceasing and
 * new plans above the history's without a word (found by a user trial). One warning for the file,
 * at the first such person's row in the January they return in, with how many there are; not
 * for a January missing from the file (HISTORY_GAP) or across a step whose ids did not carry over.
 */
export function returners(
  years: ReadonlyMap<number, ReadonlyMap<string, Seen>>,
  unfollowed: ReadonlySet<number>,
  /** The calendar years of the steps fitted (--fit-years); all when not given. */
  fitted: { readonly first: number; readonly last: number } | undefined,
  column: number,
  issues: Issue[],
): void {
  const lastSeen = new Map<string, number>();
  let first: { person: string; before: number; after: number; at: Location } | undefined;
  let count = 0;
  for (const year of [...years.keys()].sort((a, b) => a - b))
    for (const [person, seen] of years.get(year)!) {
      const before = lastSeen.get(person);
      lastSeen.set(person, year);
      // A January missing from the whole file is HISTORY_GAP's, not every person's.
      if (before === undefined || before === year - 1 || !years.has(before + 1)) continue;
      if (unfollowed.has(before) || unfollowed.has(year - 1)) continue;
      // Steps before to year − 1 count the return; none of them fitted, it misleads nothing.
      if (fitted && (year - 1 < fitted.first || before > fitted.last)) continue;
      count += 1;
      if (
        !first ||
        year < first.after ||
        (year === first.after && (seen.at.line ?? 0) < (first.at.line ?? 0))
      )
        first = { person, before, after: year, at: { ...seen.at, column } };
    }
  if (!first) return;
  const missing =
    first.after - first.before === 2
      ? `January ${first.before + 1}`
      : `January ${first.before + 1} to January ${first.after - 1}`;
  issues.push(
    warning(
      'PERSON_RETURNS',
      `person "${first.person}" is in January ${first.before} and January ${first.after} but not in ${missing}: counted as a plan that ended after January ${first.before} and a new plan in January ${first.after}${count > 1 ? ` (${count} such returns in the file, the first here)` : ''}`,
      first.at,
      'right for a plan that ceased and was issued again; if the extract lost their rows, give each of them a row in every January they had a plan',
    ),
  );
}
