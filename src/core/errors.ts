import { type Issue, locationText } from './issue.js';

/** Bad command-line arguments: exit 2; `issues`, when given, are printed located (`--figure: error …`). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
  }
}

/** How many issues an InputError's message names; `issues` has them all. */
const NAMED = 3;

/** An issue on one line, located as the CLI prints it: `file:line:column: CODE: message`. */
const oneLine = (issue: Issue): string =>
  `${issue.location ? `${locationText(issue.location)}: ` : ''}${issue.code}: ${issue.message}`;

const counted = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * Bad input files: exit 1, with every located issue. The message names the first errors, so a
 * library caller who only prints `error.message` still sees what is wrong, and counts errors and
 * warnings apart, as the CLI does (an analyst's trial read "3 problems in the input: …; and 2
 * more" as three errors, where the two more were warnings).
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(readonly issues: readonly Issue[]) {
    const errors = issues.filter((issue) => issue.severity === 'error');
    const named = (errors.length ? errors : issues).slice(0, NAMED).map(oneLine);
    const moreErrors = errors.length - Math.min(errors.length, NAMED);
    const warnings = errors.length ? issues.length - errors.length : 0;
    const more = [
      ...(moreErrors > 0 ? [`${moreErrors} more ${moreErrors === 1 ? 'error' : 'errors'}`] : []),
      ...(errors.length ? [] : issues.length > NAMED ? [`${issues.length - NAMED} more`] : []),
      ...(warnings > 0 ? [counted(warnings, 'warning')] : []),
    ];
    super(
      `${errors.length ? counted(errors.length, 'error') : counted(issues.length, 'problem')} in the input${named.length ? `: ${named.join('; ')}` : ''}${more.length ? `; and ${more.join(' and ')} (error.issues has them all)` : ''}`,
    );
  }
}

/** A broken invariant: exit 3, "this is a bug". */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}
