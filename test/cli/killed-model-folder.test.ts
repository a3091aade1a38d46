import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

const scratch = fs.mkdtempSync(path.join(tmpdir(), 'highneeds-killed-folder-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Above Linux's largest process number (pid_max is at most 2^22): no process has it. */
const GONE = 2 ** 30;

/**
 * calibrate (or init) killed outright (SIGKILL) while it wrote its new folder left the folder
 * holding only its temporaries, `.model.json.tmp-PID` and the like: `ls` showed it empty, and
 * running the same command again was refused, "kc is not empty" (found by a probe killing
 * calibrate at random points). A dead run's leftovers do not count as the folder's files, and
 * go as the folder is written; anything else still does.
 */
describe("a model folder that holds only a killed run's temporaries", () => {
  const HISTORY = ['transitions', 'population', 'codes'].flatMap((name) => [
    `--${name}`,
    `fixtures/history/${name}.csv`,
  ]);

  it('is written by calibrate run again, the leftovers removed', async () => {
    const dir = path.join(scratch, 'calibrated');
    fs.mkdirSync(dir);
    for (const name of ['.model.json', '.cohort.csv', '.calibration.csv'])
      fs.writeFileSync(path.join(dir, `${name}.tmp-${GONE}`), 'a killed run\n');
    const result = await cli(['calibrate', ...HISTORY, '--out-dir', dir, '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('and by init', async () => {
    const dir = path.join(scratch, 'init');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, `.README.md.old-${GONE}`), 'a killed run\n');
    expect((await cli(['init', dir, '--quiet'])).code).toBe(0);
    expect(fs.existsSync(path.join(dir, `.README.md.old-${GONE}`))).toBe(false);
  });

  it("a running process's temporary, or any other file, still makes it not empty", async () => {
    for (const name of [`.model.json.tmp-${process.ppid}`, '.notes']) {
      const dir = path.join(scratch, `held-${name}`);
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, name), 'kept\n');
      const result = await cli(['init', dir, '--quiet']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('is not empty');
    }
  });

  // Found by a review of the change above: every dot-name of that shape counted as a leftover and
  // was removed, whatever it was. A folder so named made init and calibrate fail with exit 3 (rm
  // refused a folder), and a file of the user's so named (a backup, `.notes.old-20240101`, its
  // number no process's) was deleted without a word. Only a regular file named after one of the
  // files the command writes is a leftover of it, as removeLeftovers judges an output's.
  it("a folder of that shape, or a file named after none of the folder's files, is the user's: not empty, kept", async () => {
    for (const [name, make] of [
      [`.model.json.tmp-${GONE}`, (at: string) => fs.mkdirSync(at)],
      [`.notes.old-${GONE}`, (at: string) => fs.writeFileSync(at, 'mine\n')],
    ] as const) {
      const dir = path.join(scratch, `users-${name}`);
      fs.mkdirSync(dir);
      make(path.join(dir, name));
      const result = await cli(['init', dir, '--quiet']);
      expect([result.code, result.stderr]).toEqual([
        2,
        expect.stringContaining('is not empty') as unknown as string,
      ]);
      expect(fs.readdirSync(dir)).toEqual([name]);
    }
  });
});
