import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { killWhileWorking, replaced, runAndKill, type When } from '../helpers/kill-run.js';
import { cli } from '../helpers/run-cli.js';

/**
 * Killing a run while it works must leave yesterday's output byte-identical and no temporary
 * file behind. Each kill is sent at a known moment (test/helpers/kill-run.ts): at once, before
 * the handlers are in place; once the run has read its cohort, so they are; and once the output
 * is in place. A 10,000-row pupil-level model leaves some 200 ms between reading the cohort and
 * putting the output in place, time enough for the kill to land there under load; a bigger model
 * only makes each run cost more (issue 18, item 5: the suite's time).
 */
const YESTERDAY = 'area_code,financial_year\nyesterday,kept\n';
const HANDLED: Partial<Record<NodeJS.Signals, number>> = { SIGTERM: 143, SIGINT: 130 };
let dir: string;
let model: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'highneeds-interrupt-'));
  model = path.join(dir, 'model');
  cpSync(path.join(ROOT, 'fixtures/example'), model, { recursive: true });
  const rows = readFileSync(path.join(ROOT, 'fixtures/example/cohort.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const out = ['ncy,need,setting,band,annual_cost'];
  for (let i = 0; out.length <= 10_000; i += 1) {
    const [ncy, need, setting, band, , annualCost] = rows[i % rows.length]!.split(',');
    out.push([ncy, need, setting, band, annualCost].join(','));
  }
  writeFileSync(path.join(model, 'cohort.csv'), `${out.join('\n')}\n`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an interrupted run', () => {
  it('leaves the previous output byte-identical, or replaces it whole, and never leaves a temporary file', async () => {
    const target = path.join(dir, 'summary.csv');
    const args = ['project', model, '--out', target, '--quiet'];
    // Today's output, from a run in this process (no spawn): what a replaced file must be, byte for byte.
    expect((await cli(args)).code).toBe(0);
    const today = readFileSync(target, 'utf8');
    expect(today.startsWith('area_code,area_name,financial_year')).toBe(true);
    /** One run over yesterday's output, killed when `when` says: its exit code and the output after. */
    const runOnce = async (signal: NodeJS.Signals, when: When) => {
      writeFileSync(target, YESTERDAY);
      const code = await runAndKill(args, signal, when);
      const now = readFileSync(target, 'utf8');
      if (code === 0) expect(now).toBe(today);
      else if (code === -1) {
        // The signal's default action: it came before our handler was in place (yesterday's output),
        // or after the run had finished, while Node was closing down (today's, whole).
        expect([YESTERDAY, today]).toContain(now);
      } else {
        // Our handler stops a run only while its output is not yet in place.
        expect(code).toBe(HANDLED[signal]);
        expect(now).toBe(YESTERDAY);
      }
      expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
      return { code, now };
    };

    // Killed before anything of ours has run: the signal's default, and yesterday's output.
    expect(await runOnce('SIGTERM', { atOnce: true })).toEqual({
      code: -1,
      now: YESTERDAY,
    });

    // Killed while the run works (test/helpers/kill-run.ts: once it has read its cohort, the
    // handler is in place), by each signal: the handler's exit code, yesterday's output, and the
    // staged temporary file removed (the handler runs once the output is staged).
    const cohort = [path.join(model, 'cohort.csv')];
    for (const signal of ['SIGTERM', 'SIGINT'] as const)
      await killWhileWorking(cohort, HANDLED[signal]!, YESTERDAY, (when) => runOnce(signal, when));

    // Killed at the very end, as soon as the output is in place: today's output, whole.
    const late = await runOnce('SIGINT', { holds: replaced(target) });
    expect([0, -1]).toContain(late.code);
    expect(late.now).toBe(today);
  }, 120_000);
});
