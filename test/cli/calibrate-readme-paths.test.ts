import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';

/**
 * Issue 18, defect 9: what a run writes does not depend on the folder it is run from. The README
 * of a calibrated folder named its input files as given, relative to the working folder, so the
 * same calibration run from another folder wrote another README, naming files that, read from
 * the folder the README is in, are not there (found by a probe of the defects against every
 * command as it is now). They are named relative to the calibrated folder, as manifests name inputs.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-calibrate-paths-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const FILES = ['transitions', 'population', 'codes'];

it("the same calibration from two working folders writes the same README, naming the inputs from the folder's own place", async () => {
  const readmes: string[] = [];
  for (const [project, from] of [
    ['a', 'inside'],
    ['b', 'elsewhere'],
  ] as const) {
    const dir = path.join(scratch, project);
    mkdirSync(dir);
    cpSync(path.join(ROOT, 'fixtures/history'), path.join(dir, 'history'), { recursive: true });
    const file = (name: string) =>
      from === 'inside' ? `history/${name}.csv` : path.join(dir, 'history', `${name}.csv`);
    const outDir = from === 'inside' ? 'model' : path.join(dir, 'model');
    const args = FILES.flatMap((name) => [`--${name}`, file(name)]);
    const result = await cli(['calibrate', ...args, '--out-dir', outDir, '--quiet'], {
      cwd: from === 'inside' ? dir : ROOT,
    });
    expect(result.code).toBe(0);
    readmes.push(readFileSync(path.join(dir, 'model', 'README.md'), 'utf8'));
  }
  expect(readmes[1]).toBe(readmes[0]);
  expect(readmes[0]).toContain(
    'from ../history/transitions.csv, ../history/population.csv, ../history/codes.csv.',
  );
});
