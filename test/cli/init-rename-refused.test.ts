import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withFault } from '../helpers/faults.js';
import { runMain } from '../helpers/run-cli.js';

/**
 * A new model folder whose files cannot be put in place (found by an officer's user trial, in the
 * code: init and calibrate did not wait for the renames, so a refused one was an unhandled
 * rejection, not the run's error). Here node:fs refuses every rename of a finished temporary file
 * (test/helpers/faults/rename-refused.mjs).
 */
const { main } = await withFault<typeof import('../../src/cli/run.js')>(
  'rename-refused',
  'cli/run.js',
);

const scratch = fs.mkdtempSync(path.join(tmpdir(), 'highneeds-rename-refused-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('init and calibrate, when their files cannot be put in place', () => {
  it('init: exit 2 naming the file, and neither a temporary file nor the folder it made left', async () => {
    const dir = path.join(scratch, 'my-area');
    const result = await runMain(main, ['init', dir, '--area', '880']);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^highneeds: cannot write .*my-area\/\S+: permission denied/);
    expect(fs.readdirSync(scratch)).toEqual([]);
  });

  it('calibrate: the same', async () => {
    const dir = path.join(scratch, 'calibrated');
    const result = await runMain(main, [
      'calibrate',
      '--transitions',
      'fixtures/history/transitions.csv',
      '--population',
      'fixtures/history/population.csv',
      '--codes',
      'fixtures/history/codes.csv',
      '--out-dir',
      dir,
    ]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^highneeds: cannot write .*calibrated\/\S+: permission denied/);
    expect(fs.readdirSync(scratch)).toEqual([]);
  });

  it('an empty folder that was there before is kept', async () => {
    const dir = path.join(scratch, 'was-there');
    fs.mkdirSync(dir);
    expect((await runMain(main, ['init', dir])).code).toBe(2);
    expect(fs.readdirSync(scratch)).toEqual(['was-there']);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
