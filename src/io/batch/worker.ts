import { parentPort } from 'node:worker_threads';
import { InternalError } from '../../core/errors.js';
import type { BatchInit, BatchTask } from './wire.js';
import { Claims } from './claims.js';
import { type AreaWorkspace, modelArea, workspace } from './project-area.js';

/**
 * A batch worker thread (src/io/batch/run.ts): given the national sources once, it models the
 * areas it is sent one at a time and posts each outcome back; then, given the areas left, it
 * takes them one at a time as the other threads do (Claims) and says when none is left. A bug
 * (an internal error) is posted as such, with its stack, for the main thread to report.
 */
export type ToWorker =
  | { readonly type: 'init'; readonly init: BatchInit }
  | { readonly type: 'area'; readonly task: BatchTask }
  | {
      readonly type: 'take';
      readonly tasks: readonly BatchTask[];
      readonly claims: SharedArrayBuffer;
    };
export type FromWorker =
  | {
      readonly type: 'done';
      readonly outcome: ReturnType<typeof modelArea>;
      /** For one of the areas left (`take`): its index there. */
      readonly taken?: number;
    }
  | { readonly type: 'idle' }
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
    if (message.type === 'area') {
      parentPort!.postMessage({
        type: 'done',
        outcome: modelArea(space, message.task),
      } satisfies FromWorker);
      return;
    }
    const claims = new Claims(message.claims);
    for (let i = claims.next(); i < message.tasks.length; i = claims.next())
      parentPort!.postMessage({
        type: 'done',
        outcome: modelArea(space, message.tasks[i]!),
        taken: i,
      } satisfies FromWorker);
    parentPort!.postMessage({ type: 'idle' } satisfies FromWorker);
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
