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

/**
 * Draws 0 … draws − 1 of one model on `threads` worker threads, each a contiguous run, and returns
 * them in draw order. Each draw has its own stream (src/core/simulate/stream.ts), so the figures
 * are the same as one thread's. `onDrawn` is told of draws as they finish, for a progress display.
 */
export async function drawOnThreads(
  task: Omit<DrawTask, 'from' | 'to'> & { readonly draws: number },
  threads: number,
  onDrawn?: (drawn: number) => void,
): Promise<DrawFigures[]> {
  const { draws, ...common } = task;
  const runs = Array.from({ length: threads }, (_, t) => ({
    from: Math.floor((draws * t) / threads),
    to: Math.floor((draws * (t + 1)) / threads),
  }));
  const workers: Worker[] = [];
  try {
    const results = await Promise.all(
      runs.map(
        (run) =>
          new Promise<(readonly string[])[]>((resolve, reject) => {
            const worker = new Worker(workerUrl());
            workers.push(worker);
            worker.on('message', (message: FromDrawWorker) => {
              if (message.type === 'progress') onDrawn?.(message.drawn);
              else if (message.type === 'done') resolve([...message.draws]);
              else {
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
            worker.postMessage({ ...common, ...run } satisfies DrawTask);
          }),
      ),
    );
    return results.flat().map(drawFromText);
  } finally {
    for (const worker of workers) void worker.terminate();
  }
}
