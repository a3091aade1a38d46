import type { IssueCode } from './codes.js';

/** Where in which input a problem was found. `column` is the 1-based field number in a CSV row, or the character column in JSON. */
export interface Location {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** JSON path such as `$.rates[3].topUp`, for JSON inputs. */
  readonly path?: string;
}

export type Severity = 'error' | 'warning';

/** A user's mistake is data, not an exception: every reader and check returns these. */
export interface Issue {
  readonly severity: Severity;
  readonly code: IssueCode;
  readonly message: string;
  readonly hint?: string;
  readonly location?: Location;
  /**
   * For a note that stands for many cells read alike (src/io/normalise.ts: one per file, column
   * and kind of change), the kind (`separators`, `brackets`, `dash`, `percent`, `zeroFraction`, `ncy`,
   * `januaryDate`, `academicYear`, `ukDate`, `otherDate`, `yearForm`, `need`, `setting`,
   * `areaCode`, `fraction` or `mangled`) and how many: a national model's areas each read their own rows of a
   * shared file, so the same kind of note at the same file and column in another area is the
   * same note there.
   */
  readonly cells?: { readonly kind: string; readonly count: number };
  /**
   * How many issues this one says, itself included, when it is said once for several: a national
   * run's problem of one code and place in several areas, in each area's words
   * (src/report/area-issues.ts). A list's closing count counts them all. One when not given.
   */
  readonly standsFor?: number;
  /**
   * The area the problem is of, where its words name it (`area "903" has no rows in cohort.csv`),
   * set where the problem is found: a national run's list then adds no "(area 903)" of its own
   * (src/report/area-issues.ts), and nothing reads the area back out of the words.
   */
  readonly area?: string;
}

/** How many problems some issues are: each with those it is said for (Issue.standsFor). */
export const problemCount = (issues: readonly Issue[]): number =>
  issues.reduce((sum, issue) => sum + (issue.standsFor ?? 1), 0);

export function error(code: IssueCode, message: string, location?: Location, hint?: string): Issue {
  return {
    severity: 'error',
    code,
    message,
    ...(location ? { location } : {}),
    ...(hint ? { hint } : {}),
  };
}

export function warning(
  code: IssueCode,
  message: string,
  location?: Location,
  hint?: string,
): Issue {
  return {
    severity: 'warning',
    code,
    message,
    ...(location ? { location } : {}),
    ...(hint ? { hint } : {}),
  };
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}

/** Stable order: by file, line, column, then code, so output never depends on check order. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort((a, b) => {
    const fa = a.location?.file ?? '';
    const fb = b.location?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    const la = a.location?.line ?? 0;
    const lb = b.location?.line ?? 0;
    if (la !== lb) return la - lb;
    const ca = a.location?.column ?? 0;
    const cb = b.location?.column ?? 0;
    if (ca !== cb) return ca - cb;
    if (a.code !== b.code) return a.code < b.code ? -1 : 1;
    return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
  });
}

/** The same problem found twice (say, by two scenarios' projections) is reported once. */
/** What tells two issues apart: the same key is the same problem at the same place. */
export const issueKey = (issue: Issue): string =>
  `${issue.severity}\u0000${issue.code}\u0000${issue.message}\u0000${issue.location?.file}\u0000${issue.location?.line}\u0000${issue.location?.column}\u0000${issue.location?.path}`;

export function uniqueIssues(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = issueKey(issue);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** file:line:column of an input, as an issue prints it: a column only after a line ("file:3" is a line). */
export const locationText = (at: Location): string =>
  [at.file, at.line, at.line !== undefined ? at.column : undefined]
    .filter((p) => p !== undefined)
    .join(':');
