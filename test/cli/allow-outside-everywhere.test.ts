import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';
import { onCores } from '../helpers/one-core.js';

/**
 * PATH_OUTSIDE_MODEL's hint says "run with --allow-outside", but simulate, explain and tariffs
 * diff --model, which read a model folder as project does, refused the option ("unknown option"):
 * a model project ran with it could not be simulated or explained at all (found by a probe of
 * issue 18's defects against every command as it is now).
 */
const scratch = fs.mkdtempSync(path.join(tmpdir(), 'highneeds-allow-outside-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

// A model whose model.json names a tariff beside its folder, not in it, and whose cohort.csv is a
// link to a file beside it (tariffs diff --model reads the tables, not the model's tariff).
const model = path.join(scratch, 'model');
fs.cpSync(path.join(ROOT, 'fixtures/example'), model, { recursive: true });
fs.cpSync(path.join(ROOT, 'tariffs/example-borough-2025.json'), path.join(scratch, 'shared.json'));
const manifest = path.join(model, 'model.json');
fs.writeFileSync(
  manifest,
  fs.readFileSync(manifest, 'utf8').replace('"example-borough-2025"', '"../shared.json"'),
);
fs.renameSync(path.join(model, 'cohort.csv'), path.join(scratch, 'cohort.csv'));
fs.symlinkSync(path.join(scratch, 'cohort.csv'), path.join(model, 'cohort.csv'));

const COMMANDS: [string, string[]][] = [
  ['simulate', ['simulate', model, '--draws', '20', '--jobs', '1']],
  ['explain', ['explain', model, '--year', '2027-28', '--figure', 'spend_top_up']],
  [
    'tariffs diff --model',
    ['tariffs', 'diff', 'example-borough-2025', 'national-illustrative', '--model', model],
  ],
];

describe('every command that reads a model folder takes --allow-outside, as the hint says', () => {
  for (const [name, args] of COMMANDS)
    it(`${name}: refused without it (the hint names it), run with it`, async () => {
      const refused = await cli(args);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('error PATH_OUTSIDE_MODEL');
      expect(refused.stderr).toContain('or run with --allow-outside');
      const allowed = await cli([...args, '--allow-outside']);
      expect([allowed.code, allowed.stderr]).toEqual([0, '']);
    });

  // The simulate case above runs on one thread (20 draws), so it passed with the workers told
  // nothing: found by a review taking `allowOutside` out of simulate's worker task, when a run on
  // two threads read the model on the main thread and then stopped, exit 3, "the model read on the
  // main thread did not read on a worker". Over 200 draws a thread, on two cores, a worker draws.
  it('simulate on two threads: its worker reads the model as the main thread does', async () => {
    const args = ['simulate', model, '--draws', '400', '--jobs', '2', '--allow-outside'];
    const run = await onCores(2, () => cli(args));
    expect([run.code, run.stderr]).toEqual([0, '']);
  });
});
