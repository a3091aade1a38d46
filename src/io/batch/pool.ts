import { Worker } from 'node:worker_threads';
import { packageFile } from '../provenance-name.js';
import { InternalError } from '../../core/errors.js';
import { hasErrors } from '../../core/issue.js';
import type { AreaOutcome, BatchInit, BatchTask } from './wire.js';
import type { FromWorker, ToWorker } from './worker.js';
import { Claims } from './claims.js';
import { type AreaWorkspace, modelArea, workspace } from './project-area.js';

export interface PoolOptions {
  readonly failFast: boolean;
  /** After each task modelled (an area handed on early may be sent again: the caller says which counts). */
  readonly onDone?: (task: BatchTask, outcome: AreaOutcome) => void;
}

/** An area's outcome with the task it answers (an area handed on early may be sent again, whole). */
export interface TaskOutcome {
  readonly task: BatchTask;
  readonly outcome: AreaOutcome;
}

/**
 * The worker's module (./worker.js) and all it imports, bundled into one file by the build, which
 * a thread loads in about a third of the CPU (scripts/bundle.mjs, WORKER_BUNDLES). The tests, too,
 * run the built modules (vitest.config.ts).
 */
const WORKER = packageFile('dist', 'io', 'batch-worker.bundle.js');

/** Threads are started before the inputs are read, so that they load their modules meanwhile. */
export function startWorkers(count: number): Worker[] {
  return Array.from({ length: count }, () => new Worker(WORKER));
}

/**
 * While the cohort is read, a worker keeps this many areas sent to it at once: this thread hears
 * the workers only between slices, so each has its next area already.
 */
const IN_FLIGHT = 2;

/** The areas left when `finish` is called, which every thread takes from as it is free (Claims). */
interface Remaining {
  readonly tasks: readonly BatchTask[];
  readonly claims: Claims;
  /** How many of them have an outcome. */
  answered: number;
}

/**
 * Models areas as they are handed in: on worker threads, each sent the next area as it answers
 * one; once `finish` is called, the areas left are taken one at a time by every thread as it is
 * free, this one included (with no workers, it models them all). Outcomes come in completion
 * order; the caller sorts them.
 */
export class AreaPool {
  private init: BatchInit | undefined;
  private readonly queue: BatchTask[] = [];
  /** The areas sent to each live worker and not yet answered, in the order sent. */
  private readonly sent = new Map<Worker, BatchTask[]>();
  /** Set by `finish`: the areas left, and the workers still taking from them. */
  private remaining: Remaining | undefined;
  private readonly taking = new Set<Worker>();
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
        if (
          this.sent.get(worker)?.length ||
          this.taking.has(worker) ||
          (!this.closed && this.workers.includes(worker))
        )
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
    // The biggest first, so that the last to be taken, by whichever thread, are small.
    const tasks = this.queue.splice(0).sort((a, b) => b.weight - a.weight);
    this.remaining = { tasks, claims: new Claims(), answered: 0 };
    if (this.stopped) this.remaining.claims.stop(tasks.length);
    for (const worker of this.sent.keys()) {
      worker.postMessage({
        type: 'take',
        tasks,
        claims: this.remaining.claims.shared,
      } satisfies ToWorker);
      this.taking.add(worker);
    }
    await this.runHere();
    this.dispatch();
    if (!this.done())
      await new Promise<void>((resolve) => {
        this.settle = resolve;
      });
    if (this.failure !== undefined) throw this.failure;
    return { results: this.results, stopped: this.stopped };
  }

  /** Models the next area no thread has taken until none is left (or the run stops). */
  private async runHere(): Promise<void> {
    const { tasks, claims } = this.remaining!;
    let space: AreaWorkspace | undefined;
    for (let i = claims.next(); i < tasks.length; i = claims.next()) {
      if (this.stopped || this.failure !== undefined) break;
      space ??= workspace(this.init!);
      this.answered(tasks[i]!, modelArea(space, tasks[i]!));
      // Hear the workers, let a progress display draw and a pending Ctrl-C be handled between areas.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** An outcome of one of the areas left when `finish` was called. */
  private answered(task: BatchTask, outcome: AreaOutcome): void {
    this.remaining!.answered += 1;
    this.record(task, outcome);
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
      if (this.closed && sent.length === 0 && (!this.taking.has(worker) || this.allTaken())) {
        this.sent.delete(worker);
        this.taking.delete(worker);
        void worker.terminate();
      }
    }
    if (this.done()) this.settle?.();
  }

  private answer(worker: Worker, message: FromWorker): void {
    if (this.failure !== undefined) return;
    if (message.type === 'bug') {
      const bug = new InternalError(`batch worker: ${message.message}`);
      bug.stack = message.stack;
      this.fail(bug);
      return;
    }
    if (message.type === 'idle') this.taking.delete(worker);
    else if (message.taken === undefined) {
      const task = this.sent.get(worker)?.shift();
      if (task) this.record(task, message.outcome);
    } else this.answered(this.remaining!.tasks[message.taken]!, message.outcome);
    this.dispatch();
  }

  private record(task: BatchTask, outcome: AreaOutcome): void {
    this.results.push({ task, outcome });
    this.options.onDone?.(task, outcome);
    if (this.options.failFast && hasErrors(outcome.issues)) this.stop();
  }

  /** --fail-fast: no more areas are taken. */
  private stop(): void {
    this.stopped = true;
    this.remaining?.claims.stop(this.remaining.tasks.length);
  }

  /** Every area left when `finish` was called has an outcome (or none is to be taken). */
  private allTaken(): boolean {
    const left = this.remaining;
    return this.stopped || !left || left.answered === left.tasks.length;
  }

  private fail(cause: unknown): void {
    if (this.failure !== undefined) return;
    this.failure = cause;
    this.remaining?.claims.stop(this.remaining.tasks.length);
    this.settle?.();
  }

  private done(): boolean {
    if (this.failure !== undefined) return true;
    if (!this.closed) return false;
    // --fail-fast does not wait for the areas still being modelled: nothing of the run is kept.
    if (this.stopped) return true;
    return this.allTaken() && [...this.sent.values()].every((sent) => sent.length === 0);
  }
}
