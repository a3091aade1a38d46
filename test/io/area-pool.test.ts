import { mkdtempSync, rmSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { AreaPool } from '../../src/io/batch/pool.js';
import { Claims } from '../../src/io/batch/claims.js';
import type { AreaOutcome, BatchInit, BatchTask } from '../../src/io/batch/wire.js';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { shippedLibraryDir } from '../../src/io/tariff-library.js';

/**
 * A stand-in for a worker thread: it keeps what it is sent and answers, oldest first, when told
 * to; given the areas left, it takes the next of them when told to.
 */
class FakeWorker extends EventEmitter {
  readonly areas: string[] = [];
  answered = 0;
  terminated = false;
  left: { tasks: readonly BatchTask[]; claims: Claims } | undefined;
  postMessage(message: {
    type: string;
    task?: { dir: string };
    tasks?: readonly BatchTask[];
    claims?: SharedArrayBuffer;
  }): void {
    if (message.type === 'area') this.areas.push(path.basename(message.task!.dir));
    if (message.type === 'take')
      this.left = { tasks: message.tasks!, claims: new Claims(message.claims) };
  }
  answer(): void {
    const dir = this.areas[this.answered++]!;
    this.emit('message', { type: 'done', outcome: outcomeOf(dir) });
  }
  /** Takes the next area left, as a worker does, and answers it; false when none is left. */
  take(): boolean {
    const taken = this.left!.claims.next();
    const task = this.left!.tasks[taken];
    if (!task || task.kind !== 'folder') return false;
    this.emit('message', { type: 'done', outcome: outcomeOf(path.basename(task.dir)), taken });
    return true;
  }
  terminate(): Promise<number> {
    this.terminated = true;
    return Promise.resolve(0);
  }
}

/** A worker's outcome here: no issues, unlike this thread's for a folder with no model.json. */
const outcomeOf = (dir: string): AreaOutcome => ({
  code: dir,
  name: dir,
  issues: [],
  scenarios: [],
  inputs: [],
});

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

describe('the areas left once the cohort is read', () => {
  it('are taken one at a time by a worker and this thread alike, each once', async () => {
    const worker = new FakeWorker();
    const pool = new AreaPool([worker as unknown as Worker], { failFast: false });
    pool.start(init);
    for (const dir of ['a', 'b', 'c', 'd', 'e']) pool.submit(task(dir));
    // This thread takes c, the first left, at once; the worker, still holding a and b, takes d
    // without waiting to be sent it; then this thread takes e, and nothing is left.
    const finished = pool.finish();
    expect(worker.left!.tasks.map((t) => t.kind === 'folder' && path.basename(t.dir))).toEqual([
      'c',
      'd',
      'e',
    ]);
    expect(worker.take()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(worker.take()).toBe(false);
    worker.answer();
    worker.answer();
    expect(worker.terminated).toBe(true);
    const { results } = await finished;
    const byCode = new Map(results.map((r) => [r.outcome.code, r.outcome]));
    expect(results).toHaveLength(5);
    for (const code of ['a', 'b', 'd']) expect(byCode.get(code)!.issues).toEqual([]);
    for (const code of ['c', 'e'])
      expect(byCode.get(code)!.issues.map((i) => i.code)).toContain('FILE_MISSING');
  });

  it('are taken by the worker while this thread models one, and it is stopped once each has an outcome', async () => {
    const worker = new FakeWorker();
    const pool = new AreaPool([worker as unknown as Worker], { failFast: false });
    pool.start(init);
    for (const dir of ['a', 'b', 'c', 'd', 'e', 'f']) pool.submit(task(dir));
    const finished = pool.finish();
    // This thread models c (before finish returns); the worker takes d, e and f meanwhile.
    while (worker.take());
    worker.answer();
    expect(worker.terminated).toBe(false);
    // Its last sent area answered, and every area left answered: nothing more can come its way.
    worker.answer();
    expect(worker.terminated).toBe(true);
    const { results } = await finished;
    expect(results.map((r) => r.outcome.code).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
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
