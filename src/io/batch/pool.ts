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
 * A worker keeps this many areas sent to it at once: while this thread models an area of its own
 * it hears no worker, so each has its next area already.
 */
const IN_FLIGHT = 2;

/**
 * Models areas as they are handed in: on worker threads, each sent the next area as it answers
 * one, and once `finish` is called on this thread too, which takes the next area whenever it is
 * free (with no workers, it models them all). Outcomes come in completion order; the caller sorts them.
 */
export class AreaPool {
  private init: BatchInit | undefined;
  private readonly queue: BatchTask[] = [];
  /** The areas sent to each live worker and not yet answered, in the order sent. */
  private readonly sent = new Map<Worker, BatchTask[]>();
  private readonly results: TaskOutcome[] = [];
  private closed = false;
  private stopped = false;
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
        if (this.sent.get(worker)?.length || (!this.closed && this.workers.includes(worker)))
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
      this.sent.set(worker, []);
    }
  }

  submit(task: BatchTask): void {
    if (this.stopped || this.failure !== undefined) return;
    this.queue.push(task);
    this.dispatch();
  }

  /** Every area handed in, modelled: resolves once all are done, or --fail-fast stopped at one. */
  async finish(): Promise<{ results: TaskOutcome[]; stopped: boolean }> {
    this.closed = true;
    this.dispatch();
    await this.runHere();
    this.dispatch();
    if (!this.done())
      await new Promise<void>((resolve) => {
        this.settle = resolve;
      });
    if (this.failure !== undefined) throw this.failure;
    return { results: this.results, stopped: this.stopped };
  }

  /** Models the next area waiting on this thread until none is left (or the run stops). */
  private async runHere(): Promise<void> {
    let space: AreaWorkspace | undefined;
    for (let task = this.next(); task; task = this.next()) {
      space ??= workspace(this.init!);
      this.record(task, modelArea(space, task));
      // Hear the workers (and send them more), let a progress display draw and a pending Ctrl-C
      // be handled between areas.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private next(): BatchTask | undefined {
    return this.stopped || this.failure !== undefined ? undefined : this.queue.shift();
  }

  private dispatch(): void {
    for (const [worker, sent] of this.sent) {
      while (sent.length < IN_FLIGHT && this.queue.length && !this.stopped) {
        const task = this.queue.shift()!;
        sent.push(task);
        worker.postMessage({ type: 'area', task } satisfies ToWorker);
      }
      // A worker with nothing left to do is stopped at once, so that its thread winds down (freeing
      // its heap takes a while) while the others finish, not after the outputs are written.
      if (this.closed && sent.length === 0 && (this.queue.length === 0 || this.stopped)) {
        this.sent.delete(worker);
        void worker.terminate();
      }
    }
    if (this.done()) this.settle?.();
  }

  private answer(worker: Worker, message: FromWorker): void {
    const task = this.sent.get(worker)?.shift();
    if (!task || this.failure !== undefined) return;
    if (message.type === 'bug') {
      const bug = new InternalError(`batch worker: ${message.message}`);
      bug.stack = message.stack;
      this.fail(bug);
      return;
    }
    this.record(task, message.outcome);
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
    if (this.failure !== undefined) return true;
    if (!this.closed) return false;
    // --fail-fast does not wait for the areas still being modelled: nothing of the run is kept.
    if (this.stopped) return true;
    return this.queue.length === 0 && [...this.sent.values()].every((sent) => sent.length === 0);
  }
}
