import { Command, CommanderError, Option } from 'commander';
import { InputError, InternalError, UsageError } from '../core/errors.js';
import type { ProjectOptions } from './commands/project.js';
import { formatIssues } from './print-issues.js';
import { issuePaint } from './terminal.js';
import { toolVersion } from './version.js';

/** Exit codes (README, "Exit codes"). main.ts alone sets process.exitCode from what main() returns. */
export const EXIT = { ok: 0, input: 1, usage: 2, internal: 3 } as const;

function program(setExit: (code: number) => void): Command {
  const root = new Command('highneeds')
    .description('Project England high-needs (SEND) spend, income and DSG balance from an EHCP cohort and a tariff table')
    .version(toolVersion())
    .exitOverride()
    .showHelpAfterError('(run highneeds --help for usage)');
  root
    .command('project')
    .description('project spend, income and the DSG balance for each financial year (default model: the shipped example)')
    .argument('[model-dir]', 'model folder (model.json, cohort.csv, funding.csv, …)')
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, else csv)').choices(['table', 'csv', 'json']))
    .option('--out <file>', 'write the output to this file (atomically) instead of stdout')
    .option('--detail', 'add spend and pupils by setting')
    .option('--manifest <file>', 'also write the provenance manifest (tool version, input SHA-256s, tariff dates, options) as JSON')
    .option('--quiet', 'no progress or notes on stderr')
    // One module per command, loaded when that command runs (changesets' cli does the same).
    .action(async (dir: string | undefined, options: ProjectOptions) => setExit(await (await import('./commands/project.js')).runProject(dir, options)));
  root
    .command('validate')
    .description('check a model folder and report every problem at once')
    .argument('[model-dir]', 'model folder')
    .option('--quiet', 'print nothing when the model is valid')
    .action(async (dir: string | undefined, options: { quiet?: boolean }) => setExit(await (await import('./commands/validate.js')).runValidate(dir, options)));
  for (const command of root.commands) command.exitOverride();
  return root;
}

/** Parses argv, runs one command and returns the exit code; every error ends here. */
export async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  try {
    await program((value) => { code = value; }).parseAsync([...argv]);
    return code;
  } catch (cause) {
    return await report(cause);
  }
}

async function report(cause: unknown): Promise<number> {
  if (cause instanceof CommanderError) {
    // --help and --version exit 0; anything else commander rejects (including no command at all) is usage.
    return cause.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (cause instanceof InputError) {
    process.stderr.write(formatIssues(cause.issues, await issuePaint()));
    return EXIT.input;
  }
  if (cause instanceof UsageError) {
    process.stderr.write(`highneeds: ${cause.message}\n`);
    return EXIT.usage;
  }
  const stack = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
  const what = cause instanceof InternalError ? 'internal error' : 'unexpected error';
  process.stderr.write(`highneeds: ${what}: this is a bug; please report it with the command and inputs.\n${stack}\n`);
  return EXIT.internal;
}
