import { type Issue, locationText, problemCount } from '../core/issue.js';
import { visible } from '../report/visible.js';
import { foldedText, foldSameWords, type Listed } from './fold-same-words.js';
import { DEFAULT_MAX_PROBLEMS } from '../io/limits.js';

export interface IssuePaint {
  readonly error: (text: string) => string;
  readonly warning: (text: string) => string;
  readonly dim: (text: string) => string;
  /**
   * How many problems to list before a count of the rest (all of them for JSON output). A file with
   * a million bad rows would otherwise print two million lines (1.8 GB, issue 18): the first 200
   * show what is wrong, the count how much (src/io/limits.ts, DEFAULT_MAX_PROBLEMS).
   */
  readonly most?: number;
  /** Whether problems of the same words in one column are printed once (not for JSON output, which lists every one). */
  readonly fold?: boolean;
}

/** Whether a command line asks for JSON output (--format json, or an --out FILE.json without --format). */
export function wantsJson(argv: readonly string[]): boolean {
  const value = (name: string): string | undefined => {
    const at = argv.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
    if (at < 0) return undefined;
    return argv[at]!.startsWith(`${name}=`) ? argv[at]!.slice(name.length + 1) : argv[at + 1];
  };
  // Read as --format reads its word (src/cli/shared-options.ts): --format JSON asked for JSON
  // output and got it, but its problems were cut at 200 as a table's are (found by a review).
  const format = value('--format')?.trim().toLowerCase();
  return format !== undefined ? format === 'json' : /\.json$/i.test(value('--out') ?? '');
}

/** `file:line:column: error CODE: message`, then an indented hint: location first, remedy after. */
function formatIssue(entry: Listed, paint: IssuePaint): string {
  const { issue } = entry;
  const where = issue.location ? locationText(issue.location) : 'highneeds';
  const severity = issue.severity === 'error' ? paint.error('error') : paint.warning('warning');
  // Messages quote what the inputs hold: their control characters are shown, not obeyed (src/report/visible.ts).
  const hint = issue.hint ? `\n  ${paint.dim(`hint: ${visible(issue.hint)}`)}` : '';
  return `${visible(where)}: ${severity} ${issue.code}: ${visible(issue.message)}${foldedText(entry)}${hint}`;
}

/**
 * The terminal's list: errors first, the reason a run failed at the top (found by a user trial:
 * one error among hundreds of notes in file order went unseen), then warnings, each group in file
 * order, problems of the same words in one column of a file once (src/cli/fold-same-words.ts); past
 * `most` lines, a count of the rest; then the count of every problem, however many lines said them.
 * Machine outputs keep them all.
 */
export function formatIssues(issues: readonly Issue[], paint: IssuePaint): string {
  if (issues.length === 0) return '';
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity !== 'error');
  // Problems, not lines: a line may say several (folded here, or a national run's areas').
  const [errorCount, warningCount] = [problemCount(errors), problemCount(warnings)];
  const counts = [
    errorCount ? `${errorCount} error${errorCount === 1 ? '' : 's'}` : '',
    warningCount ? `${warningCount} warning${warningCount === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const alone = (issue: Issue): Listed => ({ issue, count: issue.standsFor ?? 1, lines: [] });
  const fold = (group: readonly Issue[]) =>
    paint.fold === false ? group.map(alone) : foldSameWords(group);
  const listed: Listed[] = [...fold(errors), ...fold(warnings)];
  const shown = listed.slice(0, paint.most ?? DEFAULT_MAX_PROBLEMS);
  const rest = listed.slice(shown.length).reduce((sum, { count }) => sum + count, 0);
  const above = errorCount + warningCount - rest;
  const more = rest
    ? `\n${paint.dim(`… and ${rest} more not shown (${above === 1 ? 'the first is' : `the first ${above} are`} above; run again with HIGHNEEDS_MAX_PROBLEMS=${listed.length} to list them all)`)}`
    : '';
  return `${shown.map((entry) => formatIssue(entry, paint)).join('\n')}${more}\n${counts}\n`;
}
