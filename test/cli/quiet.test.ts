import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

/**
 * --quiet means one thing (README, "--quiet"): no progress, notes, summaries or confirmations;
 * the output, warnings and errors stay. report --quiet and simulate --quiet dropped every warning
 * while project, compare, solve and batch kept them, and tariffs import --quiet dropped what it had
 * changed in the user's cells, which project says as warnings (found by a review of the commands).
 * Those are tested beside each command's warnings (report-range-warning, report-warnings, tariffs).
 */
const WITH_QUIET = [
  'project',
  'init',
  'validate',
  'batch',
  'simulate',
  'report',
  'compare',
  'solve',
  'calibrate',
  'tariffs check',
  'tariffs import',
  'tariffs export',
];

/** The --quiet line of a command's help, on a terminal wide enough that nothing wraps. */
async function quietHelp(command: string): Promise<string | undefined> {
  const help = await cli([...command.split(' '), '--help'], { columns: 1000 });
  return help.stdout
    .split('\n')
    .find((line) => line.trimStart().startsWith('--quiet'))
    ?.replace(/^\s*--quiet\s+/, '');
}

describe('--quiet', () => {
  it('is said in the same words in every command that has it', async () => {
    const said = await Promise.all(WITH_QUIET.map(quietHelp));
    expect(new Set(said)).toEqual(
      new Set([
        'only the output, warnings and errors: no progress, notes, summaries or confirmations',
      ]),
    );
  });
});
