import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { killWhileWorking, runAndKill } from '../helpers/kill-run.js';

/*
 * Found by trying it: `simulate --jobs 1`, `report --draws N` and `backtest --draws N` drew every
 * draw in one synchronous call, and Node runs a SIGINT handler only between turns of the event
 * loop, so a Ctrl-C was heard once every draw was made: over a minute for 100,000 draws of the
 * example. They now draw a chunk at a time with a turn between (src/io/simulate-on-threads.ts;
 * backtest's steps, src/core/steps.ts). Each run below would take minutes to finish, so the test
 * fails unless the Ctrl-C stops it.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-interrupt-draws-'));
const model = path.join(dir, 'model');
cpSync(path.join(ROOT, 'fixtures/example'), model, { recursive: true });
const history = path.join(dir, 'history');
cpSync(path.join(ROOT, 'fixtures/history'), history, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Ctrl-C while a run draws on this thread alone', () => {
  const cases: [string, string, (out: string) => string[]][] = [
    [
      'simulate --jobs 1',
      'intervals.csv',
      (out) => ['simulate', model, '--draws', '1000000', '--jobs', '1', '--quiet', '--out', out],
    ],
    [
      'report --draws',
      'report.html',
      (out) => [
        'report',
        model,
        '--scenarios',
        'unmitigated',
        '--draws',
        '100000',
        '--quiet',
        '--out',
        out,
      ],
    ],
    [
      'backtest --draws',
      'backtest.csv',
      (out) => [
        'backtest',
        ...['--transitions', path.join(history, 'transitions.csv')],
        ...['--population', path.join(history, 'population.csv')],
        ...['--codes', path.join(history, 'codes.csv')],
        ...['--draws', '100000', '--out', out],
      ],
    ],
  ];
  for (const [name, file, args] of cases)
    it(`${name} stops the run (exit 130) and writes nothing`, async () => {
      const out = path.join(dir, file);
      const read = name.startsWith('backtest')
        ? path.join(history, 'transitions.csv')
        : path.join(model, 'cohort.csv');
      await killWhileWorking([read], 130, false, async (when) => ({
        code: await runAndKill(args(out), 'SIGINT', when),
        now: existsSync(out),
      }));
    });
});
