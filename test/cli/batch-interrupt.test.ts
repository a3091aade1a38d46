import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/exec.js';

/** Killing a batch leaves the previous run's output files as they were, or all of them replaced, and no temporary file. */
const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-batch-interrupt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FILES = ['failures.csv', 'manifest.json', 'national.csv', 'summary.csv'];
/** An earlier run's file: text that says so (a manifest must still read as a batch's, or the out-dir would be refused). */
const yesterday = (name: string) =>
  name.endsWith('.json')
    ? `{ "command": "batch", "yesterday": "${name}" }\n`
    : `yesterday's ${name}\n`;

/** Runs a batch and sends `signal` after `afterMs`; with no `afterMs`, lets it finish. */
function runAndKill(
  outDir: string,
  signal: NodeJS.Signals,
  afterMs: number | undefined,
): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        BIN,
        'batch',
        path.join(ROOT, 'fixtures/national'),
        '--out-dir',
        outDir,
        '--quiet',
        '--jobs',
        '2',
      ],
      { env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' }, stdio: 'ignore' },
    );
    const timer = afterMs === undefined ? undefined : setTimeout(() => child.kill(signal), afterMs);
    child.on('exit', (code, killedBy) => {
      clearTimeout(timer);
      resolve(code ?? (killedBy ? -1 : null));
    });
  });
}

describe('an interrupted batch', () => {
  it('leaves the earlier outputs whole or replaces all four, and never leaves a temporary file', async () => {
    const outDir = path.join(dir, 'out');
    mkdirSync(outDir);
    // Today's outputs, from a run left to finish over yesterday's: what replaced files must be, byte
    // for byte; it replaces all four and leaves nothing else (a run left to finish, checked once).
    const today = await (async () => {
      for (const name of FILES) writeFileSync(path.join(outDir, name), yesterday(name));
      expect(await runAndKill(outDir, 'SIGTERM', undefined)).toBe(0);
      expect(readdirSync(outDir).sort()).toEqual(FILES);
      return FILES.map((name) => readFileSync(path.join(outDir, name), 'utf8'));
    })();
    expect(today).not.toContainEqual(expect.stringContaining('yesterday'));
    /** One run, killed after `afterMs`: the outputs are yesterday's or all new, and nothing else is there. */
    const check = async (index: number, afterMs: number): Promise<number | null> => {
      for (const name of FILES) writeFileSync(path.join(outDir, name), yesterday(name));
      const signal = index % 2 === 0 ? 'SIGTERM' : 'SIGINT';
      const code = await runAndKill(outDir, signal, afterMs);
      const now = FILES.map((name) => readFileSync(path.join(outDir, name), 'utf8'));
      const before = FILES.map(yesterday);
      if (code === 0) expect(now).toEqual(today);
      else if (code === -1) {
        // The signal's default action: before our handlers were in place (yesterday's outputs), or
        // after the run had finished, while Node was closing down (today's, all four, whole).
        expect([before, today]).toContainEqual(now);
      } else {
        // Our handler stops a run only while its outputs are not all in place.
        expect(code).toBe(signal === 'SIGTERM' ? 143 : 130);
        expect(now).toEqual(before);
      }
      expect(readdirSync(outDir).sort()).toEqual(FILES);
      return code;
    };
    // Kills from early (before the handlers are in place: the signal's default) to late (after the
    // outputs are in place: the run ends normally). The window between, where the handler must
    // restore everything, depends on the machine's speed and load, so the delay grows until a kill
    // has landed in it, rather than being fixed.
    const codes: (number | null)[] = [];
    let landed: number | undefined;
    for (let tries = 0; tries < 30 && landed === undefined; tries += 1) {
      const afterMs = 40 * (tries + 1);
      const code = await check(codes.length, afterMs);
      codes.push(code);
      if (code === 130 || code === 143) landed = afterMs;
    }
    expect(
      landed,
      `no kill from 40 to 1,200 ms landed while the batch ran: ${codes.join(', ')}`,
    ).toBeDefined();
    // Later kills, towards and past the moment the outputs are renamed into place.
    for (const later of [80, 160, 320, 640]) codes.push(await check(codes.length, landed! + later));
  }, 90_000);
});
