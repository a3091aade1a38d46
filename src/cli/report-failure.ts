import { CommanderError } from 'commander';
import { InputError, InternalError, UsageError } from '../core/errors.js';
import { visible } from '../report/visible.js';
import { cliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { formatIssues } from './print-issues.js';
import { issuePaint } from './terminal.js';

/** What a failed run prints, and its exit code: every error of every command ends here (main). */
export async function reportFailure(cause: unknown): Promise<number> {
  if (cause instanceof CommanderError) {
    // --help and --version exit 0; anything else commander rejects (including no command at all) is usage.
    return cause.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (cause instanceof InputError) {
    cliIo().stderr.write(formatIssues(cause.issues, await issuePaint()));
    return EXIT.input;
  }
  if (cause instanceof UsageError) {
    cliIo().stderr.write(
      cause.issues.length
        ? formatIssues(cause.issues, await issuePaint())
        : `highneeds: ${visible(cause.message)}\n`,
    );
    return EXIT.usage;
  }
  const stack = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
  const what = cause instanceof InternalError ? 'internal error' : 'unexpected error';
  cliIo().stderr.write(
    `highneeds: ${what}: this is a bug; please report it with the command and inputs.\n${stack}\n`,
  );
  return EXIT.internal;
}
