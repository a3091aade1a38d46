import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InternalError } from '../../core/errors.js';
import { hasErrors } from '../../core/issue.js';
import type { AreaOutcome, BatchInit, BatchTask } from './wire.js';
import type { FromWorker, ToWorker } from './worker.js';
import { modelArea, workspace } from './project-area.js';

export interface PoolOptions {
  readonly failFast: boolean;
  readonly onProgress?: (done: number, total: number, workDone: number) => void;
}

function workerUrl(): URL {
  // From dist/ the worker sits beside this module; under a test runner reading src/, use the built one.
  const beside = new URL('./worker.js', import.meta.url);
  return existsSync(fileURLToPath(beside))
    ? beside
    : new URL('../../../dist/io/batch/worker.js', import.meta.url);
}

/** Threads are started before the inputs are read, so that they load their modules meanwhile. */
export function startWorkers(count: number): Worker[] {
  return Array.from({ length: count }, () => new Worker(workerUrl()));
}

/**
 * Models the areas: on this thread when there are no workers, else handing each worker the next
 * area (biggest first) as it finishes one. Outcomes come back in completion order; the caller sorts.
 */
export async function runTasks(
  init: BatchInit,
  tasks: readonly BatchTask[],
  workers: Worker[],
  options: PoolOptions,
): Promise<{ outcomes: AreaOutcome[]; stopped: boolean }> {
  const outcomes: AreaOutcome[] = [];
  const failed = (outcome: AreaOutcome) => Boolean(options.failFast) && hasErrors(outcome.issues);
  // Each area costs about a fixed part plus a part per cohort row.
  const cost = (task: BatchTask) => task.weight + 100;
  const totalCost = tasks.reduce((sum, task) => sum + cost(task), 0) || 1;
  let doneCost = 0;
  const progress = (task: BatchTask) => {
    doneCost += cost(task);
    options.onProgress?.(outcomes.length, tasks.length, doneCost / totalCost);
  };
  if (workers.length === 0) {
    const space = workspace(init);
    for (const task of tasks) {
      const outcome = modelArea(space, task);
      outcomes.push(outcome);
      progress(task);
      if (failed(outcome)) return { outcomes, stopped: true };
      // Let a progress display draw and a pending Ctrl-C be handled between areas.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { outcomes, stopped: false };
  }
  return new Promise((resolve, reject) => {
    let next = 0;
    let settled = false;
    const finish = (stopped: boolean) => {
      if (settled) return;
      settled = true;
      resolve({ outcomes, stopped });
    };
    const working = new Map<Worker, BatchTask>();
    // A worker with nothing left to do is stopped at once, so that its thread winds down (freeing its
    // heap takes a while) while the others finish, not after the outputs are written.
    const retired = new Set<Worker>();
    const give = (worker: Worker) => {
      const task = tasks[next];
      next += 1;
      if (!task) {
        retired.add(worker);
        void worker.terminate();
        return;
      }
      working.set(worker, task);
      worker.postMessage({ type: 'area', task } satisfies ToWorker);
    };
    for (const worker of workers) {
      worker.postMessage({ type: 'init', init } satisfies ToWorker);
      worker.on('message', (message: FromWorker) => {
        if (settled) return;
        if (message.type === 'bug') {
          settled = true;
          const bug = new InternalError(`batch worker: ${message.message}`);
          bug.stack = message.stack;
          reject(bug);
          return;
        }
        outcomes.push(message.outcome);
        progress(working.get(worker)!);
        if (failed(message.outcome)) finish(true);
        else if (outcomes.length === tasks.length) finish(false);
        else give(worker);
      });
      worker.on('error', (cause) => {
        if (settled) return;
        settled = true;
        reject(cause);
      });
      // A thread that ends without an error event (killed, out of memory) must not leave the run waiting.
      worker.on('exit', (code) => {
        if (settled || retired.has(worker)) return;
        settled = true;
        reject(
          new InternalError(
            `a batch worker thread stopped (exit code ${code}) before the run finished`,
          ),
        );
      });
      give(worker);
    }
    if (tasks.length === 0) finish(false);
  });
}
