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

/**
 * Bad input files: exit 1, with every located issue. The message names the first errors, so a
 * library caller who only prints `error.message` still sees what is wrong.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(readonly issues: readonly Issue[]) {
    const errors = issues.filter((issue) => issue.severity === 'error');
    const named = (errors.length ? errors : issues).slice(0, NAMED).map(oneLine);
    const more = issues.length - named.length;
    super(
      `${issues.length} problem${issues.length === 1 ? '' : 's'} in the input${named.length ? `: ${named.join('; ')}` : ''}${more > 0 ? `; and ${more} more (error.issues has them all)` : ''}`,
    );
  }
}

/** A broken invariant: exit 3, "this is a bug". */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}
