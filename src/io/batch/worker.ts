import { parentPort } from 'node:worker_threads';
import { InternalError } from '../../core/errors.js';
import type { BatchInit, BatchTask } from './wire.js';
import { type AreaWorkspace, modelArea, workspace } from './project-area.js';

/**
 * A batch worker thread (src/io/batch/run.ts): given the national sources once, it models the
 * areas it is sent one at a time and posts each outcome back. A bug (an internal error) is
 * posted as such, with its stack, for the main thread to report.
 */
export type ToWorker =
  | { readonly type: 'init'; readonly init: BatchInit }
  | { readonly type: 'area'; readonly task: BatchTask };
export type FromWorker =
  | { readonly type: 'done'; readonly outcome: ReturnType<typeof modelArea> }
  | {
      readonly type: 'bug';
      readonly message: string;
      readonly stack: string;
      readonly internal: boolean;
    };

let space: AreaWorkspace | undefined;
parentPort?.on('message', (message: ToWorker) => {
  if (message.type === 'init') {
    space = workspace(message.init);
    return;
  }
  try {
    if (!space) throw new InternalError('batch worker sent an area before its sources');
    parentPort!.postMessage({
      type: 'done',
      outcome: modelArea(space, message.task),
    } satisfies FromWorker);
  } catch (cause) {
    const problem = cause instanceof Error ? cause : new Error(String(cause));
    parentPort!.postMessage({
      type: 'bug',
      message: problem.message,
      stack: problem.stack ?? problem.message,
      internal: cause instanceof InternalError,
    } satisfies FromWorker);
  }
});
