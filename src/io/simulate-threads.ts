import { availableParallelism } from 'node:os';
import { packageFile } from './provenance-name.js';
import { Worker } from 'node:worker_threads';
import { InternalError } from '../core/errors.js';
import type { DrawFigures } from '../core/simulate/simulate-area.js';
import { type DrawTask, type FromDrawWorker, FAILED, NEXT_CHUNK } from './simulate-task.js';

/**
 * The worker's module (./simulate-worker.js) and all it imports, bundled into one file by the
 * build, which a thread loads in about a third of the CPU (scripts/bundle.mjs, WORKER_BUNDLES).
 * The tests, too, run the built modules (vitest.config.ts).
 */
const WORKER = packageFile('dist', 'io', 'simulate-worker.bundle.js');

/** Draws are handed out this many at a time: small enough to share the end of a run evenly. */
const DRAWS_PER_CHUNK = 20;

/** Fewer draws than this per thread are drawn by fewer threads: a worker takes longer to start. */
const DRAWS_PER_THREAD = 200;

/**
 * How many worker threads to start beside this one for `draws` draws on at most `jobs` threads:
 * never more threads than cores, nor than DRAWS_PER_THREAD draws each can keep busy.
 */
export function drawWorkers(draws: number, jobs: number = availableParallelism()): number {
  return Math.min(jobs, availableParallelism(), Math.ceil(draws / DRAWS_PER_THREAD)) - 1;
}

/** What a worker's messages and failures have told this thread so far. */
interface Heard {
  /** Each chunk's figures, or a worker's pupils not costed yet (FromDrawWorker). */
  readonly byChunk: (readonly DrawFigures[] | { januaries: number; pupils: Float64Array })[];
  failure?: Error;
  /** Failures heard (a bug reported, an error, an exit that was not 0). */
  failures: number;
  /** Called whenever something is heard (by draw(), while it waits). */
  wake: () => void;
}

/**
 * Worker threads that draw a model's draws 0 … draws − 1 with this thread (issue 15). They are
 * given their task when they start (as workerData), so each reads the model and prepares its
 * pupils while this thread reads, checks and projects it, rather than after; this thread
 * stop()s them when it finds a problem. Every worker's messages, errors and exit are listened to
 * from the start, so nothing it says is lost while this thread is busy reading.
 */
export class DrawThreads {
  private readonly heard: Heard = { byChunk: [], failures: 0, wake: () => {} };

  private constructor(
    private readonly workers: readonly Worker[],
    /** [NEXT_CHUNK]: the next chunk to claim; [FAILED]: workers that failed (simulate-task.ts). */
    private readonly shared: Int32Array,
    private readonly draws: number,
  ) {
    for (const worker of workers) {
      worker.on('message', (message: FromDrawWorker) => {
        if (message.type === 'bug') {
          const bug = new InternalError(`simulate worker: ${message.message}`);
          bug.stack = message.stack;
          this.fail(bug);
        } else
          for (const { chunk, januaries, pupils } of message.chunks)
            this.heard.byChunk[chunk] = { januaries, pupils };
        this.heard.wake();
      });
      // An 'error' with no listener would end the process: it is heard here whenever it comes.
      worker.on('error', (cause: Error) => this.fail(cause));
      worker.on('exit', (code) => {
        if (code !== 0)
          this.fail(new InternalError(`a simulate worker thread stopped (exit code ${code})`));
      });
    }
  }

  /** Starts `count` workers on `task` at once (none when count is 0: this thread then draws alone). */
  static start(count: number, task: Omit<DrawTask, 'shared' | 'perChunk'>): DrawThreads {
    const shared = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
    const workerData: DrawTask = { ...task, shared, perChunk: DRAWS_PER_CHUNK };
    const workers = Array.from({ length: count }, () => new Worker(WORKER, { workerData }));
    return new DrawThreads(workers, shared, task.draws);
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * The draws, on this thread (`drawHere`, which has the model read and checked already) and on
   * the workers, which draw the pupils only: this thread costs them (`costThere`, a draw's pupils
   * by lane, each January from the base year's), warm from costing its own. The draws are cut into chunks that each thread claims in turn from the shared
   * counter (Atomics), so a worker still reading the model takes fewer and this thread never
   * waits for one that has claimed none. Each draw has its own stream (src/core/simulate/stream.ts),
   * so the figures do not depend on which thread drew them; they are returned in draw order.
   * A worker that fails counts itself in the shared array before it says why: one that failed
   * before this thread has drawn its last chunk is waited for and its failure thrown, even when
   * this thread drew everything, so it is never lost; one that fails later has no chunk (they were
   * all claimed), and is stopped with the rest.
   */
  async draw(
    drawHere: (from: number, to: number) => DrawFigures[],
    /** A worker's pupils of draw `index`, costed here. */
    costThere: (pupils: readonly Float64Array[], index: number) => DrawFigures,
    /**
     * Told after each chunk this thread draws the share of the chunks begun by any thread: this
     * thread draws without a pause, so a terminal's spinner moves only when this says so.
     */
    begun?: (share: number) => void,
  ): Promise<DrawFigures[]> {
    const { shared, heard } = this;
    const chunks = Math.ceil(this.draws / DRAWS_PER_CHUNK);
    // A worker that has failed ends the run: there is no point drawing on.
    for (
      let chunk = Atomics.add(shared, NEXT_CHUNK, 1);
      chunk < chunks && Atomics.load(shared, FAILED) === 0;
      chunk = Atomics.add(shared, NEXT_CHUNK, 1)
    ) {
      const from = chunk * DRAWS_PER_CHUNK;
      heard.byChunk[chunk] = drawHere(from, Math.min(this.draws, from + DRAWS_PER_CHUNK));
      begun?.(Math.min(1, Atomics.load(shared, NEXT_CHUNK) / chunks));
      // A turn of the event loop between chunks (some 20 ms of draws each): Node runs a Ctrl-C's
      // SIGINT handler only between turns, so without it `simulate` was interrupted only once
      // every draw was made, 10-20 s later (found by a user trial).
      await new Promise((resolve) => setImmediate(resolve));
    }
    const failed = Atomics.load(shared, FAILED);
    const missing = () => {
      let count = 0;
      for (let chunk = 0; chunk < chunks; chunk += 1) if (!heard.byChunk[chunk]) count += 1;
      return count;
    };
    while (!heard.failure && (missing() > 0 || heard.failures < failed))
      await new Promise<void>((resolve) => {
        heard.wake = resolve;
      });
    if (heard.failure) throw heard.failure;
    return heard.byChunk.slice(0, chunks).flatMap((figures, chunk) => {
      if (!('januaries' in figures)) return figures;
      const { januaries, pupils } = figures;
      const from = chunk * DRAWS_PER_CHUNK;
      const draws = Math.min(this.draws, from + DRAWS_PER_CHUNK) - from;
      const lanes = pupils.length / (draws * januaries);
      const at = (i: number, j: number) => (i * januaries + j) * lanes;
      return Array.from({ length: draws }, (_, i) =>
        costThere(
          Array.from({ length: januaries }, (_, j) => pupils.subarray(at(i, j), at(i, j + 1))),
          from + i,
        ),
      );
    });
  }

  /** Stops the workers (at the end, or when this thread has found a problem with the model). */
  stop(): void {
    for (const worker of this.workers) void worker.terminate();
  }

  private fail(cause: Error): void {
    this.heard.failures += 1;
    this.heard.failure ??= cause;
    this.heard.wake();
  }
}
