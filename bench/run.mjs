// `npm run bench`: how long does a projection take, and how much of that is the model itself
// rather than Node start-up and CSV parsing? And, A/B in the same run, how does this tree compare
// with the baseline build (bench/baseline.mjs: the commit before the demand engine, issue 14)?
// Writes bench/RESULTS.md as well as printing.
// BENCH_N (default 7): timed runs, or rounds taken in turn, per figure.
// BENCH_BASELINE (default 146dc0c): the commit to compare against.
import { writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { baselineCohort, baselineDir, baselineLabel } from './baseline.mjs';
import { batchBench } from './batch.mjs';
import { calibrateBench } from './calibrate.mjs';
import { inProcess } from './inprocess.mjs';
import { makeCohort } from './make-cohort.mjs';
import { alternated, measured, repeated } from './measure.mjs';
import { nffBench } from './nff.mjs';
import { parseFile } from './parse-only.mjs';
import { simulateBench } from './simulate.mjs';
import { reportBench } from './report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const N = Number(process.env.BENCH_N ?? 7);
/** Issue 14: `project` of the 20,000-pupil area in no more than 3 times Node's own start-up. */
const TARGET_STARTUP_RATIO = 3;
const TARGET_WALL_MS = 1000;
const TARGET_RATIO = 1;
const CLI = path.join('bin', 'highneeds');

const f = (x) => x.toFixed(1);
const verdict = (pass) => (pass ? 'PASS' : 'NOT MET');
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');

function countRows(cohortFile) {
  const records = parseFile(cohortFile);
  const nonBlank = records.filter((record) => !(record.length === 1 && record[0].trim() === ''));
  const header = nonBlank[0].map((name) => name.trim().toLowerCase());
  const countIndex = header.indexOf('count');
  let pupils = 0;
  for (const record of nonBlank.slice(1))
    pupils += countIndex >= 0 && record[countIndex]?.trim() ? Number(record[countIndex]) : 1;
  return { rows: nonBlank.length - 1, pupils: Math.round(pupils) };
}

function textTable(header, body) {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/**
 * This tree on one model: the CLI against csv-parse alone, each in a fresh process, and the same
 * comparison in this process, where start-up and module loading drop out.
 */
function modelFigures(name, dir) {
  const rel = path.relative(root, dir);
  const cohort = path.join(dir, 'cohort.csv');
  const { rows, pupils } = countRows(cohort);
  const args = [CLI, 'project', rel, '--format', 'csv', '--quiet'];
  const years = measured(args).stdout.toString().trim().split('\n').length - 1;
  const cli = repeated(args, N);
  const parse = repeated([path.join('bench', 'parse-only.mjs'), path.relative(root, cohort)], N);
  const inproc = inProcess(dir, N, 2);
  const added = cli.median - parse.median;
  return {
    model: name,
    rows,
    pupils,
    years,
    cli,
    parse,
    added,
    ratio: added / parse.median,
    loadProject: inproc.model.median,
    inParse: inproc.parse.median,
    inRatio: (inproc.model.median - inproc.parse.median) / inproc.parse.median,
  };
}

/**
 * Issue 14 on one area: `project` of the 20,000-pupil model by the baseline and by this tree,
 * with Node's start-up and each build's own start-up (`--version`: loading its modules, no model),
 * all in turn for N rounds so that drift in the machine's speed falls on every figure alike.
 */
function projectAB(dir, baselineCli) {
  // Both builds on the baseline's own 20,000-pupil area (one it can read), and this tree on its own.
  const theirs = baselineCohort();
  const project = (cli, model) => [
    cli,
    'project',
    path.relative(root, model),
    '--format',
    'csv',
    '--quiet',
  ];
  const [node, oldStart, newStart, oldProject, newOnOld, newProject, newModules, parse] =
    alternated(
      [
        ['-e', '0'],
        [baselineCli, '--version'],
        [CLI, '--version'],
        project(baselineCli, theirs),
        project(CLI, theirs),
        project(CLI, dir),
        // Project's start-up before any work: the modules it loads, and nothing else.
        [path.join('bench', 'load-project.mjs')],
        // The prescribed parser alone reading the same cohort in a fresh process: a floor for project.
        [path.join('bench', 'parse-only.mjs'), path.relative(root, path.join(dir, 'cohort.csv'))],
      ],
      N,
    );
  return { node, oldStart, newStart, oldProject, newOnOld, newProject, newModules, parse };
}

function projectABTable(ab, label) {
  const cell = (median, min) => (median === undefined ? 'n/a' : `${f(median)} (${f(min)})`);
  const row = (name, s) => [
    name,
    cell(s.median, s.min),
    cell(s.cpuMedian, s.cpuMin),
    (s.median / ab.node.median).toFixed(2),
  ];
  return textTable(
    ['command (timed in turn)', 'wall ms (min)', 'CPU ms (min)', 'wall / node -e 0'],
    [
      row('node -e 0', ab.node),
      row(`baseline ${label} --version`, ab.oldStart),
      row('this tree --version', ab.newStart),
      row(`baseline ${label} project, its own pupils-20000`, ab.oldProject),
      row(`this tree project, ${label}'s pupils-20000`, ab.newOnOld),
      row('this tree project pupils-20000', ab.newProject),
      row("this tree loading project's modules, no model", ab.newModules),
      row('csv-parse alone reading pupils-20000/cohort.csv', ab.parse),
    ],
  );
}

function projectABLine(ab, label) {
  const ratio = ab.newProject.median / ab.node.median;
  return `target (issue 14): project of the 20,000-pupil area no more than ${TARGET_STARTUP_RATIO}x \`node -e 0\`: median ${f(ab.newProject.median)} ms against ${f(ab.node.median)} ms, ratio ${ratio.toFixed(2)} (on ${label}'s own pupils-20000, which it can read: this tree ${f(ab.newOnOld.median)} ms, ratio ${(ab.newOnOld.median / ab.node.median).toFixed(2)}; baseline ${label} ${f(ab.oldProject.median)} ms, ratio ${(ab.oldProject.median / ab.node.median).toFixed(2)}) -> ${verdict(ratio <= TARGET_STARTUP_RATIO)}; loading the modules project loads, with no model, takes ${f(ab.newModules.median)} ms, ${(ab.newModules.median / ab.node.median).toFixed(2)}x \`node -e 0\` (bench/load-project.mjs), and csv-parse alone reading the same cohort.csv in a fresh process ${f(ab.parse.median)} ms, ${(ab.parse.median / ab.node.median).toFixed(2)}x (bench/parse-only.mjs)`;
}

/** Goal-seek on the example (under 1 s): the whole solve command, and its own count of projections. */
function solveLine() {
  const args = [
    CLI,
    'solve',
    '--scenario',
    'demand-management',
    '--target',
    'in-year-balance>=0@2028-29',
    '--vary',
    'lever:fewer-new-plans.share',
    '--range',
    '-1,0',
    '--format',
    'csv',
  ];
  const wall = repeated(args, N);
  const runs = /(\d+) projections in (\d+) ms \(([\d.]+) ms each\)/.exec(
    measured(args).stdout.toString(),
  );
  return `goal-seek (example, demand-management, in-year balance by 2028-29): ${runs ? `${runs[1]} projections, ${runs[3]} ms per projection, ` : ''}CLI wall median ${f(wall.median)} ms (min ${f(wall.min)}); target under 1000 ms -> ${verdict(wall.median < 1000)}`;
}

function commitLabel() {
  const git = (...a) => spawnSync('git', a, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
  const dirty = git('status', '--porcelain', '--', 'src', 'bin', 'package.json')
    ? ' (with uncommitted changes in src/)'
    : '';
  return `${git('rev-parse', '--short', 'HEAD') || 'unknown'}${dirty}`;
}

const started = process.hrtime.bigint();
const loadAtStart = load();
// Built before anything is timed, so that compiling it (seconds, on first use) disturbs no figure.
const baselineCli = path.relative(root, path.join(baselineDir(), 'bin', 'highneeds'));
const label = baselineLabel();
const commit = commitLabel();
const pupils20000 = makeCohort({ pupils: 20000 });

const ab = projectAB(pupils20000, baselineCli);
const results = [
  modelFigures('example', path.join(root, 'fixtures', 'example')),
  modelFigures('pupils-20000', pupils20000),
];
const solve = solveLine();
// The high-needs NFF over 153 generated areas with --solve-cap (issue 5: under 1 s): bench/nff.mjs.
const nff = nffBench(N).line;
// calibrate on a 10-year transitions history of ~30,000 pupils a January (issue 15: under 2 s): bench/calibrate.mjs.
const calibrate = calibrateBench(N).line;
// The national batch (issue 14 A/B, and issue 6's figures): bench/batch.mjs.
const batch = await batchBench(N);
// simulate and batch --draws (issue 15): bench/simulate.mjs.
const simulation = simulateBench(N);
const loadAtEnd = load();
const minutes = Number(process.hrtime.bigint() - started) / 6e10;

const table = textTable(
  [
    'model',
    'rows',
    'pupils',
    'years',
    'CLI wall ms (min)',
    'parse-only ms (fresh)',
    'model-added ms',
    'ratio added/parse',
    'in-proc load+project ms',
    'in-proc parse ms',
    'in-proc ratio',
  ],
  results.map((r) => [
    r.model,
    String(r.rows),
    String(r.pupils),
    String(r.years),
    `${f(r.cli.median)} (${f(r.cli.min)})`,
    f(r.parse.median),
    f(r.added),
    r.ratio.toFixed(2),
    f(r.loadProject),
    f(r.inParse),
    r.inRatio.toFixed(2),
  ]),
);
const big = results.find((r) => r.model === 'pupils-20000');
const targets = [
  solve,
  nff,
  calibrate,
  `target: ${big.rows} pupil rows over ${big.years} years in under ${TARGET_WALL_MS} ms wall incl. start-up: ${f(big.cli.median)} ms -> ${verdict(big.cli.median < TARGET_WALL_MS)}`,
  `target: model adds no more than parsing its input (ratio <= ${TARGET_RATIO}): ${results.map((r) => `${r.model} ${r.ratio.toFixed(2)}`).join(', ')} -> ${verdict(results.every((r) => r.ratio <= TARGET_RATIO))}`,
];
const issue14 = [projectABLine(ab, label), ...batch.targets];
const projectTable = projectABTable(ab, label);

const report = reportBench(N);
console.log(`\nreport (bench/report.mjs):\n${report.join('\n')}`);

const cpus = os.cpus();
const cpuModel = cpus[0]?.model.trim() ?? 'unknown CPU';
console.log(
  `${cpus.length} cores (${os.availableParallelism()} available), ${cpuModel}, ${os.platform()} ${os.release()}, Node ${process.version}; commit ${commit} against baseline ${label}; N=${N}`,
);
console.log(
  `load average (1, 5, 15 min): ${loadAtStart} at start, ${loadAtEnd} at end; ${minutes.toFixed(1)} min in all\n`,
);
console.log(
  `demand engine against the baseline (issue 14):\n${projectTable}\n\n${batch.ab}\n\n${issue14.join('\n')}\n`,
);
console.log(table);
console.log(`\n${targets.join('\n')}`);
console.log(`\nnational batch (bench/batch.mjs):\n${batch.table}\n\n${batch.lines.join('\n')}`);
console.log(`\nsimulation (bench/simulate.mjs):\n${simulation.lines.join('\n')}`);

const md = `# Benchmark results

Generated by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}, in ${minutes.toFixed(1)} minutes.

- Machine: ${cpus.length} cores (\`os.cpus().length\`; ${os.availableParallelism()} available to Node), ${cpuModel}, ${os.platform()} ${os.release()}
- Load average (1, 5, 15 min, \`os.loadavg()\`): ${loadAtStart} at the start, ${loadAtEnd} at the end
- Node ${process.version}; commit ${commit}; baseline ${label} (BENCH_BASELINE); N = ${N} timed runs or rounds per figure (medians; min in brackets)

## Demand engine against the baseline (issue 14)

The baseline is the build of ${label}, the commit before the demand engine; each table's commands took turns, N rounds.

\`\`\`
${projectTable}
\`\`\`

\`\`\`
${batch.ab}
\`\`\`

${issue14.map((t) => `- ${t}`).join('\n')}

## Models

\`\`\`
${table}
\`\`\`

${targets.map((t) => `- ${t}`).join('\n')}

### National batch (\`highneeds batch\`, bench/batch.mjs)

\`\`\`
${batch.table}
\`\`\`

${batch.lines.map((t) => `- ${t}`).join('\n')}

### Simulation (\`highneeds simulate\`, \`batch --draws\`, bench/simulate.mjs)

${simulation.lines.map((t) => `- ${t}`).join('\n')}

### Reports (\`highneeds report\`, \`batch --report\`; bench/report.mjs)

${report.map((t) => `- ${t}`).join('\n')}

## How each figure is measured

Every spawned run is \`node <args>\` under \`/usr/bin/time -f '%U %S %M'\` with stdout piped (bench/measure.mjs): **wall** is from spawn to exit, timed by this process, so it includes Node start-up; **CPU** is user + sys time of the whole process, worker threads included; **peak RSS** its maximum resident set, worker threads included (they share the process). "In turn" means N rounds, after one untimed round, in which each command runs once: a shared virtual machine's speed can drift by a quarter within minutes, and taking turns slows every command alike. Otherwise one untimed warm-up run, then N runs.

- **baseline**: bench/baseline.mjs extracts the baseline commit (default 146dc0c, the commit before the demand engine, issue 14; BENCH_BASELINE names another) with \`git archive\` into the git-ignored bench/data/baseline/, compiles it there with this repo's TypeScript, and runs it on this repo's node_modules (the same dependencies in package.json, which it checks). It is made again only when missing or from another commit.
- **project A/B (issue 14)**: in turn, \`node -e 0\`, \`node <build>/bin/highneeds --version\` (Node plus loading all the CLI's modules, no model) for the baseline and this tree, and \`node <build>/bin/highneeds project … --format csv --quiet\` for each on the baseline's own pupils-20000 (written by its bench/make-cohort.mjs from its fixtures/example: today's example carries fields it does not read) and for this tree on bench/data/pupils-20000 too, and bench/load-project.mjs (this tree's modules that project loads, imported as the CLI imports them, and no model: its start-up before any work), and bench/parse-only.mjs on the same cohort.csv (csv-parse alone in a fresh process: a floor no project of that file can go under). Target: this tree's project median ≤ ${TARGET_STARTUP_RATIO} × the \`node -e 0\` median.
- **batch A/B (issue 14)**: in turn, \`node <build>/bin/highneeds batch <national> --out-dir … --quiet\` (default --jobs: every core) for the baseline and this tree on the national model the baseline's own bench/make-national.mjs writes (bench/data/baseline/bench/data/national: the baseline cannot read this tree's, whose tariff and funding carry money-model fields; its cohort.csv is the same file), this tree on bench/data/national, csv-parse alone on that cohort.csv (see parse-only below), this tree's batch with \`--jobs 1\`, and bench/read-national.mjs (the national model read as the batch reads it, through csv-parse, split by area and tallied, with no area modelled: the floor under the batch's wall). Targets: this tree's CPU median at least 40% below the baseline's, and its wall median ≤ 1.5 × csv-parse alone's (issue 14), ≤ 2 × (issue 18).
- **rows / pupils / years**: data rows in cohort.csv, the pupils they stand for (\`count\`, or 1 per row), and the financial years projected. \`example\` is fixtures/example (aggregated rows with a count). \`pupils-20000\` is generated by bench/make-cohort.mjs into the git-ignored bench/data/: one row per pupil from a fixed seed, ~3% independent placements with an \`annual_cost\`, the example's tariff, ceasing and transitions, and its new plans, places and funding ×8.
- **CLI wall ms**: \`node bin/highneeds project <dir> --format csv --quiet\`: Node start-up, module loading, reading and hashing inputs, the projection and writing the CSV.
- **parse-only ms (fresh)**: \`node bench/parse-only.mjs <dir>/cohort.csv\`: a fresh Node process that reads cohort.csv and parses it with csv-parse/sync using the options of src/io/csv-table.ts (\`bom, relax_column_count, skip_empty_lines: false\`, and every line ending where the text holds a CR), then exits. Includes Node start-up.
- **model-added ms** = CLI wall − parse-only (both medians): what the CLI costs beyond starting Node and parsing the cohort (module loading of the CLI's dependencies, the other inputs, validation, the projection and output).
- **ratio added/parse** = model-added ÷ parse-only (fresh). Target ≤ 1. Of model-added, about (CLI start-up − Node start-up) is module loading that any run pays, however small the model.
- **in-proc load+project ms**: inside this process, \`loadModel(dir)\` then \`project(model)\` imported from dist/, 2 warm-up runs then the median of N. No start-up or module loading.
- **in-proc parse ms**: inside this process, reading and parsing cohort.csv as above, 2 warm-up runs then the median of N.
- **in-proc ratio** = (in-proc load+project − in-proc parse) ÷ in-proc parse: the same comparison with start-up and module loading taken out.
- **goal-seek**: \`node bin/highneeds solve --scenario demand-management … --format csv\` on the example; the projections and ms per projection are the command's own count.
- **nff**: \`node bin/highneeds nff <153 areas> --year 2025-26 --params <dir> --solve-cap --format csv\` on areas bench/nff.mjs generates from a fixed seed into bench/data/nff-153/ (a proxy pot shared by seven factors, changes per head from −5% to +25%, a national total between the totals at the floor and uncapped); the in-process figure is \`calculateNff\` with --solve-cap alone.
- **calibrate**: \`node bin/highneeds calibrate --transitions … --population … --out-dir <fresh> --quiet\` on a history bench/calibrate.mjs generates from a fixed seed into bench/data/history-30000/ with the test helper test/helpers/history-generator.mjs: the example authority of test/helpers/history-example.mjs with about 30,000 pupils with plans each January over 10 years (four settings, four needs, known ceasing, moves, a need change and new plans per head); one untimed run, then N in turn with \`node -e 0\`.
- **national batch**: the model is written by \`npm run bench:data\` (bench/make-national.mjs; \`--scale 2\` and \`--scale 4\` for 306 and 612 areas): 153 areas, one cohort row per pupil with an area column, sizes and need, age and placement mixes after ../shared/domain.md §4, 3 scenarios. The 1x row is this tree's batch from the A/B rounds above; 2x and 4x are timed once each. **csv-parse alone** is bench/parse-only.mjs on the same cohort.csv in a fresh process, as for the models above. **On one thread** is the batch's own code in this process with every area on the main thread: reading and splitting the national files, building each area's model, and projecting each scenario (\`projectScenario\`). **Parallel** compares the \`--jobs 1\` run with the default; **this machine** times two separate one-thread runs (40 areas each) at once against one alone, which bounds what threads can gain here (two vCPUs that share a core, or memory bandwidth, give less than 2). The **profile** is \`node --cpu-prof\` on the one-thread run of the first 40 areas (bench/data/prof-batch/), summarised as self time by where it falls and inclusive time of the demand engine's and the batch's main steps. **CPU by thread** reads each thread's user + sys time from /proc/PID/task every 20 ms while \`batch --jobs 1\` (and csv-parse alone) runs, three runs each: the JS thread, and all the others together, which with one JS thread are V8's background threads (optimising compiler, garbage collector) and libuv's.

- **simulation**: the median area is the area of the generated national model with the median number of pupils (among those priced by its own tariff.json), written out by bench/simulate.mjs as a model folder in bench/data/median-area/ (its rows of each table, the national ceasing, transitions, tariff and scenarios); "cohort cells" are its distinct cohort rows. \`node bin/highneeds simulate bench/data/median-area --draws 1000 --seed 1 --format csv --quiet --jobs 2\`, one warm-up then N runs. The batch is \`node bin/highneeds batch bench/data/national --out-dir … --force --quiet --draws 1000 --seed 1\` (default --jobs), timed once, then again with \`--scenarios unmitigated\`; BENCH_SIM_BATCH=0 skips both.

To see where the time goes: \`node bench/profile.mjs\` (node --cpu-prof on the in-process load+project of pupils-20000) or \`node bench/profile.mjs bench/data/pupils-20000 --cli\` (one cold CLI run).
`;
writeFileSync(path.join(here, 'RESULTS.md'), md);
console.log(`\nwrote ${path.relative(process.cwd(), path.join(here, 'RESULTS.md'))}`);
