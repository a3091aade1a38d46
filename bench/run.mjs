// `npm run bench`: how long does a projection take, and how much of that is the model itself
// rather than Node start-up and CSV parsing? Writes bench/RESULTS.md as well as printing.
// BENCH_N (default 7) sets the number of timed runs per figure.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inProcess, median } from './inprocess.mjs';
import { makeCohort } from './make-cohort.mjs';
import { nffBench } from './nff.mjs';
import { batchBench } from './batch.mjs';
import { parseFile } from './parse-only.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const N = Number(process.env.BENCH_N ?? 7);
const TARGET_WALL_MS = 1000;
const TARGET_RATIO = 1;

/** Wall ms of one spawned process (spawn to exit), failing loudly on a non-zero exit. */
function wall(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

/** One untimed warm-up run (file cache, compile cache), then N timed runs. */
function spawned(args) {
  wall(args);
  const times = [];
  for (let i = 0; i < N; i += 1) times.push(wall(args).ms);
  return { median: median(times), min: Math.min(...times) };
}

function countRows(cohortFile) {
  const records = parseFile(cohortFile);
  const nonBlank = records.filter((record) => !(record.length === 1 && record[0].trim() === ''));
  const header = nonBlank[0].map((name) => name.trim().toLowerCase());
  const countIndex = header.indexOf('count');
  let pupils = 0;
  for (const record of nonBlank.slice(1)) pupils += countIndex >= 0 && record[countIndex]?.trim() ? Number(record[countIndex]) : 1;
  return { rows: nonBlank.length - 1, pupils: Math.round(pupils) };
}

const models = [
  { name: 'example', dir: path.join(root, 'fixtures', 'example') },
  { name: 'pupils-20000', dir: makeCohort({ pupils: 20000 }) },
];

const startup = spawned(['-e', '0']);
// The CLI's own start-up: Node plus loading every module of the CLI (commander, chalk, ora, decimal.js, csv-*), no model.
const cliStartup = spawned(['bin/highneeds', '--version']);
const git = (...a) => spawnSync('git', a, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
const commit = `${git('rev-parse', '--short', 'HEAD') || 'unknown'}${git('status', '--porcelain', '--', 'src', 'bin', 'package.json') ? ' (with uncommitted changes in src/)' : ''}`;
const results = [];
for (const model of models) {
  const rel = path.relative(root, model.dir);
  const cohort = path.join(model.dir, 'cohort.csv');
  const { rows, pupils } = countRows(cohort);
  const years = wall(['bin/highneeds', 'project', rel, '--format', 'csv', '--quiet']).stdout.toString().trim().split('\n').length - 1;
  const cli = spawned(['bin/highneeds', 'project', rel, '--format', 'csv', '--quiet']);
  const parse = spawned([path.join('bench', 'parse-only.mjs'), path.relative(root, cohort)]);
  const inproc = inProcess(model.dir, N, 2);
  const added = cli.median - parse.median;
  results.push({
    model: model.name, rows, pupils, years, cli, parse, added, ratio: added / parse.median,
    loadProject: inproc.model.median, inParse: inproc.parse.median,
    inRatio: (inproc.model.median - inproc.parse.median) / inproc.parse.median,
  });
}

// Goal-seek on the example (issue: under 1 s): the whole solve command, and its own count of projections.
const SOLVE_ARGS = ['bin/highneeds', 'solve', '--scenario', 'demand-management', '--target', 'in-year-balance>=0@2028-29', '--vary', 'lever:fewer-new-plans.share', '--range', '-1,0', '--format', 'csv'];
const solveWall = spawned(SOLVE_ARGS);
const solveOut = wall(SOLVE_ARGS).stdout.toString();
const solveRuns = /(\d+) projections in (\d+) ms \(([\d.]+) ms each\)/.exec(solveOut);
const solveLine = `goal-seek (example, demand-management, in-year balance by 2028-29): ${solveRuns ? `${solveRuns[1]} projections, ${solveRuns[3]} ms per projection, ` : ''}CLI wall median ${solveWall.median.toFixed(1)} ms (min ${solveWall.min.toFixed(1)}); target under 1000 ms -> ${solveWall.median < 1000 ? 'MET' : 'NOT MET'}`;
// The high-needs NFF over 153 generated areas with --solve-cap (issue 5: under 1 s): bench/nff.mjs.
const nffLine = nffBench(N, spawned, median).line;
// The national batch (issue 6: 153 areas, ~640,000 rows, 3 scenarios under 6 s, within 2x csv-parse): bench/batch.mjs.
const batch = batchBench();

const f = (x) => x.toFixed(1);
const header = ['model', 'rows', 'pupils', 'years', 'CLI wall ms (min)', 'parse-only ms (fresh)', 'model-added ms', 'ratio added/parse', 'in-proc load+project ms', 'in-proc parse ms', 'in-proc ratio'];
const body = results.map((r) => [r.model, String(r.rows), String(r.pupils), String(r.years), `${f(r.cli.median)} (${f(r.cli.min)})`, f(r.parse.median), f(r.added), r.ratio.toFixed(2), f(r.loadProject), f(r.inParse), r.inRatio.toFixed(2)]);
const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
const table = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');

const big = results.find((r) => r.model === 'pupils-20000');
const wallMet = big.cli.median < TARGET_WALL_MS;
const ratioMet = results.every((r) => r.ratio <= TARGET_RATIO);
const targets = [
  solveLine,
  nffLine,
  `target: ${big.rows} pupil rows over ${big.years} years in under ${TARGET_WALL_MS} ms wall incl. start-up: ${f(big.cli.median)} ms -> ${wallMet ? 'MET' : 'NOT MET'}`,
  `target: model adds no more than parsing its input (ratio <= ${TARGET_RATIO}): ${results.map((r) => `${r.model} ${r.ratio.toFixed(2)}`).join(', ')} -> ${ratioMet ? 'MET' : 'NOT MET'}`,
];

const cpus = os.cpus();
const machine = `${cpus.length} cores, ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${os.platform()} ${os.release()}, Node ${process.version}`;
console.log(`${machine}; commit ${commit}; N=${N}\nnode start-up (node -e 0): median ${f(startup.median)} ms (min ${f(startup.min)}); CLI start-up (highneeds --version): median ${f(cliStartup.median)} ms (min ${f(cliStartup.min)})\n`);
console.log(table);
console.log(`\n${targets.join('\n')}`);
console.log(`\nnational batch (bench/batch.mjs):\n${batch.table}\n\n${batch.lines.join('\n')}`);

const md = `# Benchmark results

Generated by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}.

- Machine: ${cpus.length} cores (\`os.cpus().length\`), ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${os.platform()} ${os.release()}
- Node ${process.version}; commit ${commit}; N = ${N} timed runs per figure (medians; min in brackets)
- Node start-up baseline (\`node -e 0\`): median ${f(startup.median)} ms (min ${f(startup.min)})
- CLI start-up baseline (\`node bin/highneeds --version\`: Node plus loading all the CLI's modules, no model): median ${f(cliStartup.median)} ms (min ${f(cliStartup.min)})

\`\`\`
${table}
\`\`\`

${targets.map((t) => `- ${t}`).join('\n')}

### National batch (\`highneeds batch\`, bench/batch.mjs)

\`\`\`
${batch.table}
\`\`\`

${batch.lines.map((t) => `- ${t}`).join('\n')}

## How each figure is measured

- **rows / pupils / years**: data rows in cohort.csv, the pupils they stand for (\`count\`, or 1 per row), and the financial years projected. \`example\` is fixtures/example (aggregated rows with a count). \`pupils-20000\` is generated by bench/make-cohort.mjs into the git-ignored bench/data/: one row per pupil from a fixed seed, ~3% independent placements with an \`annual_cost\`, the example's tariff, ceasing and transitions, and its new plans, places and funding ×8.
- **CLI wall ms**: \`node bin/highneeds project <dir> --format csv --quiet\` spawned with stdout piped, timed from spawn to exit, so it includes Node start-up, module loading, reading and hashing inputs, the projection and writing the CSV. One untimed warm-up run, then N runs.
- **parse-only ms (fresh)**: \`node bench/parse-only.mjs <dir>/cohort.csv\` spawned the same way: a fresh Node process that reads cohort.csv and parses it with csv-parse/sync using the options of src/io/csv-table.ts (\`bom, relax_column_count, skip_empty_lines: false\`), then exits. Includes Node start-up.
- **model-added ms** = CLI wall − parse-only (both medians): what the CLI costs beyond starting Node and parsing the cohort (module loading of the CLI's dependencies, the other inputs, validation, the projection and output).
- **ratio added/parse** = model-added ÷ parse-only (fresh). Target ≤ 1. Of model-added, about (CLI start-up − Node start-up) is module loading that any run pays, however small the model.
- **in-proc load+project ms**: inside this process, \`loadModel(dir)\` then \`project(model)\` imported from dist/, 2 warm-up runs then the median of N. No start-up or module loading.
- **in-proc parse ms**: inside this process, reading and parsing cohort.csv as above, 2 warm-up runs then the median of N.
- **in-proc ratio** = (in-proc load+project − in-proc parse) ÷ in-proc parse: the same comparison with start-up and module loading taken out.
- **nff**: \`node bin/highneeds nff <153 areas> --year 2025-26 --params <dir> --solve-cap --format csv\` spawned as above (warm-up, then N runs), on areas bench/nff.mjs generates from a fixed seed into bench/data/nff-153/ (a proxy pot shared by seven factors, changes per head from −5% to +25%, a national total between the totals at the floor and uncapped); the in-process figure is \`calculateNff\` with --solve-cap alone.
- **national batch**: \`node bin/highneeds batch bench/data/national --out-dir … --quiet\` (default --jobs: every core) spawned under \`/usr/bin/time -f %M\`, timed from spawn to exit (one warm-up round, then BENCH_BATCH_N rounds, default 7, in which the batch, csv-parse alone, csv-parse alone with the V8 flag bin/highneeds sets and \`--jobs 1\` are each run once in turn, so that a machine whose speed drifts slows them alike; 2x and 4x once each). The model is written by \`npm run bench:data\` (bench/make-national.mjs; \`--scale 2\` and \`--scale 4\` for 306 and 612 areas): 153 areas, one cohort row per pupil with an area column, sizes and need, age and placement mixes after ../shared/domain.md §4, 3 scenarios. **csv-parse alone** is bench/parse-only.mjs on the same cohort.csv in a fresh process, as for the models above; the **ratio** is batch wall ÷ that. **Peak RSS** is the whole process's maximum resident set, worker threads included (they share the process). **On one thread** is the batch's own code in this process (so without the CLI's V8 flag, docs/reliability.md "Speed") with every area on the main thread: reading and splitting the national files, building each area's model, and projecting each scenario (\`projectScenario\`). **Parallel** compares one spawned \`--jobs 1\` run with the default; **this machine** times two separate one-thread runs (40 areas each) at once against one alone, which bounds what threads can gain here (two vCPUs that share a core, or memory bandwidth, give less than 2). The **profile** is \`node --cpu-prof\` on the one-thread run of the first 40 areas (bench/data/prof-batch/), summarised as self time by where it falls and inclusive time of the projection's steps.

To see where the time goes: \`node bench/profile.mjs\` (node --cpu-prof on the in-process load+project of pupils-20000) or \`node bench/profile.mjs bench/data/pupils-20000 --cli\` (one cold CLI run).
`;
writeFileSync(path.join(here, 'RESULTS.md'), md);
console.log(`\nwrote ${path.relative(process.cwd(), path.join(here, 'RESULTS.md'))}`);
