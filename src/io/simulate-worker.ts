import { parentPort, workerData } from 'node:worker_threads';
import { hasErrors } from '../core/issue.js';
import { PupilDraws } from '../core/simulate/pupil-draws.js';
import { loadScenarios } from './scenarios-file.js';
import { loadModel } from './model-folder.js';
import { buildAreaModel, nationalContext } from './batch/area-source.js';
import { type DrawTask, FAILED, type FromDrawWorker, NEXT_CHUNK } from './simulate-task.js';

/**
 * A simulate worker thread (src/io/simulate-threads.ts): reads the model (which the main thread
 * checks meanwhile: it stops this thread if the model has a problem), draws the pupils of the
 * chunks it claims and posts them back; the main thread, which has projected the model and costs
 * its own draws, costs them too. A failure is counted in shared[FAILED] before it is posted, so
 * the main thread knows to wait for it.
 */
function drawTask(task: DrawTask): void {
  try {
    const { loaded, scenarios } = readModel(task);
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

/**
 * The model and its scenarios as the main thread read them: a model folder, or --area's one area
 * of a national model, built from the rows the main thread read (batch's workers build theirs so).
 */
function readModel(task: DrawTask) {
  const { dir, scenariosFile } = task;
  const { libraryDir = '', allowOutside } = task.load;
  const loaded = task.national
    ? buildAreaModel(nationalContext(task.national.init), task.national.task)
    : loadModel(dir, task.load);
  const scenarios = task.scenario
    ? (loadScenarios(dir, libraryDir, scenariosFile, allowOutside).scenarios ?? [])
    : [];
  return { loaded, scenarios };
}

if (parentPort && workerData) drawTask(workerData as DrawTask);
