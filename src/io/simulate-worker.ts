import { parentPort, workerData } from 'node:worker_threads';
import { hasErrors } from '../core/issue.js';
import { AreaSimulation } from '../core/simulate/simulate-area.js';
import { drawToText } from '../core/simulate/simulate.js';
import { loadScenarios } from './scenarios-file.js';
import { type LoadOptions, loadModel } from './model-folder.js';

/** Where in DrawTask.shared each thread claims its next chunk, and where a worker that failed counts itself. */
export const NEXT_CHUNK = 0;
export const FAILED = 1;

/**
 * The draws for a worker, given as it starts (workerData): the model to read, the seed, and the
 * draws 0 … draws − 1 cut into chunks of `perChunk`, claimed one at a time from
 * shared[NEXT_CHUNK], which every thread shares.
 */
export interface DrawTask {
  readonly dir: string;
  readonly load: LoadOptions;
  readonly scenariosFile?: string;
  readonly scenario?: string;
  readonly seed: number;
  readonly draws: number;
  readonly perChunk: number;
  readonly shared: Int32Array;
}

export type FromDrawWorker =
  | {
      readonly type: 'done';
      readonly chunks: readonly {
        readonly chunk: number;
        readonly draws: readonly (readonly string[])[];
      }[];
    }
  | { readonly type: 'bug'; readonly message: string; readonly stack: string };

/**
 * A simulate worker thread (src/io/simulate-threads.ts): reads the model (which the main thread
 * checks meanwhile: it stops this thread if the model has a problem), draws the chunks it claims
 * and posts their figures back as decimal text. A failure is counted in shared[FAILED] before it
 * is posted, so the main thread knows to wait for it.
 */
function drawTask(task: DrawTask): void {
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
    for (let chunk = Atomics.add(task.shared, NEXT_CHUNK, 1); chunk < count;) {
      const draws: string[][] = [];
      const to = Math.min(task.draws, (chunk + 1) * task.perChunk);
      for (let i = chunk * task.perChunk; i < to; i += 1)
        draws.push(drawToText(simulation.draw(task.seed, i)));
      chunks.push({ chunk, draws });
      chunk = Atomics.add(task.shared, NEXT_CHUNK, 1);
    }
    parentPort!.postMessage({ type: 'done', chunks } satisfies FromDrawWorker);
  } catch (cause) {
    const problem = cause instanceof Error ? cause : new Error(String(cause));
    Atomics.add(task.shared, FAILED, 1);
    parentPort!.postMessage({
      type: 'bug',
      message: problem.message,
      stack: problem.stack ?? problem.message,
    } satisfies FromDrawWorker);
  }
}

if (parentPort && workerData) drawTask(workerData as DrawTask);
