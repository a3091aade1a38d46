import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-leftovers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Above Linux's largest process number (pid_max is at most 2^22): no process has it. */
const GONE = 2 ** 30;

/**
 * A run killed outright between writing its output and renaming it in leaves `.NAME.tmp-PID`, or,
 * between setting the earlier output aside and renaming the new one in, `.NAME.old-PID` (left at
 * the last stop). The next run that writes NAME removes those of runs no longer alive.
 */
describe("a killed run's temporary and set-aside files", () => {
  it('are removed once the next run has put its output in place', async () => {
    const dir = path.join(scratch, 'dead');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    for (const leftover of [`.out.csv.tmp-${GONE}`, `.out.csv.old-${GONE + 1}`])
      writeFileSync(path.join(dir, leftover), 'a killed run\n');
    // Another output's leftover, and a file that only looks like one, are not this output's.
    writeFileSync(path.join(dir, `.other.csv.old-${GONE}`), 'another output\n');
    writeFileSync(path.join(dir, '.out.csv.old-notes'), 'not a leftover\n');
    const result = await cli(['project', 'fixtures/example', '--out', path.join(dir, 'out.csv')]);
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      '.other.csv.old-' + GONE,
      '.out.csv.old-notes',
      'out.csv',
    ]);
  });

  it("are left while a process of that number runs: it may be that run's", async () => {
    const dir = path.join(scratch, 'alive');
    mkdirSync(dir, { recursive: true });
    // The test runner's parent runs, and is not the run in process here.
    const running = path.join(dir, `.out.csv.tmp-${process.ppid}`);
    writeFileSync(running, 'a run still writing\n');
    const result = await cli(['project', 'fixtures/example', '--out', path.join(dir, 'out.csv')]);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(running)).toBe(true);
  });
});
