// `highneeds batch` over the generated national model: this tree against the baseline build
// (bench/baseline.mjs, the commit before the demand engine, issue 14) and against csv-parse
// alone on the same cohort file, all timed in turn; peak memory, scaling at 1x/2x/4x the
// national size, and where the time goes on one thread. Used by bench/run.mjs; alone:
// `npm run build && node bench/batch.mjs`. BENCH_N (default 7) sets the timed rounds of the 1x
// figures; 2x and 4x are timed once.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildAreaModel } from '../dist/io/batch/area-source.js';
import { DEFAULT_LIMITS } from '../dist/io/limits.js';
import { loadScenarios } from '../dist/io/scenarios-file.js';
import { workspace } from '../dist/io/batch/project-area.js';
import { readBatchSources } from '../dist/io/batch/read-sources.js';
import { projectScenario } from '../dist/core/scenario/apply.js';
import { baselineDir, baselineLabel, baselineNational } from './baseline.mjs';
import { makeNational } from './make-national.mjs';
import { alternated, median, repeated, threadCpu } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
/** Issue 14: the batch's CPU time (user + sys) at least 40% below the baseline's. */
const TARGET_CPU_CUT = 0.4;
/** Issue 14: the batch's wall no more than 1.5 times csv-parse alone reading its cohort file. */
const TARGET_RATIO = 1.5;
const TARGET_WALL_MS = 6000;
const TARGET_RSS_MB = 1024;
/** Issue 18: the national input through csv-parse, and the batch within 2x csv-parse alone reading its cohort file. */
const TARGET_RATIO_18 = 2;

function shape(dir) {
  const cohort = readFileSync(path.join(dir, 'cohort.csv'), 'utf8');
  let rows = -1;
  for (let at = cohort.indexOf('\n'); at >= 0; at = cohort.indexOf('\n', at + 1)) rows += 1;
  const areas = readFileSync(path.join(dir, 'areas.csv'), 'utf8').trimEnd().split('\n').length - 1;
  return { rows, areas, mb: Buffer.byteLength(cohort) / 1e6 };
}

/** `highneeds batch` of this tree (or of another build's bin/highneeds), each build writing to its own folder. */
const batchArgs = (dir, extra = [], cli = path.join('bin', 'highneeds')) => {
  const out = `out-${path.basename(dir)}${cli === path.join('bin', 'highneeds') ? '' : '-baseline'}`;
  return [
    cli,
    'batch',
    path.relative(root, dir),
    '--out-dir',
    path.join('bench', 'data', out),
    '--quiet',
    ...extra,
  ];
};

/**
 * Where the time goes with everything on one thread: reading and splitting, building each area's
 * model, projecting each scenario, with the workspace's ProjectionCache as a batch worker uses it.
 */
async function phases(dir, limit = Infinity) {
  const library = path.join(root, 'tariffs');
  let start = performance.now();
  const sources = await readBatchSources(dir, DEFAULT_LIMITS, library);
  const read = performance.now() - start;
  const scenarios = loadScenarios(dir, library).scenarios;
  const space = workspace({
    ...sources.init,
    scenarios: scenarios.map((s) => s.id),
    scenariosFile: path.join(dir, 'scenarios.json'),
  });
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
      projectScenario(model, scenario, undefined, { cache: space.cache });
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
  const result = spawnSync(
    process.execPath,
    [
      '--cpu-prof',
      `--cpu-prof-dir=${out}`,
      '--cpu-prof-interval=200',
      fileURLToPath(import.meta.url),
      '--profile-target',
      dir,
    ],
    { cwd: root, stdio: 'ignore' },
  );
  if (result.status !== 0) return 'profile: the profiled run failed';
  const profile = JSON.parse(
    readFileSync(
      path.join(
        out,
        readdirSync(out).find((name) => name.endsWith('.cpuprofile')),
      ),
      'utf8',
    ),
  );
  const selfUs = new Map();
  profile.samples.forEach((id, i) =>
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const bucket = (node) => {
    const url = node.callFrame.url;
    if (!url)
      return node.callFrame.functionName === '(garbage collector)' ? 'garbage collection' : 'other';
    if (url.includes('decimal.js')) return 'decimal.js arithmetic';
    const at = url.indexOf('/dist/');
    return at >= 0 ? url.slice(at + 6).replace(/\.js$/, '') : 'other';
  };
  const self = new Map();
  for (const node of profile.nodes)
    self.set(bucket(node), (self.get(bucket(node)) ?? 0) + (selfUs.get(node.id) ?? 0));
  // The demand engine's steps (src/core/demand) and the rest of a run; a name not in the profile is left out.
  const wanted = new Set([
    'planDemand',
    'runPlan',
    'stepYear',
    'applyCapacity',
    'costAcademicYear',
    'newPlansByYear',
    'demandInputs',
    'planBase',
    'buildAreaModel',
    'readBatchSources',
  ]);
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
  const top = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([name, us]) => `${name} ${pct(us)}`)
    .join(', ');
  const steps = [...wanted]
    .filter((name) => inclusive.has(name))
    .map((name) => `${name} ${pct(inclusive.get(name))}`)
    .join(', ');
  return `profile of the one-thread batch, first 40 areas (node --cpu-prof): self time ${top}; inclusive ${steps}`;
}

/** A row of the A/B table: wall, CPU and peak memory of one command, medians with mins in brackets. */
function abRow(name, s) {
  const f = (x) => (x === undefined ? 'n/a' : x.toFixed(0));
  return [name, `${f(s.median)} (${f(s.min)})`, `${f(s.cpuMedian)} (${f(s.cpuMin)})`, f(s.rssMb)];
}

function textTable(header, body) {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

const verdict = (pass) => (pass ? 'PASS' : 'NOT MET');

/** Issue 14's two batch targets, from figures timed in the same rounds. */
function issue14Lines(label, old, now, whole, parse) {
  const f = (x) => x.toFixed(0);
  if (now.cpuMedian === undefined)
    return [
      'target (issue 14): batch CPU at least 40% below the baseline: not measured (no /usr/bin/time)',
    ];
  const cut = 1 - now.cpuMedian / old.cpuMedian;
  const change = (x, y) =>
    x <= y
      ? `${(100 * (1 - x / y)).toFixed(0)}% lower`
      : `${(100 * (x / y - 1)).toFixed(0)}% higher`;
  const ratio = whole.median / parse.median;
  return [
    `target (issue 14): national batch CPU (user + sys) at least ${TARGET_CPU_CUT * 100}% below baseline ${label} (both on ${label}'s national model): median ${f(now.cpuMedian)} ms against ${f(old.cpuMedian)} ms, ${change(now.cpuMedian, old.cpuMedian)} (mins ${f(now.cpuMin)} against ${f(old.cpuMin)}, ${change(now.cpuMin, old.cpuMin)}) -> ${verdict(cut >= TARGET_CPU_CUT)}`,
    `target (issue 14): national batch wall no more than ${TARGET_RATIO}x csv-parse alone on its cohort file (fresh process): median ${f(whole.median)} ms against ${f(parse.median)} ms, ratio ${ratio.toFixed(2)} (baseline ${label}: ${(old.median / parse.median).toFixed(2)}) -> ${verdict(ratio <= TARGET_RATIO)}`,
  ];
}

/**
 * The national batch. `n` rounds in which the baseline's batch, this tree's batch, csv-parse
 * alone and this tree's batch on one thread each run once in turn. Returns the A/B table and issue 14's targets (`ab`, `targets`), and the older figures
 * (`table`, `lines`).
 */
export async function batchBench(n = Number(process.env.BENCH_N ?? 7)) {
  const f = (x) => x.toFixed(0);
  const label = baselineLabel();
  const baselineCli = path.relative(root, path.join(baselineDir(), 'bin', 'highneeds'));
  const national = makeNational({ scale: 1 });
  const base = shape(national);
  const parseArgs = [
    path.join('bench', 'parse-only.mjs'),
    path.relative(root, path.join(national, 'cohort.csv')),
  ];
  // The baseline cannot read this tree's national model (money-model fields it does not know):
  // both builds are also timed on the one its own generator writes (the same cohort.csv).
  const older = baselineNational();
  const [old, nowOnOld, whole, parse, oneJob, readOnly] = alternated(
    [
      batchArgs(older, [], baselineCli),
      batchArgs(older),
      batchArgs(national),
      parseArgs,
      // One thread, for what the second core gains.
      batchArgs(national, ['--jobs', '1']),
      // The floor under the batch: its reading of the inputs, with no area modelled.
      [path.join('bench', 'read-national.mjs'), path.relative(root, national)],
    ],
    n,
  );
  const ab = textTable(
    ['command (1x, timed in turn)', 'wall ms (min)', 'CPU ms (min)', 'peak RSS MB'],
    [
      abRow(`baseline ${label} batch, its own national model`, old),
      abRow(`this tree batch, ${label}'s national model`, nowOnOld),
      abRow('this tree batch', whole),
      abRow('csv-parse alone', parse),
      abRow('this tree batch --jobs 1', oneJob),
      abRow('this tree reading the national model alone', readOnly),
    ],
  );

  // Scaling: this tree alone, once per size, since 4x alone takes several seconds.
  const scaling = [{ scale: 1, ...base, ...whole }];
  for (const scale of [2, 4]) {
    const dir = makeNational({ scale });
    scaling.push({ scale, ...shape(dir), ...repeated(batchArgs(dir), 1) });
  }
  const table = textTable(
    [
      'size',
      'areas',
      'cohort rows',
      'cohort MB',
      'batch wall ms (min)',
      'ms per 1,000 rows',
      'peak RSS MB',
    ],
    scaling.map((s) => [
      `${s.scale}x`,
      String(s.areas),
      String(s.rows),
      s.mb.toFixed(1),
      `${f(s.median)} (${f(s.min)})`,
      (s.median / (s.rows / 1000)).toFixed(2),
      s.rssMb === undefined ? 'n/a' : f(s.rssMb),
    ]),
  );

  // CPU by thread, three runs each: the JS thread's, and the rest (V8's compiler and collector).
  const byThread = async (args) => {
    const runs = [];
    for (let i = 0; i < 3; i += 1) runs.push(await threadCpu(args));
    if (runs.includes(undefined)) return undefined;
    return { main: median(runs.map((r) => r.main)), others: median(runs.map((r) => r.others)) };
  };
  const oneThreadCpu = await byThread(batchArgs(national, ['--jobs', '1']));
  const parseCpu = await byThread(parseArgs);
  const split = await phases(national);
  const profile = profileSummary(national);
  const machine = parallelFactor(national);
  const singleTotal =
    split.read + split.build + [...split.project.values()].reduce((a, b) => a + b, 0);
  const share = (ms) => `${f(ms)} ms (${((100 * ms) / singleTotal).toFixed(0)}%)`;
  const lines = [
    `target: national batch (${base.areas} areas, ${base.rows} pupil rows, 5 years, 3 scenarios, --jobs default = ${os.availableParallelism()}) under ${TARGET_WALL_MS} ms wall: median ${f(whole.median)} ms (min ${f(whole.min)}) -> ${verdict(whole.median < TARGET_WALL_MS)}`,
    `target (issue 18): national batch wall no more than ${TARGET_RATIO_18}x csv-parse alone on its cohort file, timed in turn: median ${f(whole.median)} ms against ${f(parse.median)} ms, ratio ${(whole.median / parse.median).toFixed(2)}; CPU ${f(whole.cpuMedian)} ms against ${f(parse.cpuMedian)} ms -> ${verdict(whole.median / parse.median <= TARGET_RATIO_18)}`,
    `target: peak memory under ${TARGET_RSS_MB} MB: ${whole.rssMb === undefined ? 'not measured (no /usr/bin/time)' : `${f(whole.rssMb)} MB at 1x, ${f(scaling[2].rssMb ?? 0)} MB at 4x -> ${verdict(whole.rssMb < TARGET_RSS_MB)}`}`,
    `floor: reading the national model as the batch does (csv-parse, split by area, rows tallied; bench/read-national.mjs), with no area modelled, takes ${f(readOnly.median)} ms, ${(readOnly.median / parse.median).toFixed(2)}x csv-parse alone (CPU ${f(readOnly.cpuMedian)} ms against ${f(parse.cpuMedian)} ms): the batch's ratio less this is what modelling the areas adds on top of reading`,
    `parallel: --jobs 1 ${f(oneJob.median)} ms against --jobs ${os.availableParallelism()} ${f(whole.median)} ms, a speed-up of ${(oneJob.median / whole.median).toFixed(2)}`,
    `this machine runs two one-thread batches of 40 areas at once ${machine.toFixed(2)}x as fast as one after the other (roughly the most two threads can gain here)`,
    profile,
    oneThreadCpu && parseCpu
      ? `CPU by thread (Linux /proc, medians of 3): batch --jobs 1, its JS thread ${f(oneThreadCpu.main)} ms and V8's background threads (optimising compiler, garbage collector) ${f(oneThreadCpu.others)} ms; csv-parse alone ${f(parseCpu.main)} ms and ${f(parseCpu.others)} ms`
      : 'CPU by thread: not measured (no /proc)',
    `batch on one thread, in process (${split.areas} areas, ${(split.cells / split.areas).toFixed(0)} cells per area): ${f(singleTotal)} ms = reading and splitting the inputs ${share(split.read)} + building area models ${share(split.build)} + projecting ${[...split.project].map(([id, ms]) => `${id} ${share(ms)}`).join(', ')}`,
  ];
  return { ab, targets: issue14Lines(label, old, nowOnOld, whole, parse), table, lines };
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) &&
  process.argv[2] === '--profile-target'
) {
  await phases(process.argv[3], 40);
} else if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { ab, targets, table, lines } = await batchBench();
  console.log(`${ab}\n\n${targets.join('\n')}\n\n${table}\n\n${lines.join('\n')}`);
}
