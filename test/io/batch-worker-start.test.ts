import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { withFault } from '../helpers/faults.js';

/**
 * Batch worker threads that fail as they start (a module that cannot load, no memory for a heap),
 * in a copy of the built batch whose node:worker_threads starts only such threads
 * (test/helpers/faults/workers-fail.mjs).
 */
const { runBatch } = await withFault<typeof import('../../src/io/batch/run.js')>(
  'workers-fail',
  'io/batch/run.js',
);

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-worker-start-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a batch whose worker threads fail as they start', () => {
  it('says so as the run’s error, also while the cohort is still read (a first area of several MB)', async () => {
    const dir = path.join(scratch, 'big-first-area');
    cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
    const [header, ...rows] = readFileSync(path.join(dir, 'cohort.csv'), 'utf8')
      .trimEnd()
      .split('\n');
    const first = rows.filter((row) => row.startsWith('N01,'));
    // About 4 MB of N01's rows first: the cohort is read a 1 MB slice at a time, with a turn of
    // the event loop between slices, before any area is handed to a worker.
    const big = Array.from(
      { length: Math.ceil(4e6 / first.join('\n').length) },
      () => first,
    ).flat();
    const rest = rows.filter((row) => !row.startsWith('N01,'));
    writeFileSync(path.join(dir, 'cohort.csv'), [header, ...big, ...rest].join('\n') + '\n');
    await expect(runBatch(dir, { jobs: 2 })).rejects.toThrow(/could not start|worker/);
  });
});
