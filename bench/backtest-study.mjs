// Is backtest unbiased on histories from the model's own process, and are its intervals honest?
// One history cannot say: its origins share their later Januaries, so their errors move together.
// This draws K histories of the example authority (test/helpers/history-example.mjs, the bench's
// history-30000 at `--scale 130`) with seeds S, S+1, …, backtests each as `highneeds backtest`
// does (prior weight 1, or --prior-weight), and prints by horizon the mean over histories of the
// bias (mean signed % error of the total over the origins) with its standard error; the same
// under the TRUE rates from the same origins (the process noise alone), and their difference (the
// fit's own error, the history's luck cancelled); and with `--draws N` the share of totals
// covered by backtest's 95% intervals.
// Not part of `npm run bench`: `npm run build && node bench/backtest-study.mjs --histories 100`
// (about 1 s a history at the default scale, 26, a fifth of the bench's; more with --draws).
import { parseArgs } from 'node:util';
import { backtest } from '../dist/core/calibrate/backtest.js';
import { calibratedModel } from '../dist/core/calibrate/calibrated-model.js';
import { drawnIntervals } from '../dist/core/calibrate/drawn-intervals.js';
import { januaryStates } from '../dist/core/calibrate/history.js';
import { Dec } from '../dist/core/decimal.js';
import { projectDemand } from '../dist/core/demand/run.js';
import { generateHistory } from '../test/helpers/history-generator.mjs';
import {
  EXAMPLE_TRUTH,
  exampleInitial,
  examplePopulation,
  POPULATION_NCYS,
} from '../test/helpers/history-example.mjs';

const { values } = parseArgs({
  options: {
    histories: { type: 'string', default: '100' },
    scale: { type: 'string', default: '26' },
    seed: { type: 'string', default: '1' },
    draws: { type: 'string', default: '0' },
    'prior-weight': { type: 'string', default: '1' },
  },
});
const K = Number(values.histories);
const scale = Number(values.scale);
const draws = Number(values.draws);
const FIRST = 2015;
const LAST = 2025;
const SETTINGS = ['fe', 'independent', 'mainstream', 'special'];
// The bench's proportions: 130 × the initial mix in a population of 86,000 per NCY.
const populationOf = examplePopulation(Math.round((scale * 86000) / 130));
const population = new Map();
for (let january = FIRST; january <= LAST + 6; january += 1)
  for (const ncy of POPULATION_NCYS)
    population.set(`${january}:${ncy}`, new Dec(populationOf(january, ncy)));

/** The model of an origin under the rates the histories are drawn from. */
function truthModel(origin, cohort) {
  const model = calibratedModel({
    area: { code: 'truth', name: 'true rates' },
    baseYear: origin - 1,
    horizon: LAST - 1,
    fit: { ceasing: [], transitions: [], newPlans: [] },
    cohort,
    settings: SETTINGS,
    population,
    costs: [],
  });
  const d = (rate) => new Dec(rate);
  return {
    ...model,
    ceasing: EXAMPLE_TRUTH.ceasing.map((r) => ({ ...r, rate: d(r.rate) })),
    transitions: EXAMPLE_TRUTH.transitions.map((r) => ({ ...r, rate: d(r.rate) })),
    newPlans: EXAMPLE_TRUTH.newPlans.map((r) => ({ ...r, band: '1', rate: d(r.rate) })),
  };
}

const pct = (projected, actual) => ((projected - actual) / actual) * 100;
const byHorizon = { fitted: new Map(), truth: new Map(), paired: new Map(), covered: new Map() };
const push = (map, h, x) => map.set(h, [...(map.get(h) ?? []), x]);
for (let k = 0; k < K; k += 1) {
  const steps = generateHistory({
    seed: Number(values.seed) + k,
    first: FIRST,
    years: LAST - FIRST,
    initial: exampleInitial(scale),
    truth: EXAMPLE_TRUTH,
    population: populationOf,
  });
  const history = { steps, first: FIRST, last: LAST };
  const totals = backtest(history, {
    weight: new Dec(values['prior-weight']),
    population,
    settings: SETTINGS,
    ...(draws > 0 ? { intervals: drawnIntervals(draws, k + 1) } : {}),
  }).filter((r) => r.breakdown === 'total');
  const fitted = new Map();
  const truth = new Map();
  const covered = new Map();
  for (const r of totals) {
    push(fitted, r.horizon, pct(r.projected, r.actual));
    if (r.interval)
      push(covered, r.horizon, r.actual >= r.interval.low && r.actual <= r.interval.high ? 1 : 0);
  }
  for (let origin = FIRST + 1; origin < LAST; origin += 1) {
    const years = projectDemand(truthModel(origin, januaryStates(history, origin)), LAST - 1).years;
    years.slice(1).forEach((year, i) => {
      const actual = totals.find((r) => r.origin === origin && r.horizon === i + 1).actual;
      push(
        truth,
        i + 1,
        pct(
          year.counts.reduce((a, b) => a + b, 0),
          actual,
        ),
      );
    });
  }
  // One figure per history and horizon, as backtest --summary gives it: the mean over its origins.
  for (const [name, map] of [
    ['fitted', fitted],
    ['truth', truth],
    ['covered', covered],
  ])
    for (const [h, xs] of map) push(byHorizon[name], h, mean(xs));
  // The fit's own part: the same origins and actuals, so the history's luck cancels.
  for (const [h, xs] of fitted) push(byHorizon.paired, h, mean(xs) - mean(truth.get(h)));
}

function mean(xs) {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
/** The mean and its standard error (sd ÷ √n). */
function meanSe(xs) {
  const m = mean(xs);
  const variance = xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
  return `${m.toFixed(3).padStart(7)} ± ${Math.sqrt(variance / xs.length).toFixed(3)}`;
}

console.log(
  `${K} histories (seeds ${values.seed} to ${Number(values.seed) + K - 1}), scale ${scale}, prior weight ${values['prior-weight']}: mean over histories ± standard error`,
);
console.log(
  `horizon  bias %, fitted    bias %, true rates  fitted − true${draws > 0 ? `  totals covered % (${draws} draws)` : ''}`,
);
for (const [h, xs] of byHorizon.fitted) {
  const cover = draws > 0 ? `  ${(mean(byHorizon.covered.get(h)) * 100).toFixed(1)}` : '';
  console.log(
    `${String(h).padStart(7)}  ${meanSe(xs)}  ${meanSe(byHorizon.truth.get(h))}  ${meanSe(byHorizon.paired.get(h))}${cover}`,
  );
}
