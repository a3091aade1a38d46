// `highneeds calibrate` on a 10-year transitions history of about 30,000 pupils with plans each
// January (issue 15: under 2 s). Used by bench/run.mjs; run it alone with
// `npm run build && node bench/calibrate.mjs`. The history is generated from a fixed seed by the
// test helper test/helpers/history-generator.mjs (the example authority of
// test/helpers/history-example.mjs, scaled) into the git-ignored bench/data/history-30000/.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  generateHistory,
  populationCsv,
  transitionsCsv,
} from '../test/helpers/history-generator.mjs';
import {
  EXAMPLE_TRUTH,
  exampleInitial,
  examplePopulation,
  POPULATION_NCYS,
} from '../test/helpers/history-example.mjs';
import { measured, summary } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const TARGET_MS = 2000;
const FIRST = 2015;
const YEARS = 10;

/** Writes the history once (it takes a few seconds to draw); returns its folder and size. */
function makeHistory() {
  const dir = path.join(root, 'bench', 'data', 'history-30000');
  const transitions = path.join(dir, 'transitions.csv');
  const population = path.join(dir, 'population.csv');
  if (!existsSync(transitions) || !existsSync(population)) {
    mkdirSync(dir, { recursive: true });
    const populationOf = examplePopulation(86000);
    const steps = generateHistory({
      seed: 30000,
      first: FIRST,
      years: YEARS,
      initial: exampleInitial(130),
      truth: EXAMPLE_TRUTH,
      population: populationOf,
    });
    writeFileSync(transitions, transitionsCsv(steps));
    writeFileSync(
      population,
      populationCsv(populationOf, FIRST, FIRST + YEARS + 6, POPULATION_NCYS),
    );
  }
  const lines = readFileSync(transitions, 'utf8').trimEnd().split('\n').slice(1);
  const januaries = new Map();
  let joiners = 0;
  for (const line of lines) {
    const year = line.slice(0, 4);
    if (!line.slice(5).startsWith('NONSEND')) januaries.set(year, (januaries.get(year) ?? 0) + 1);
    else joiners += 1;
  }
  const perJanuary = [...januaries.values()];
  return {
    dir,
    transitions,
    population,
    rows: lines.length,
    people: perJanuary[0] + joiners,
    smallest: Math.min(...perJanuary),
    largest: Math.max(...perJanuary),
  };
}

/** N timed runs (after one untimed) of the CLI, each into a fresh folder, in turn with `node -e 0`. */
export function calibrateBench(n) {
  const history = makeHistory();
  const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-bench-calibrate-'));
  const run = (i) =>
    measured([
      'bin/highneeds',
      'calibrate',
      '--transitions',
      path.relative(root, history.transitions),
      '--population',
      path.relative(root, history.population),
      '--out-dir',
      path.join(scratch, `out-${i}`),
      '--quiet',
    ]);
  try {
    run('warm');
    // In turn with Node starting and doing nothing, so a loaded machine shows in both figures.
    const runs = [];
    const idle = [];
    for (let i = 0; i < n; i += 1) {
      runs.push(run(i));
      idle.push(measured(['-e', '0']));
    }
    const s = summary(runs);
    const node = summary(idle);
    const line = `target: calibrate on a ${YEARS}-year transitions history (${history.rows} rows; ${history.smallest}–${history.largest} pupils with plans each January, ${history.people} people in all) under ${TARGET_MS} ms wall incl. start-up: median ${s.median.toFixed(0)} ms (min ${s.min.toFixed(0)}), CPU ${s.cpuMedian?.toFixed(0) ?? '?'} ms, peak RSS ${s.rssMb?.toFixed(0) ?? '?'} MB (node -e 0 in turn: median ${node.median.toFixed(0)} ms) -> ${s.median < TARGET_MS ? 'PASS' : 'NOT MET'}`;
    return { line, summary: s, history };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  console.log(calibrateBench(Number(process.env.BENCH_N ?? 7)).line);
