import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError, InternalError } from '../core/errors.js';
import type { DrawFigures } from '../core/simulate/simulate-area.js';
import { drawFromText } from '../core/simulate/simulate.js';
import type { DrawTask, FromDrawWorker } from './simulate-worker.js';

function workerUrl(): URL {
  // From dist/ the worker sits beside this module; under a test runner reading src/, use the built one.
  const beside = new URL('./simulate-worker.js', import.meta.url);
  return existsSync(fileURLToPath(beside))
    ? beside
    : new URL('../../dist/io/simulate-worker.js', import.meta.url);
}

/**
 * Worker threads started before the model is read, so that they load their modules meanwhile. A
 * thread that fails before drawOnThreads listens is heard here (an 'error' with no listener would
 * end the process); it then claims no draws, and this thread draws them all.
 */
export function startDrawWorkers(count: number): Worker[] {
  return Array.from({ length: count }, () => new Worker(workerUrl()).on('error', () => {}));
}

/** Draws are handed out this many at a time: small enough to share the end of a run evenly. */
const DRAWS_PER_CHUNK = 20;

/**
 * Draws 0 … draws − 1 of one model, on this thread (`drawHere`, which has the model read and
 * checked already) and on `workers`. The draws are cut into chunks that each thread claims in turn
 * from a shared counter (Atomics), so a worker still reading the model takes fewer and this thread
 * never waits for one that has claimed none. Each draw has its own stream
 * (src/core/simulate/stream.ts), so the figures do not depend on which thread drew them; they are
 * returned in draw order. The workers are stopped at the end.
 */
export async function drawOnThreads(
  task: Omit<DrawTask, 'next' | 'perChunk'>,
  workers: readonly Worker[],
  drawHere: (from: number, to: number) => DrawFigures[],
): Promise<DrawFigures[]> {
  const chunks = Math.ceil(task.draws / DRAWS_PER_CHUNK);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const byChunk: (readonly DrawFigures[])[] = new Array(chunks);
  let missing = chunks;
  const store = (chunk: number, figures: readonly DrawFigures[]) => {
    byChunk[chunk] = figures;
    missing -= 1;
  };
  try {
    let allIn: () => void = () => {};
    let failed: (cause: unknown) => void = () => {};
    const settled = new Promise<void>((resolve, reject) => {
      allIn = resolve;
      failed = reject;
    });
    // A worker stopped after every chunk is in (terminate below) must not leave a rejection unheard.
    settled.catch(() => {});
    for (const worker of workers) {
      worker.on('message', (message: FromDrawWorker) => {
        if (message.type === 'input') return failed(new InputError(message.issues));
        if (message.type === 'bug') {
          const bug = new InternalError(`simulate worker: ${message.message}`);
          bug.stack = message.stack;
          failed(bug);
          return;
        }
        for (const { chunk, draws } of message.chunks) store(chunk, draws.map(drawFromText));
        if (missing === 0) allIn();
      });
      worker.on('error', failed);
      worker.on('exit', (code) => {
        if (code !== 0)
          failed(new InternalError(`a simulate worker thread stopped (exit code ${code})`));
      });
      worker.postMessage({ ...task, next, perChunk: DRAWS_PER_CHUNK } satisfies DrawTask);
    }
    for (let chunk = Atomics.add(next, 0, 1); chunk < chunks; chunk = Atomics.add(next, 0, 1)) {
      const from = chunk * DRAWS_PER_CHUNK;
      store(chunk, drawHere(from, Math.min(task.draws, from + DRAWS_PER_CHUNK)));
    }
    // Every chunk is claimed now: wait only for those a worker claimed and has not sent back.
    if (missing > 0) await settled;
    return byChunk.flat();
  } finally {
    for (const worker of workers) void worker.terminate();
  }
}
