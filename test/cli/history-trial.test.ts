import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-horizon-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('calibrate --horizon past the population given', () => {
  it('names the furthest horizon the population reaches', async () => {
    // Found by an analyst's trial: --horizon 2035-36 on a population to January 2031 was told to
    // take "an earlier --horizon", and left to work out from the rows which one.
    const result = await runInProcess([
      'calibrate',
      '--transitions',
      'fixtures/history/transitions.csv',
      '--population',
      'fixtures/history/population.csv',
      '--codes',
      'fixtures/history/codes.csv',
      '--horizon',
      '2035-36',
      '--out-dir',
      path.join(scratch, 'model'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[1]).toBe(
      '  hint: give the population forecast for every projected year, or an earlier --horizon: the population given reaches 2030-31 (--horizon 2030-31)',
    );
  });
});

describe('backtest --help, as a finance officer reads it', () => {
  it("says --seed's default, as simulate, report and batch do", async () => {
    // Found by a finance officer's trial: backtest --draws without --seed drew from seed 1, and
    // its help did not say so; simulate's, report's and batch's do.
    const result = await runInProcess(['backtest', '--help']);
    expect(result.stdout).toMatch(/--seed <s>\s+the seed of the draws \(default 1\)/);
  });
});

describe('calibrate --out-dir a folder that is not empty', () => {
  it('is refused before the history is read, not after its warnings and fit', async () => {
    // Found by an analyst's trial re-running calibrate into last run's folder: seven warnings of
    // the history, then the refusal, after the whole fit.
    const dir = path.join(scratch, 'taken');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'README.md'), 'last run\n');
    const transitions = path.join(scratch, 'with-total.csv');
    writeFileSync(
      transitions,
      `${readFileSync('fixtures/history/transitions.csv', 'utf8')}Total,,,,,,\n`,
    );
    const into = (out: string) =>
      runInProcess([
        ...['calibrate', '--transitions', transitions],
        ...['--population', 'fixtures/history/population.csv', '--out-dir', out],
      ]);
    const result = await into(dir);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('TOTALS_ROW');
    expect(result.stderr).toContain('is not empty; give a new or empty folder');
    // A file given as the folder, likewise.
    const file = await into(transitions);
    expect(file.code).toBe(2);
    expect(file.stderr).not.toContain('TOTALS_ROW');
    expect(file.stderr).toContain('it is a file, not a folder');
  });
});
