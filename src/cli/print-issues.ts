import type { Issue } from '../core/issue.js';
import { visible } from '../report/visible.js';

export interface IssuePaint {
  readonly error: (text: string) => string;
  readonly warning: (text: string) => string;
  readonly dim: (text: string) => string;
  /** How many problems to list before a count of the rest (ISSUE_LIMIT; all of them for JSON output). */
  readonly most?: number;
}

/**
 * A file with a million bad rows would otherwise print two million lines (1.8 GB, issue 18):
 * the first 200 problems show what is wrong; the count says how much. `--format json` lists all.
 */
export const ISSUE_LIMIT = 200;

/** Whether a command line asks for JSON output (--format json, or an --out FILE.json without --format). */
export function wantsJson(argv: readonly string[]): boolean {
  const value = (name: string): string | undefined => {
    const at = argv.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
    if (at < 0) return undefined;
    return argv[at]!.startsWith(`${name}=`) ? argv[at]!.slice(name.length + 1) : argv[at + 1];
  };
  const format = value('--format');
  return format !== undefined ? format === 'json' : /\.json$/i.test(value('--out') ?? '');
}

/** `file:line:column: error CODE: message`, then an indented hint: location first, remedy after. */
function formatIssue(issue: Issue, paint: IssuePaint): string {
  const where = issue.location
    ? [
        issue.location.file,
        issue.location.line,
        issue.location.line !== undefined ? issue.location.column : undefined,
      ]
        .filter((part) => part !== undefined)
        .join(':')
    : 'highneeds';
  const severity = issue.severity === 'error' ? paint.error('error') : paint.warning('warning');
  // Messages quote what the inputs hold: their control characters are shown, not obeyed (src/report/visible.ts).
  const hint = issue.hint ? `\n  ${paint.dim(`hint: ${visible(issue.hint)}`)}` : '';
  return `${visible(where)}: ${severity} ${issue.code}: ${visible(issue.message)}${hint}`;
}

export function formatIssues(issues: readonly Issue[], paint: IssuePaint): string {
  if (issues.length === 0) return '';
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const warnings = issues.length - errors;
  const counts = [
    errors ? `${errors} error${errors === 1 ? '' : 's'}` : '',
    warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const shown = issues.slice(0, paint.most ?? ISSUE_LIMIT);
  const rest = issues.length - shown.length;
  const more = rest
    ? `\n${paint.dim(`… and ${rest} more not shown (the first ${shown.length} are above; --format json, where the command has it, lists every one)`)}`
    : '';
  return `${shown.map((issue) => formatIssue(issue, paint)).join('\n')}${more}\n${counts}\n`;
}
