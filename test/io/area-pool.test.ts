import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { AreaPool } from '../../src/io/batch/pool.js';
import type { AreaOutcome, BatchInit, BatchTask } from '../../src/io/batch/wire.js';

/** A stand-in for a worker thread: it keeps what it is sent and answers when told to. */
class FakeWorker extends EventEmitter {
  readonly areas: string[] = [];
  postMessage(message: { type: string; task?: { dir: string } }): void {
    if (message.type === 'area') this.areas.push(message.task!.dir);
  }
  answer(): void {
    const dir = this.areas[this.areas.length - 1]!;
    const outcome: AreaOutcome = { code: dir, name: dir, issues: [], scenarios: [], inputs: [] };
    this.emit('message', { type: 'done', outcome });
  }
  terminate(): Promise<number> {
    return Promise.resolve(0);
  }
}

const task = (dir: string): BatchTask => ({ kind: 'folder', dir, weight: 1 });

describe('the batch pool while the cohort is still being read', () => {
  it('keeps to the limit of busy workers until finish, then uses them all', async () => {
    const workers = [new FakeWorker(), new FakeWorker()];
    const pool = new AreaPool(workers as unknown as Worker[], { failFast: false });
    pool.start({ kind: 'folders' } as unknown as BatchInit);
    pool.limit(1);
    for (const dir of ['a', 'b', 'c']) pool.submit(task(dir));
    const busy = () => workers.filter((w, i) => w.areas.length > answered[i]!).length;
    const answered = [0, 0];
    expect(busy()).toBe(1);
    const first = workers.findIndex((w) => w.areas.length === 1);
    workers[first]!.answer();
    answered[first] = answered[first]! + 1;
    // One area done: the next goes out, still one at a time.
    expect(busy()).toBe(1);
    const finished = pool.finish();
    // Finishing lifts the limit: the last area goes to the idle worker at once.
    expect(busy()).toBe(2);
    for (const worker of workers)
      if (worker.areas.length > answered[workers.indexOf(worker)]!) worker.answer();
    const { results } = await finished;
    expect(results.map((r) => r.outcome.code).sort()).toEqual(['a', 'b', 'c']);
  });
});
