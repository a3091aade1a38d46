import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

/**
 * backtest and calibrate given a folder, as every other command takes one (found by an officer's
 * trial: told only "too many arguments for 'backtest'. Expected 0 arguments but got 1"): a usage
 * error with the command that reads the folder's history files, or the options to give.
 */
describe('a history folder given to backtest or calibrate', () => {
  it('backtest: the command with the files the folder holds', async () => {
    const result = await cli(['backtest', 'fixtures/history']);
    expect([result.code, result.stdout, result.stderr]).toEqual([
      2,
      '',
      'highneeds: backtest reads the history from options, not from a folder: highneeds backtest --transitions fixtures/history/transitions.csv --population fixtures/history/population.csv --codes fixtures/history/codes.csv\n',
    ]);
  });

  it('calibrate: the costs and the --out-dir given too', async () => {
    const result = await cli(['calibrate', 'fixtures/history', '--out-dir', 'my area']);
    expect([result.code, result.stderr]).toEqual([
      2,
      'highneeds: calibrate reads the history from options, not from a folder: highneeds calibrate --transitions fixtures/history/transitions.csv --population fixtures/history/population.csv --codes fixtures/history/codes.csv --costs fixtures/history/costs.csv --out-dir "my area"\n',
    ]);
  });

  it('calibrate without --out-dir: the command with --out-dir DIR, not only that it is missing', async () => {
    // Found by a review: commander refused the missing --out-dir before the folder was looked at,
    // so the `--out-dir DIR` form of the answer was never given.
    const result = await cli(['calibrate', 'fixtures/history']);
    expect([result.code, result.stderr]).toEqual([
      2,
      'highneeds: calibrate reads the history from options, not from a folder: highneeds calibrate --transitions fixtures/history/transitions.csv --population fixtures/history/population.csv --codes fixtures/history/codes.csv --costs fixtures/history/costs.csv --out-dir DIR\n',
    ]);
    const plain = await cli(['calibrate', '--population', 'fixtures/history/population.csv']);
    expect([plain.code, plain.stderr]).toEqual([
      2,
      "error: required option '--out-dir <dir>' not specified\n(run highneeds calibrate --help for usage)\n",
    ]);
  });

  it('a folder without a history: the options to give', async () => {
    const result = await cli(['backtest', 'fixtures/example']);
    expect([result.code, result.stderr]).toEqual([
      2,
      'highneeds: backtest reads the history from options, not from a folder: give --transitions FILE (or --snapshots FILE) and --population FILE, and --codes FILE for local codes (highneeds backtest --help)\n',
    ]);
  });
});
