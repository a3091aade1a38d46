// `highneeds batch` over the generated national model (issue 6): the whole run against
// csv-parse alone on the same cohort file, peak memory, scaling at 1x/2x/4x the national size,
// and where the time goes on one thread. Used by bench/run.mjs; alone: `npm run build && node bench/batch.mjs`.
// BENCH_BATCH_N (default 3) sets the timed runs of the 1x figures; 2x and 4x are timed once.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildAreaModel } from '../dist/io/area-model.js';
import { DEFAULT_LIMITS } from '../dist/io/limits.js';
import { loadScenarios } from '../dist/io/load-scenarios.js';
import { workspace } from '../dist/io/model-area.js';
import { readBatchSources } from '../dist/io/read-national.js';
import { projectScenario } from '../dist/core/scenario/apply.js';
import { makeNational } from './make-national.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const TARGET_WALL_MS = 6000;
const TARGET_RATIO = 2;
const TARGET_RSS_MB = 1024;
const TIME = '/usr/bin/time';

/** Wall ms and peak resident memory (MB, the whole process with its worker threads) of one spawned run. */
function measured(args) {
  const withTime = existsSync(TIME);
  const command = withTime ? TIME : process.execPath;
  const argv = withTime ? ['-f', 'maxrss_kb=%M', process.execPath, ...args] : args;
  const start = process.hrtime.bigint();
  const result = spawnSync(command, argv, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const rss = /maxrss_kb=(\d+)/.exec(result.stderr.toString());
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : undefined };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** One untimed warm-up, then n timed runs: median wall, min wall, max peak memory. */
function repeated(args, n) {
  measured(args);
  const runs = Array.from({ length: n }, () => measured(args));
  const rss = runs.map((r) => r.rssMb).filter((x) => x !== undefined);
  return { median: median(runs.map((r) => r.ms)), min: Math.min(...runs.map((r) => r.ms)), rssMb: rss.length ? Math.max(...rss) : undefined };
}

function shape(dir) {
  const cohort = readFileSync(path.join(dir, 'cohort.csv'), 'utf8');
  let rows = -1;
  for (let at = cohort.indexOf('\n'); at >= 0; at = cohort.indexOf('\n', at + 1)) rows += 1;
  const areas = readFileSync(path.join(dir, 'areas.csv'), 'utf8').trimEnd().split('\n').length - 1;
  return { rows, areas, mb: Buffer.byteLength(cohort) / 1e6 };
}

const batchArgs = (dir, extra = []) => ['bin/highneeds', 'batch', path.relative(root, dir), '--out-dir', path.join('bench', 'data', `out-${path.basename(dir)}`), '--quiet', ...extra];

/** Where the time goes with everything on one thread: reading and splitting, building each area's model, projecting each scenario. */
function phases(dir) {
  const library = path.join(root, 'tariffs');
  let start = performance.now();
  const sources = readBatchSources(dir, DEFAULT_LIMITS, library);
  const read = performance.now() - start;
  const scenarios = loadScenarios(dir, library).scenarios;
  const space = workspace({ ...sources.init, scenarios: scenarios.map((s) => s.id), scenariosFile: path.join(dir, 'scenarios.json') });
  let build = 0;
  let cells = 0;
  const project = new Map(scenarios.map((s) => [s.id, 0]));
  for (const task of sources.tasks) {
    start = performance.now();
    const { model } = buildAreaModel(space.national, task);
    build += performance.now() - start;
    cells += model.cohort.length;
    for (const scenario of scenarios) {
      start = performance.now();
      projectScenario(model, scenario);
      project.set(scenario.id, project.get(scenario.id) + performance.now() - start);
    }
  }
  return { read, build, project, areas: sources.tasks.length, cells };
}

export function batchBench(n = Number(process.env.BENCH_BATCH_N ?? 3)) {
  const f = (x) => x.toFixed(0);
  const national = makeNational({ scale: 1 });
  const base = shape(national);
  const whole = repeated(batchArgs(national), n);
  const parse = repeated([path.join('bench', 'parse-only.mjs'), path.relative(root, path.join(national, 'cohort.csv'))], n);
  const scaling = [{ scale: 1, ...base, ...whole }];
  for (const scale of [2, 4]) {
    const dir = makeNational({ scale });
    scaling.push({ scale, ...shape(dir), ...repeated(batchArgs(dir), 1) });
  }
  const split = phases(national);
  const singleTotal = split.read + split.build + [...split.project.values()].reduce((a, b) => a + b, 0);
  const ratio = whole.median / parse.median;
  const header = ['size', 'areas', 'cohort rows', 'cohort MB', 'batch wall ms (min)', 'ms per 1,000 rows', 'peak RSS MB'];
  const body = scaling.map((s) => [`${s.scale}x`, String(s.areas), String(s.rows), s.mb.toFixed(1), `${f(s.median)} (${f(s.min)})`, (s.median / (s.rows / 1000)).toFixed(2), s.rssMb === undefined ? 'n/a' : f(s.rssMb)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const table = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
  const share = (ms) => `${f(ms)} ms (${((100 * ms) / singleTotal).toFixed(0)}%)`;
  const lines = [
    `target: national batch (${base.areas} areas, ${base.rows} pupil rows, 5 years, 3 scenarios, --jobs default = ${os.availableParallelism()}) under ${TARGET_WALL_MS} ms wall: median ${f(whole.median)} ms (min ${f(whole.min)}) -> ${whole.median < TARGET_WALL_MS ? 'MET' : 'NOT MET'}`,
    `target: batch no more than ${TARGET_RATIO}x csv-parse alone on the same cohort file (fresh process, median ${f(parse.median)} ms): ratio ${ratio.toFixed(2)} -> ${ratio <= TARGET_RATIO ? 'MET' : 'NOT MET'}`,
    `target: peak memory under ${TARGET_RSS_MB} MB: ${whole.rssMb === undefined ? 'not measured (no /usr/bin/time)' : `${f(whole.rssMb)} MB at 1x, ${f(scaling[2].rssMb ?? 0)} MB at 4x -> ${whole.rssMb < TARGET_RSS_MB ? 'MET' : 'NOT MET'}`}`,
    `batch on one thread, in process (${split.areas} areas, ${(split.cells / split.areas).toFixed(0)} cells per area): ${f(singleTotal)} ms = reading and splitting the inputs ${share(split.read)} + building area models ${share(split.build)} + projecting ${[...split.project].map(([id, ms]) => `${id} ${share(ms)}`).join(', ')}`,
  ];
  return { table, lines };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { table, lines } = batchBench();
  console.log(`${table}\n\n${lines.join('\n')}`);
}
