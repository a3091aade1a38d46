import type { IssueCode } from '../core/codes.js';
import type { Issue } from '../core/issue.js';

/**
 * Keeps one of each error of `codes` that repeats, cell for cell, the same message in the same file
 * and column, at its first cell, with how many cells hold it (in place, as foldUnknownNeeds in
 * read-history-codes.ts does for a need code): a census column written one unreadable way
 * ("Jan-19") was INVALID_YEAR on each of 2,403 rows, and the first 200 hid every other problem of
 * the files (found by an analyst's trial). Each way it is written is still said, where it first is.
 */
export function foldRepeatedCells(issues: Issue[], codes: ReadonlySet<IssueCode>): void {
  const firsts = new Map<string, { index: number; cells: number }>();
  const drop = new Set<number>();
  issues.forEach((issue, index) => {
    if (issue.severity !== 'error' || !codes.has(issue.code)) return;
    const at = issue.location;
    const key = [issue.code, at?.file, at?.column, issue.message].join('\u0000');
    const first = firsts.get(key);
    if (first === undefined) firsts.set(key, { index, cells: 1 });
    else {
      first.cells += 1;
      drop.add(index);
    }
  });
  if (drop.size === 0) return;
  for (const { index, cells } of firsts.values())
    if (cells > 1)
      issues[index] = {
        ...issues[index]!,
        message: `${issues[index]!.message} (${cells} cells, the first here)`,
      };
  let kept = 0;
  issues.forEach((issue, index) => {
    if (!drop.has(index)) issues[kept++] = issue;
  });
  issues.length = kept;
}
