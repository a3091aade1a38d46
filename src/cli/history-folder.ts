import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../core/errors.js';
import { shellWord } from './shell-word.js';

/**
 * calibrate and backtest read the history from options, not a folder, as every other command
 * takes one: `highneeds backtest fixtures/history` was told only "too many arguments for
 * 'backtest'. Expected 0 arguments but got 1" (found by an officer's trial). A folder holding the
 * history's files is answered with the command that reads them; anything else, with the options.
 */
export function refuseHistoryFolder(
  command: 'calibrate' | 'backtest',
  given: readonly string[],
  outDir?: string,
) {
  if (given.length === 0) return;
  const folder = given[0]!;
  const file = (name: string) =>
    existsSync(path.join(folder, name)) ? shellWord(path.join(folder, name)) : undefined;
  const history = file('transitions.csv') ?? file('snapshots.csv');
  const population = file('population.csv');
  const options = [
    history && `--${history.includes('snapshots.csv') ? 'snapshots' : 'transitions'} ${history}`,
    population && `--population ${population}`,
    history && file('codes.csv') && `--codes ${file('codes.csv')!}`,
    command === 'calibrate' && history && file('costs.csv') && `--costs ${file('costs.csv')!}`,
    command === 'calibrate' && history && `--out-dir ${outDir ? shellWord(outDir) : 'DIR'}`,
  ].filter(Boolean);
  const takes = `${command} reads the history from options, not from a folder`;
  if (given.length === 1 && history && population)
    throw new UsageError(`${takes}: highneeds ${command} ${options.join(' ')}`);
  throw new UsageError(
    `${takes}: give --transitions FILE (or --snapshots FILE) and --population FILE, and --codes FILE for local codes (highneeds ${command} --help)`,
  );
}
