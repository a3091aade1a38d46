// `highneeds batch` over the generated national model (issue 6): the whole run against
// csv-parse alone on the same cohort file, peak memory, scaling at 1x/2x/4x the national size,
// and where the time goes on one thread. Used by bench/run.mjs; alone: `npm run build && node bench/batch.mjs`.
// BENCH_BATCH_N (default 7) sets the timed rounds of the 1x figures (the batch, csv-parse alone and
// --jobs 1, timed in turn); 2x and 4x are timed once.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
/** The V8 flag bin/highneeds sets (docs/reliability.md, "Speed"). */
const INLINING_FLAG = '--max-inlined-bytecode-size-cumulative=0';

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

/** Median wall, min wall, max peak memory of some runs. */
function summary(runs) {
  const rss = runs.map((r) => r.rssMb).filter((x) => x !== undefined);
  return { median: median(runs.map((r) => r.ms)), min: Math.min(...runs.map((r) => r.ms)), rssMb: rss.length ? Math.max(...rss) : undefined };
}

/** One untimed warm-up, then n timed runs: median wall, min wall, max peak memory. */
function repeated(args, n) {
  measured(args);
  return summary(Array.from({ length: n }, () => measured(args)));
}

/**
 * Several commands timed in turn, n rounds of one run each after an untimed round: a machine
 * whose speed drifts (a shared virtual machine can vary by a quarter within minutes) then
 * slows every command alike, rather than whichever happened to be timed in the slow minutes.
 */
function alternated(commands, n) {
  for (const args of commands) measured(args);
  const runs = commands.map(() => []);
  for (let round = 0; round < n; round += 1) commands.forEach((args, i) => runs[i].push(measured(args)));
  return runs.map(summary);
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
function phases(dir, limit = Infinity) {
  const library = path.join(root, 'tariffs');
  let start = performance.now();
  const sources = readBatchSources(dir, DEFAULT_LIMITS, library);
  const read = performance.now() - start;
  const scenarios = loadScenarios(dir, library).scenarios;
  const space = workspace({ ...sources.init, scenarios: scenarios.map((s) => s.id), scenariosFile: path.join(dir, 'scenarios.json') });
  let build = 0;
  let cells = 0;
  const project = new Map(scenarios.map((s) => [s.id, 0]));
  for (const task of sources.tasks.slice(0, limit)) {
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
  return { read, build, project, areas: Math.min(limit, sources.tasks.length), cells };
}

/** How much two busy threads gain over one on this machine: two separate one-thread runs at once against one alone. */
function parallelFactor(dir) {
  const one = [fileURLToPath(import.meta.url), '--profile-target', dir];
  const timed = (command, args) => {
    const start = process.hrtime.bigint();
    spawnSync(command, args, { cwd: root, stdio: 'ignore' });
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const alone = timed(process.execPath, one);
  const quoted = [process.execPath, ...one].map((a) => `'${a}'`).join(' ');
  const both = timed('/bin/sh', ['-c', `${quoted} & ${quoted} & wait`]);
  return (2 * alone) / both;
}

/**
 * A CPU profile (node --cpu-prof) of the one-thread batch over the first 40 areas: self time by
 * where it is spent (decimal.js, the garbage collector, each core file) and the inclusive time of
 * the projection's main steps, as shares of the profile.
 */
export function profileSummary(dir) {
  const out = path.join(here, 'data', 'prof-batch');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${out}`, '--cpu-prof-interval=200', fileURLToPath(import.meta.url), '--profile-target', dir], { cwd: root, stdio: 'ignore' });
  if (result.status !== 0) return 'profile: the profiled run failed';
  const profile = JSON.parse(readFileSync(path.join(out, readdirSync(out).find((name) => name.endsWith('.cpuprofile'))), 'utf8'));
  const selfUs = new Map();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const bucket = (node) => {
    const url = node.callFrame.url;
    if (!url) return node.callFrame.functionName === '(garbage collector)' ? 'garbage collection' : 'other';
    if (url.includes('decimal.js')) return 'decimal.js arithmetic';
    const at = url.indexOf('/dist/');
    return at >= 0 ? url.slice(at + 6).replace(/\.js$/, '') : 'other';
  };
  const self = new Map();
  for (const node of profile.nodes) self.set(bucket(node), (self.get(bucket(node)) ?? 0) + (selfUs.get(node.id) ?? 0));
  const wanted = new Set(['step', 'laneTotals', 'costAcademicYear', 'newPlansByYear', 'aggregateCells', 'buildAreaModel', 'readBatchSources']);
  const inclusive = new Map();
  const walk = (id, open) => {
    const node = nodes.get(id);
    const name = node.callFrame.functionName;
    const mine = wanted.has(name) && !open.has(name);
    if (mine) open.add(name);
    let sum = selfUs.get(id) ?? 0;
    for (const child of node.children ?? []) sum += walk(child, open);
    if (mine) {
      open.delete(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + sum);
    }
    return sum;
  };
  walk(profile.nodes[0].id, new Set());
  const pct = (us) => `${((100 * us) / total).toFixed(0)}%`;
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, us]) => `${name} ${pct(us)}`).join(', ');
  const steps = [...wanted].filter((name) => inclusive.has(name)).map((name) => `${name} ${pct(inclusive.get(name))}`).join(', ');
  return `profile of the one-thread batch, first 40 areas (node --cpu-prof): self time ${top}; inclusive ${steps}`;
}

export function batchBench(n = Number(process.env.BENCH_BATCH_N ?? 7)) {
  const f = (x) => x.toFixed(0);
  const national = makeNational({ scale: 1 });
  const base = shape(national);
  const parseArgs = [path.join('bench', 'parse-only.mjs'), path.relative(root, path.join(national, 'cohort.csv'))];
  // csv-parse with the V8 flag bin/highneeds sets, to show which setting is the fairer baseline.
  const [whole, parse, parseFlagged, oneJob] = alternated([batchArgs(national), parseArgs, [INLINING_FLAG, ...parseArgs], batchArgs(national, ['--jobs', '1'])], n);
  const scaling = [{ scale: 1, ...base, ...whole }];
  for (const scale of [2, 4]) {
    const dir = makeNational({ scale });
    scaling.push({ scale, ...shape(dir), ...repeated(batchArgs(dir), 1) });
  }
  const split = phases(national);
  const profile = profileSummary(national);
  const machine = parallelFactor(national);
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
    `target: batch no more than ${TARGET_RATIO}x csv-parse alone on the same cohort file (fresh process, median ${f(parse.median)} ms, timed in turn with the batch): ratio ${ratio.toFixed(2)} -> ${ratio <= TARGET_RATIO ? 'MET' : 'NOT MET'}`,
    `csv-parse alone with the V8 flag bin/highneeds sets (${INLINING_FLAG}): median ${f(parseFlagged.median)} ms, so the baseline above is csv-parse's faster setting (ratio against this one: ${(whole.median / parseFlagged.median).toFixed(2)})`,
    `target: peak memory under ${TARGET_RSS_MB} MB: ${whole.rssMb === undefined ? 'not measured (no /usr/bin/time)' : `${f(whole.rssMb)} MB at 1x, ${f(scaling[2].rssMb ?? 0)} MB at 4x -> ${whole.rssMb < TARGET_RSS_MB ? 'MET' : 'NOT MET'}`}`,
    `parallel: --jobs 1 ${f(oneJob.median)} ms against --jobs ${os.availableParallelism()} ${f(whole.median)} ms, a speed-up of ${(oneJob.median / whole.median).toFixed(2)}`,
    `this machine runs two one-thread batches of 40 areas at once ${machine.toFixed(2)}x as fast as one after the other (roughly the most two threads can gain here)`,
    profile,
    `batch on one thread, in process (${split.areas} areas, ${(split.cells / split.areas).toFixed(0)} cells per area): ${f(singleTotal)} ms = reading and splitting the inputs ${share(split.read)} + building area models ${share(split.build)} + projecting ${[...split.project].map(([id, ms]) => `${id} ${share(ms)}`).join(', ')}`,
  ];
  return { table, lines };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv[2] === '--profile-target') {
  phases(process.argv[3], 40);
} else if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { table, lines } = batchBench();
  console.log(`${table}\n\n${lines.join('\n')}`);
}
