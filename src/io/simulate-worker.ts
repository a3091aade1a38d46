import { parentPort } from 'node:worker_threads';
import { hasErrors } from '../core/issue.js';
import { AreaSimulation } from '../core/simulate/simulate-area.js';
import { drawToText } from '../core/simulate/simulate.js';
import { loadScenarios } from './scenarios-file.js';
import { type LoadOptions, loadModel } from './model-folder.js';

/** A run of draws for one thread: the model to read, and draws [from, to) of the seed. */
export interface DrawTask {
  readonly dir: string;
  readonly load: LoadOptions;
  readonly scenariosFile?: string;
  readonly scenario?: string;
  readonly seed: number;
  readonly from: number;
  readonly to: number;
}

export type FromDrawWorker =
  | { readonly type: 'done'; readonly draws: readonly (readonly string[])[] }
  | { readonly type: 'bug'; readonly message: string; readonly stack: string };

/**
 * A simulate worker thread (src/io/simulate-threads.ts): reads the model (checked already on the
 * main thread), draws its run of draws and posts their figures back as decimal text.
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
    const draws: string[][] = [];
    for (let i = task.from; i < task.to; i += 1)
      draws.push(drawToText(simulation.draw(task.seed, i)));
    parentPort!.postMessage({ type: 'done', draws } satisfies FromDrawWorker);
  } catch (cause) {
    const problem = cause instanceof Error ? cause : new Error(String(cause));
    parentPort!.postMessage({
      type: 'bug',
      message: problem.message,
      stack: problem.stack ?? problem.message,
    } satisfies FromDrawWorker);
  }
});
