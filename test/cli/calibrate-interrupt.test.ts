import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { killWhileWorking, runAndKill } from '../helpers/kill-run.js';

/**
 * calibrate reads and fits without a turn of the event loop, so a Ctrl-C during the fit was heard
 * only once the model folder was written, and the run ended 0 with the folder in place (found by a
 * probe, with a history of some 100,000 rows: a second and a half of fitting).
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-calibrate-interrupt-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The example history forty times over (each pupil's id made forty ids): long enough to fit that a kill lands during it. */
function bigHistory(): string[] {
  const history = path.join(scratch, 'history');
  cpSync(path.join(ROOT, 'fixtures/history'), history, { recursive: true });
  const file = path.join(history, 'snapshots.csv');
  const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const copies = Array.from({ length: 40 }, (_, copy) =>
    rows.map((row) => row.replace(/^(\d+),([^,]+),/, `$1,$2x${copy},`)),
  );
  writeFileSync(file, `${[header, ...copies.flat()].join('\n')}\n`);
  return ['snapshots', 'population', 'codes'].map((name) => path.join(history, `${name}.csv`));
}

describe('an interrupted calibrate', () => {
  it('stops during the fit, and leaves no folder (nor temporary file)', async () => {
    const inputs = bigHistory();
    const [snapshots, population, codes] = inputs;
    const outDir = path.join(scratch, 'calibrated', 'model');
    await killWhileWorking(inputs, 130, false, async (when) => {
      rmSync(path.join(scratch, 'calibrated'), { recursive: true, force: true });
      const code = await runAndKill(
        [
          'calibrate',
          '--snapshots',
          snapshots!,
          '--population',
          population!,
          '--codes',
          codes!,
          '--out-dir',
          outDir,
          '--quiet',
        ],
        'SIGINT',
        when,
      );
      const now = existsSync(path.join(scratch, 'calibrated'));
      if (code === 130) expect(now).toBe(false);
      return { code, now };
    });
  }, 90_000);
});
