import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { killWhileWorking, replaced, runAndKill, type When } from '../helpers/kill-run.js';
import { cli } from '../helpers/run-cli.js';

/**
 * Killing a batch leaves the previous run's output files as they were, or all of them replaced,
 * and no temporary file. Each kill is sent at a known moment (test/helpers/kill-run.ts): at once,
 * before the handlers are in place; once the batch has read an input, so they are; as the outputs
 * are staged; and, if that kill did not, once they are in place.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-batch-interrupt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const HANDLED: Partial<Record<NodeJS.Signals, number>> = { SIGTERM: 143, SIGINT: 130 };
const FILES = ['failures.csv', 'manifest.json', 'national.csv', 'summary.csv'];
/** An earlier run's file: text that says so (a manifest must still read as a batch's, or the out-dir would be refused). */
const yesterday = (name: string) =>
  name.endsWith('.json')
    ? `{ "command": "batch", "yesterday": "${name}" }\n`
    : `yesterday's ${name}\n`;

describe('an interrupted batch', () => {
  it('leaves the earlier outputs whole or replaces all four, and never leaves a temporary file', async () => {
    // A copy of the national model, whose files' access times tell when a batch has read one.
    const national = path.join(dir, 'national');
    cpSync(path.join(ROOT, 'fixtures/national'), national, { recursive: true });
    const inputs = readdirSync(national).map((name) => path.join(national, name));
    const outDir = path.join(dir, 'out');
    mkdirSync(outDir);
    const batch = ['batch', national, '--out-dir', outDir, '--quiet'];
    // Today's outputs, from a run in this process on one thread (no spawn, no worker: the same
    // bytes) over yesterday's: what replaced files must be, byte for byte; it replaces all four and
    // leaves nothing else.
    const today = await (async () => {
      for (const name of FILES) writeFileSync(path.join(outDir, name), yesterday(name));
      expect((await cli([...batch, '--jobs', '1'])).code).toBe(0);
      expect(readdirSync(outDir).sort()).toEqual(FILES);
      return FILES.map((name) => readFileSync(path.join(outDir, name), 'utf8'));
    })();
    expect(today).not.toContainEqual(expect.stringContaining('yesterday'));
    const before = FILES.map(yesterday);
    /** One run over yesterday's outputs, killed when `when` says: the outputs are yesterday's or all new, and nothing else is there. */
    const runOnce = async (signal: NodeJS.Signals, jobs: string, when: When) => {
      for (const name of FILES) writeFileSync(path.join(outDir, name), yesterday(name));
      const code = await runAndKill([...batch, '--jobs', jobs], signal, when);
      const now = FILES.map((name) => readFileSync(path.join(outDir, name), 'utf8'));
      if (code === 0) expect(now).toEqual(today);
      else if (code === -1) {
        // The signal's default action: before our handlers were in place (yesterday's outputs), or
        // after the run had finished, while Node was closing down (today's, all four, whole).
        expect([before, today]).toContainEqual(now);
      } else {
        // Our handler stops a run only while its outputs are not all in place.
        expect(code).toBe(HANDLED[signal]);
        expect(now).toEqual(before);
      }
      expect(readdirSync(outDir).sort()).toEqual(FILES);
      return { code, now };
    };

    // Killed before anything of ours has run: the signal's default, and yesterday's outputs.
    expect(await runOnce('SIGINT', '2', { atOnce: true })).toEqual({ code: -1, now: before });

    // Killed while the batch works (test/helpers/kill-run.ts: once it has read an input, its
    // handlers are in place), with a worker thread modelling areas: the handler ends the run there
    // and then (between areas), with yesterday's outputs.
    await killWhileWorking(inputs, HANDLED.SIGTERM!, before, (when) =>
      runOnce('SIGTERM', '2', when),
    );

    // Killed as the outputs are staged (a temporary file has appeared): the handler's exit code with
    // yesterday's four and every temporary removed, or, when the kill came as they were renamed into
    // place, today's four, whole. Killed at the very end too, if that was not: today's four.
    const staged = await runOnce('SIGINT', '1', { appears: /\.tmp-/, dir: outDir });
    if (staged.now.some((text, i) => text !== today[i])) {
      const late = await runOnce('SIGTERM', '1', {
        holds: replaced(path.join(outDir, 'summary.csv')),
      });
      expect([0, -1]).toContain(late.code);
      expect(late.now).toEqual(today);
    }
  }, 90_000);

  it('removes the folders it made for its outputs, when it stops before they are in place', async () => {
    // A probe found an interrupted batch left its new --out-dir and --report folders, empty: the
    // handler removed the temporary files only. Killed as the first folder is made (the areas
    // are modelled by then, so the handlers are in place), with --report to render meanwhile.
    const parent = path.join(dir, 'fresh');
    mkdirSync(parent);
    const outDir = path.join(parent, 'out', 'batch');
    const report = path.join(parent, 'report');
    const args = ['batch', 'fixtures/national', '--out-dir', outDir, '--report', report];
    const codes: number[] = [];
    for (let tries = 0; tries < 3 && !codes.includes(HANDLED.SIGTERM!); tries += 1) {
      rmSync(parent, { recursive: true, force: true });
      mkdirSync(parent);
      const code = await runAndKill([...args, '--quiet'], 'SIGTERM', {
        appears: /^out$/,
        dir: parent,
      });
      codes.push(code);
      if (code === 0) expect(readdirSync(outDir).sort()).toEqual(FILES);
      else {
        expect(code).toBe(HANDLED.SIGTERM);
        expect(readdirSync(parent)).toEqual([]);
      }
    }
    expect(codes).toContain(HANDLED.SIGTERM);
  }, 60_000);
});
