// In-process timings: loadModel + project from dist/ versus parsing cohort.csv alone.
// Used by bench/run.mjs; run it directly to profile the model without spawn noise:
//   node bench/profile.mjs   (node --cpu-prof on `node bench/inprocess.mjs <dir> <runs> model`)
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadModel } from '../dist/io/model-folder.js';
import { project } from '../dist/core/project.js';
import { median } from './measure.mjs';
import { parseFile } from './parse-only.mjs';

export function loadAndProject(dir) {
  const loaded = loadModel(dir);
  if (!loaded.model)
    throw new Error(
      `${dir}: model did not load: ${loaded.issues.map((i) => i.code ?? i.message).join(', ')}`,
    );
  const outcome = project(loaded.model);
  if (!outcome.projection)
    throw new Error(
      `${dir}: projection failed: ${outcome.issues.map((i) => i.code ?? i.message).join(', ')}`,
    );
  return outcome.projection;
}

function timeIt(fn, runs, warmup) {
  for (let i = 0; i < warmup; i += 1) fn();
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return { median: median(times), min: Math.min(...times), times };
}

/** Median (and min) ms of loadModel+project, and of reading+parsing cohort.csv, after warm-up. */
export function inProcess(dir, runs = 7, warmup = 2) {
  const cohort = path.join(dir, 'cohort.csv');
  return {
    model: timeIt(() => loadAndProject(dir), runs, warmup),
    parse: timeIt(() => parseFile(cohort), runs, warmup),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // node bench/inprocess.mjs <dir> [runs] [model]: with "model", time only loadModel + project (for profiling).
  const dir = process.argv[2] ?? 'fixtures/example';
  const runs = Number(process.argv[3] ?? 7);
  if (process.argv[4] === 'model') {
    const result = timeIt(() => loadAndProject(dir), runs, 2);
    console.log(
      `${dir}: load+project median ${result.median.toFixed(1)} ms (min ${result.min.toFixed(1)}) over ${runs} runs`,
    );
  } else {
    const result = inProcess(dir, runs, 2);
    console.log(
      `${dir}: load+project median ${result.model.median.toFixed(1)} ms (min ${result.model.min.toFixed(1)}), parse median ${result.parse.median.toFixed(1)} ms (min ${result.parse.min.toFixed(1)})`,
    );
  }
}
