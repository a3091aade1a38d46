import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InternalError } from '../../core/errors.js';
import { hasErrors } from '../../core/issue.js';
import type { AreaOutcome, BatchInit, BatchTask } from './wire.js';
import type { FromWorker, ToWorker } from './worker.js';
import { type AreaWorkspace, modelArea, workspace } from './project-area.js';

export interface PoolOptions {
  readonly failFast: boolean;
  /** After each task modelled (an area handed on early may be sent again: the caller says which counts). */
  readonly onDone?: (task: BatchTask) => void;
}

/** An area's outcome with the task it answers (an area handed on early may be sent again, whole). */
export interface TaskOutcome {
  readonly task: BatchTask;
  readonly outcome: AreaOutcome;
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
 * Models areas as they are handed in: on worker threads, each given the next area as it finishes
 * one, or with no workers on this thread once `finish` is called. Outcomes come in completion
 * order; the caller sorts them.
 */
export class AreaPool {
  private init: BatchInit | undefined;
  private readonly queue: BatchTask[] = [];
  private readonly idle: Worker[] = [];
  private readonly working = new Map<Worker, BatchTask>();
  private readonly results: TaskOutcome[] = [];
  private closed = false;
  private stopped = false;
  /** How many workers may model at once (`limit`). */
  private busyAtMost = Infinity;
  private failure: unknown;
  private settle: (() => void) | undefined;

  /**
   * Listens to the threads from the start: the inputs are read with turns of the event loop
   * between slices before the first area is handed in, and a thread that fails to start meanwhile
   * must neither throw an unheard 'error' event nor be handed areas it will never answer.
   */
  constructor(
    private readonly workers: readonly Worker[],
    private readonly options: PoolOptions,
  ) {
    for (const worker of workers) {
      worker.on('message', (message: FromWorker) => this.answer(worker, message));
      worker.on('error', (cause) => this.fail(cause));
      // A thread that ends without an error event (killed, out of memory) must not leave the run
      // waiting; those the caller drops (workers no longer lists them) or this pool stops do not count.
      worker.on('exit', (code) => {
        if (this.working.has(worker) || (!this.closed && this.workers.includes(worker)))
          this.fail(
            new InternalError(
              `a batch worker thread stopped (exit code ${code}) before the run finished`,
            ),
          );
      });
    }
  }

  /** Sends the sources to every worker; areas can be handed in from then on. */
  start(init: BatchInit): void {
    if (this.init) return;
    this.init = init;
    for (const worker of this.workers) {
      worker.postMessage({ type: 'init', init } satisfies ToWorker);
      this.idle.push(worker);
    }
  }

  /**
   * At most this many workers model at once until `finish` (then all): while this thread reads the
   * cohort it needs a core of its own, or the areas it has yet to hand on come later.
   */
  limit(workers: number): void {
    this.busyAtMost = Math.max(1, workers);
  }

  submit(task: BatchTask): void {
    if (this.stopped || this.failure !== undefined) return;
    this.queue.push(task);
    this.dispatch();
  }

  /** Every area handed in, modelled: resolves once all are done, or --fail-fast stopped at one. */
  async finish(): Promise<{ results: TaskOutcome[]; stopped: boolean }> {
    this.closed = true;
    this.busyAtMost = Infinity;
    if (this.workers.length === 0) await this.runHere();
    else {
      this.dispatch();
      if (!this.done())
        await new Promise<void>((resolve) => {
          this.settle = resolve;
        });
    }
    if (this.failure !== undefined) throw this.failure;
    return { results: this.results, stopped: this.stopped };
  }

  private async runHere(): Promise<void> {
    const space: AreaWorkspace = workspace(this.init!);
    for (const task of this.queue.splice(0)) {
      this.record(task, modelArea(space, task));
      if (this.stopped) return;
      // Let a progress display draw and a pending Ctrl-C be handled between areas.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private dispatch(): void {
    while (
      this.idle.length &&
      this.queue.length &&
      !this.stopped &&
      this.working.size < this.busyAtMost
    ) {
      const worker = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.working.set(worker, task);
      worker.postMessage({ type: 'area', task } satisfies ToWorker);
    }
    // A worker with nothing left to do is stopped at once, so that its thread winds down (freeing
    // its heap takes a while) while the others finish, not after the outputs are written.
    if (this.closed) for (const worker of this.idle.splice(0)) void worker.terminate();
    if (this.done()) this.settle?.();
  }

  private answer(worker: Worker, message: FromWorker): void {
    const task = this.working.get(worker);
    if (!task || this.failure !== undefined) return;
    this.working.delete(worker);
    if (message.type === 'bug') {
      const bug = new InternalError(`batch worker: ${message.message}`);
      bug.stack = message.stack;
      this.fail(bug);
      return;
    }
    this.record(task, message.outcome);
    this.idle.push(worker);
    this.dispatch();
  }

  private record(task: BatchTask, outcome: AreaOutcome): void {
    this.results.push({ task, outcome });
    this.options.onDone?.(task);
    if (this.options.failFast && hasErrors(outcome.issues)) this.stopped = true;
  }

  private fail(cause: unknown): void {
    if (this.failure !== undefined) return;
    this.failure = cause;
    this.settle?.();
  }

  private done(): boolean {
    return (
      this.failure !== undefined ||
      // --fail-fast does not wait for the areas still being modelled: nothing of the run is kept.
      (this.closed && (this.stopped || (this.working.size === 0 && this.queue.length === 0)))
    );
  }
}
