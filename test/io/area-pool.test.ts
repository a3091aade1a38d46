import { mkdtempSync, rmSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { AreaPool } from '../../src/io/batch/pool.js';
import type { AreaOutcome, BatchInit, BatchTask } from '../../src/io/batch/wire.js';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { shippedLibraryDir } from '../../src/io/tariff-library.js';

/** A stand-in for a worker thread: it keeps what it is sent and answers, oldest first, when told to. */
class FakeWorker extends EventEmitter {
  readonly areas: string[] = [];
  answered = 0;
  terminated = false;
  postMessage(message: { type: string; task?: { dir: string } }): void {
    if (message.type === 'area') this.areas.push(path.basename(message.task!.dir));
  }
  answer(): void {
    const dir = this.areas[this.answered++]!;
    const outcome: AreaOutcome = { code: dir, name: dir, issues: [], scenarios: [], inputs: [] };
    this.emit('message', { type: 'done', outcome });
  }
  terminate(): Promise<number> {
    this.terminated = true;
    return Promise.resolve(0);
  }
}

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-pool-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const init: BatchInit = {
  kind: 'folders',
  dir: scratch,
  libraryDir: shippedLibraryDir(),
  limits: DEFAULT_LIMITS,
};
// Folders with no model.json: this thread's outcome for each is a failure, named by the folder.
const task = (dir: string): BatchTask => ({
  kind: 'folder',
  dir: path.join(scratch, dir),
  weight: 1,
});

describe('the batch pool', () => {
  it('keeps two areas at a worker while the cohort is read, then models the rest on this thread too', async () => {
    const worker = new FakeWorker();
    const pool = new AreaPool([worker as unknown as Worker], { failFast: false });
    pool.start(init);
    for (const dir of ['a', 'b', 'c', 'd', 'e']) pool.submit(task(dir));
    // Two in flight, so the worker has its next area while this thread is busy; the rest wait.
    expect(worker.areas).toEqual(['a', 'b']);
    worker.answer();
    expect(worker.areas).toEqual(['a', 'b', 'c']);
    const finished = pool.finish();
    // This thread takes the areas still waiting (d, e) while the worker holds b and c.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(worker.areas).toEqual(['a', 'b', 'c']);
    worker.answer();
    expect(worker.terminated).toBe(false);
    worker.answer();
    // Nothing left for it: it is stopped at once.
    expect(worker.terminated).toBe(true);
    const { results } = await finished;
    const byCode = new Map(results.map((r) => [r.outcome.code, r.outcome]));
    expect([...byCode.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    // Modelled here: the folders have no model.json.
    for (const code of ['d', 'e'])
      expect(byCode.get(code)!.issues.map((i) => i.code)).toContain('FILE_MISSING');
    expect(byCode.get('a')!.issues).toEqual([]);
  });
});

describe('the batch pool when something goes wrong', () => {
  const started = (failFast: boolean, dirs: readonly string[]) => {
    const worker = new FakeWorker();
    const pool = new AreaPool([worker as unknown as Worker], { failFast });
    pool.start(init);
    for (const dir of dirs) pool.submit(task(dir));
    return { worker, pool };
  };

  it('a worker that stops with areas in hand fails the run, while this thread models the rest', async () => {
    const { worker, pool } = started(false, ['a', 'b', 'c', 'd']);
    const finished = pool.finish();
    setTimeout(() => worker.emit('exit', 1), 20);
    await expect(finished).rejects.toThrow(/a batch worker thread stopped \(exit code 1\)/);
  });

  it('a bug a worker reports fails the run with its message', async () => {
    const { worker, pool } = started(false, ['a', 'b']);
    const finished = pool.finish();
    setTimeout(() => worker.emit('message', { type: 'bug', message: 'boom', stack: 'boom' }), 10);
    await expect(finished).rejects.toThrow('batch worker: boom');
  });

  it('--fail-fast stops at an area this thread fails, without waiting for the worker', async () => {
    const { worker, pool } = started(true, ['a', 'b', 'c']);
    // The worker holds a and b and never answers; this thread models c, which has no model.json.
    const { stopped, results } = await pool.finish();
    expect(stopped).toBe(true);
    expect(results.map((r) => r.outcome.code)).toEqual(['c']);
    expect(worker.areas).toEqual(['a', 'b']);
  });
});
