import type { Issue } from './issue.js';

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

/** Bad input files: exit 1, with every located issue. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(readonly issues: readonly Issue[]) {
    super(`${issues.length} problem(s) in the input`);
  }
}

/** A broken invariant: exit 3, "this is a bug". */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}
