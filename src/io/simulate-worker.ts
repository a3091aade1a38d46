import { parentPort } from 'node:worker_threads';
import { InputError } from '../core/errors.js';
import { hasErrors, type Issue } from '../core/issue.js';
import { AreaSimulation } from '../core/simulate/simulate-area.js';
import { drawToText } from '../core/simulate/simulate.js';
import { loadScenarios } from './scenarios-file.js';
import { type LoadOptions, loadModel } from './model-folder.js';

/**
 * The draws for a worker: the model to read, the seed, and the draws 0 … draws − 1 cut into chunks
 * of `perChunk`, claimed one at a time from the counter `next` that every thread shares.
 */
export interface DrawTask {
  readonly dir: string;
  readonly load: LoadOptions;
  readonly scenariosFile?: string;
  readonly scenario?: string;
  readonly seed: number;
  readonly draws: number;
  readonly perChunk: number;
  readonly next: Int32Array;
}

export type FromDrawWorker =
  | {
      readonly type: 'done';
      readonly chunks: readonly {
        readonly chunk: number;
        readonly draws: readonly (readonly string[])[];
      }[];
    }
  | { readonly type: 'bug'; readonly message: string; readonly stack: string }
  /** A draw's problem with the input (NO_RATE_IN_FORCE where a draw puts pupils): the user's, not a bug. */
  | { readonly type: 'input'; readonly issues: readonly Issue[] };

/**
 * A simulate worker thread (src/io/simulate-threads.ts): reads the model (checked already on the
 * main thread), draws the chunks it claims and posts their figures back as decimal text.
 */
parentPort?.on('message', (task: DrawTask) => {
  try {
    const loaded = loadModel(task.dir, task.load);
    const scenarios = task.scenario
      ? (loadScenarios(task.dir, task.load.libraryDir ?? '', task.scenariosFile).scenarios ?? [])
      : [];
    const scenario = scenarios.find((s) => s.id === task.scenario);
    if (!loaded.model || hasErrors(loaded.issues) || (task.scenario && !scenario))
      throw new Error('the model read on the main thread did not read on a worker');
    const { simulation } = AreaSimulation.prepare(loaded.model, scenario);
    if (!simulation) throw new Error('the model projected on the main thread did not on a worker');
    const chunks: { chunk: number; draws: string[][] }[] = [];
    const count = Math.ceil(task.draws / task.perChunk);
    for (let chunk = Atomics.add(task.next, 0, 1); chunk < count;) {
      const draws: string[][] = [];
      const to = Math.min(task.draws, (chunk + 1) * task.perChunk);
      for (let i = chunk * task.perChunk; i < to; i += 1)
        draws.push(drawToText(simulation.draw(task.seed, i)));
      chunks.push({ chunk, draws });
      chunk = Atomics.add(task.next, 0, 1);
    }
    parentPort!.postMessage({ type: 'done', chunks } satisfies FromDrawWorker);
  } catch (cause) {
    if (cause instanceof InputError) {
      parentPort!.postMessage({ type: 'input', issues: cause.issues } satisfies FromDrawWorker);
      return;
    }
    const problem = cause instanceof Error ? cause : new Error(String(cause));
    parentPort!.postMessage({
      type: 'bug',
      message: problem.message,
      stack: problem.stack ?? problem.message,
    } satisfies FromDrawWorker);
  }
});
