import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InternalError } from '../core/errors.js';
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

/** Worker threads started before the model is read, so that they load their modules meanwhile. */
export function startDrawWorkers(count: number): Worker[] {
  return Array.from({ length: count }, () => new Worker(workerUrl()));
}

/**
 * Draws 0 … draws − 1 of one model: the first run on this thread (`drawHere`, which has the model
 * read and checked already), the others on `workers`, one contiguous run each, returned in draw
 * order. Each draw has its own stream (src/core/simulate/stream.ts), so the figures are the same
 * as one thread's. The workers are stopped at the end.
 */
export async function drawOnThreads(
  task: Omit<DrawTask, 'from' | 'to'> & { readonly draws: number },
  workers: readonly Worker[],
  drawHere: (from: number, to: number) => DrawFigures[],
): Promise<DrawFigures[]> {
  const { draws, ...common } = task;
  const threads = workers.length + 1;
  const runs = Array.from({ length: threads }, (_, t) => ({
    from: Math.floor((draws * t) / threads),
    to: Math.floor((draws * (t + 1)) / threads),
  }));
  try {
    const away = workers.map(
      (worker, w) =>
        new Promise<(readonly string[])[]>((resolve, reject) => {
          worker.on('message', (message: FromDrawWorker) => {
            if (message.type === 'done') resolve([...message.draws]);
            else if (message.type === 'bug') {
              const bug = new InternalError(`simulate worker: ${message.message}`);
              bug.stack = message.stack;
              reject(bug);
            }
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (code !== 0)
              reject(new InternalError(`a simulate worker thread stopped (exit code ${code})`));
          });
          worker.postMessage({ ...common, ...runs[w + 1]! } satisfies DrawTask);
        }),
    );
    const here = drawHere(runs[0]!.from, runs[0]!.to);
    const there = await Promise.all(away);
    return [...here, ...there.flat().map(drawFromText)];
  } finally {
    for (const worker of workers) void worker.terminate();
  }
}
