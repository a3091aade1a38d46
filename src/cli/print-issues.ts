import type { Issue } from '../core/issue.js';

export interface IssuePaint {
  readonly error: (text: string) => string;
  readonly warning: (text: string) => string;
  readonly dim: (text: string) => string;
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
  const hint = issue.hint ? `\n  ${paint.dim(`hint: ${issue.hint}`)}` : '';
  return `${where}: ${severity} ${issue.code}: ${issue.message}${hint}`;
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
  return `${issues.map((issue) => formatIssue(issue, paint)).join('\n')}\n${counts}\n`;
}
