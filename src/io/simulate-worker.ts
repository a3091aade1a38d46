import { parentPort, workerData } from 'node:worker_threads';
import { hasErrors } from '../core/issue.js';
import { PupilDraws } from '../core/simulate/pupil-draws.js';
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

/**
 * A worker's answer: each chunk's pupils by lane, draw by draw (draw i of the chunk, January j
 * (the base year's first) and lane l at [(i × januaries + j) × lanes + l]), which the main thread costs;
 * or the bug that stopped it.
 */
export type FromDrawWorker =
  | {
      readonly type: 'done';
      readonly chunks: readonly {
        readonly chunk: number;
        readonly januaries: number;
        readonly pupils: Float64Array;
      }[];
    }
  | { readonly type: 'bug'; readonly message: string; readonly stack: string };

/**
 * A simulate worker thread (src/io/simulate-threads.ts): reads the model (which the main thread
 * checks meanwhile: it stops this thread if the model has a problem), draws the pupils of the
 * chunks it claims and posts them back; the main thread, which has projected the model and costs
 * its own draws, costs them too. A failure is counted in shared[FAILED] before it is posted, so
 * the main thread knows to wait for it.
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
    const pupils = PupilDraws.prepare(loaded.model, scenario);
    const chunks: { chunk: number; januaries: number; pupils: Float64Array }[] = [];
    const buffers: ArrayBuffer[] = [];
    const count = Math.ceil(task.draws / task.perChunk);
    for (let chunk = Atomics.add(task.shared, NEXT_CHUNK, 1); chunk < count;) {
      const from = chunk * task.perChunk;
      const to = Math.min(task.draws, from + task.perChunk);
      const januaries = pupils.pupils.length;
      const lanes = pupils.plan.lanes.length;
      const packed = new Float64Array((to - from) * januaries * lanes);
      for (let i = from; i < to; i += 1) {
        pupils.draw(task.seed, i);
        pupils.pupils.forEach((totals, j) =>
          packed.set(totals, ((i - from) * januaries + j) * lanes),
        );
      }
      chunks.push({ chunk, januaries, pupils: packed });
      buffers.push(packed.buffer);
      chunk = Atomics.add(task.shared, NEXT_CHUNK, 1);
    }
    parentPort!.postMessage({ type: 'done', chunks } satisfies FromDrawWorker, buffers);
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
