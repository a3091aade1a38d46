import type { Issue } from '../core/issue.js';
import { andList } from '../core/words.js';

/** One line of the terminal's list: an issue, and the issues of the same words it stands for. */
export interface Listed {
  readonly issue: Issue;
  /** How many issues the line stands for, itself included. */
  readonly count: number;
  /** The other lines of its file it stands for, in order (none for an issue on its own). */
  readonly lines: readonly number[];
}

/** At most this many runs of lines ("3–13") are listed after a folded problem; the rest are counted. */
const LISTED_RUNS = 20;

/**
 * Problems of one severity in file order, those of one code with the same words and hint in one
 * column of one file printed once, at the first, with the lines of the rest: a places.csv row of a
 * year outside the projection for each setting (a warning, found by a user trial), or one value a
 * case system wrote down a column, "Autism" for ASD on 308 rows of a cohort (an error each: the
 * first 200 printed hid the 140 rows of an unknown setting below them, found by trying it). Their
 * words being the same, the lines are all the others said: nothing is lost. A JSON input's
 * problems (located by a path) and a whole file's (no line) stay each on its own line.
 */
export function foldSameWords(issues: readonly Issue[]): Listed[] {
  const folded = new Map<string, { issue: Issue; count: number; lines: Set<number> }>();
  const listed: { issue: Issue; count: number; lines: Set<number> }[] = [];
  for (const issue of issues) {
    const at = issue.location;
    const key =
      at?.line !== undefined && at.path === undefined
        ? [issue.code, at.file, at.column ?? '', issue.message, issue.hint ?? ''].join('\u0000')
        : undefined;
    const same = key === undefined ? undefined : folded.get(key);
    if (same) {
      same.count += issue.standsFor ?? 1;
      if (at!.line !== same.issue.location!.line) same.lines.add(at!.line!);
      continue;
    }
    const entry = { issue, count: issue.standsFor ?? 1, lines: new Set<number>() };
    if (key !== undefined) folded.set(key, entry);
    listed.push(entry);
  }
  return listed.map(({ issue, count, lines }) => ({
    issue,
    count,
    lines: [...lines].sort((a, b) => a - b),
  }));
}

/** " (and in 11 more cells of this column: lines 3–13)", or nothing for a problem on its own. */
export function foldedText({ issue, lines }: Listed): string {
  if (lines.length === 0) return '';
  const what = issue.location?.column !== undefined ? 'cell' : 'row';
  const where = issue.location?.column !== undefined ? ' of this column' : '';
  return ` (and in ${lines.length} more ${what}${lines.length === 1 ? '' : 's'}${where}: ${lineRuns(lines)})`;
}

/** "line 4", "lines 3–13, 20 and 25–27"; past LISTED_RUNS runs, "… and 40 more lines". */
function lineRuns(lines: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const line of lines) {
    const last = runs.at(-1);
    if (last && line === last[1] + 1) last[1] = line;
    else runs.push([line, line]);
  }
  const text = runs.map(([from, to]) => (from === to ? `${from}` : `${from}–${to}`));
  if (lines.length === 1) return `line ${text[0]}`;
  if (runs.length > LISTED_RUNS) {
    const shown = runs.slice(0, LISTED_RUNS);
    const left = lines.length - shown.reduce((sum, [from, to]) => sum + to - from + 1, 0);
    return `lines ${andList([...text.slice(0, LISTED_RUNS), `${left} more`])}`;
  }
  return `lines ${andList(text)}`;
}
