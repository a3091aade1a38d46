import { beforeAll, describe, expect, it } from 'vitest';
import { calibratedModel } from '../../src/core/calibrate/calibrated-model.js';
import { fitRates } from '../../src/core/calibrate/fit.js';
import { type HistoryStep, januaryStates } from '../../src/core/calibrate/history.js';
import { Dec } from '../../src/core/decimal.js';
import { projectDemand } from '../../src/core/demand/run.js';
import type { Model } from '../../src/core/model.js';
import type { Need } from '../../src/core/need.js';
import { generateHistory } from '../helpers/history-generator.mjs';
import {
  EXAMPLE_TRUTH,
  exampleInitial,
  examplePopulation,
  POPULATION_NCYS,
} from '../helpers/history-example.mjs';

/**
 * Parameter recovery (issue 15): a history generated from known rates is fitted, and the fit must
 * find the rates within sampling error, and project as the true rates do.
 */
const FIRST = 2015;
const YEARS = 10;
const populationOf = examplePopulation(50000);
const population = new Map<string, Dec>();
for (let january = FIRST; january <= FIRST + YEARS + 6; january += 1)
  for (const ncy of POPULATION_NCYS)
    population.set(`${january}:${ncy}`, new Dec(populationOf(january, ncy)));
let history: { steps: HistoryStep[]; first: number; last: number };
let fit: ReturnType<typeof fitRates>;
// Generated and fitted in beforeAll, not as the file is collected: vitest orders files by the time
// their tests took, which leaves out collection, and this file then came last.
beforeAll(() => {
  const steps = generateHistory({
    seed: 20260415,
    first: FIRST,
    years: YEARS,
    initial: exampleInitial(25),
    truth: EXAMPLE_TRUTH,
    population: populationOf,
  }) as unknown as HistoryStep[];
  history = { steps, first: FIRST, last: FIRST + YEARS };
  fit = fitRates(steps, { weight: new Dec(1), population });
});

/** Within `z` standard errors of a proportion p seen in n. */
function withinSamplingError(fitted: number, truth: number, n: number, z = 4): void {
  const se = Math.sqrt((truth * (1 - truth)) / n);
  expect(Math.abs(fitted - truth), `fitted ${fitted} against ${truth} in ${n}`).toBeLessThan(
    z * se,
  );
}

describe('calibrate recovers the rates a history was generated from', () => {
  it('ceasing by NCY', () => {
    for (const ncy of [0, 3, 8, 11, 13, 16]) {
      const row = fit.ceasing.find((r) => r.ncy === ncy && !r.setting && !r.need)!;
      const truth = EXAMPLE_TRUTH.ceasing.find((r) => r.ncy === ncy && !r.setting)!.rate;
      withinSamplingError(row.rate.toNumber(), truth, row.seen.toNumber());
    }
  });

  it('ceasing of one setting where it differs (independent at NCY 11)', () => {
    const row = fit.ceasing.find((r) => r.ncy === 11 && r.setting === 'independent' && !r.need)!;
    withinSamplingError(row.rate.toNumber(), 0.05, row.seen.toNumber());
  });

  it('moves between settings, and a need change where the history has one', () => {
    const move = (ncy: number, from: string, to: string, need?: string, toNeed?: string) =>
      fit.transitions.find(
        (r) =>
          r.fromNcy === ncy &&
          r.fromSetting === from &&
          r.toSetting === to &&
          r.need === need &&
          r.toNeed === toNeed,
      )!;
    withinSamplingError(
      move(6, 'mainstream', 'special').rate.toNumber(),
      0.08,
      move(6, 'mainstream', 'special').seen.toNumber(),
    );
    withinSamplingError(
      move(11, 'mainstream', 'fe').rate.toNumber(),
      0.3,
      move(11, 'mainstream', 'fe').seen.toNumber(),
    );
    withinSamplingError(
      move(11, 'special', 'fe').rate.toNumber(),
      0.2,
      move(11, 'special', 'fe').seen.toNumber(),
    );
    const change = move(6, 'mainstream', 'mainstream', 'SLCN', 'ASD');
    withinSamplingError(change.rate.toNumber(), 0.15, change.seen.toNumber());
    const slcnMove = move(6, 'mainstream', 'special', 'SLCN');
    withinSamplingError(slcnMove.rate.toNumber(), 0.08, slcnMove.seen.toNumber());
  });

  it('new plans per head', () => {
    for (const truth of EXAMPLE_TRUTH.newPlans.filter((r) => r.ncy % 3 === 0)) {
      const row = fit.newPlans.find(
        (r) => r.ncy === truth.ncy && r.need === truth.need && r.setting === truth.setting,
      )!;
      withinSamplingError(row.rate.toNumber(), truth.rate, row.seen.toNumber());
    }
  });

  it('projects within 1% of the true rates, every year for five years', () => {
    const base = calibratedModel({
      area: { code: 'T', name: 'recovery' },
      baseYear: FIRST + YEARS - 1,
      horizon: FIRST + YEARS + 4,
      fit,
      cohort: januaryStates(history, history.last),
      settings: ['fe', 'independent', 'mainstream', 'special'],
      population,
      costs: [],
    });
    const truth: Model = {
      ...base,
      ceasing: EXAMPLE_TRUTH.ceasing.map((r) => ({
        ncy: r.ncy,
        rate: new Dec(r.rate),
        ...(r.setting ? { setting: r.setting } : {}),
      })),
      transitions: EXAMPLE_TRUTH.transitions.map((r) => ({
        fromNcy: r.fromNcy,
        fromSetting: r.fromSetting,
        toSetting: r.toSetting,
        rate: new Dec(r.rate),
        ...(r.need ? { need: r.need as Need } : {}),
        ...(r.toNeed ? { toNeed: r.toNeed as Need } : {}),
      })),
      newPlans: EXAMPLE_TRUTH.newPlans.map((r) => ({
        ncy: r.ncy,
        need: r.need as Need,
        setting: r.setting,
        band: '1',
        rate: new Dec(r.rate),
      })),
    };
    const totals = (model: Model) =>
      projectDemand(model, base.horizon).years.map((y) => y.counts.reduce((a, b) => a + b, 0));
    const fitted = totals(base);
    const expected = totals(truth);
    expect(fitted).toHaveLength(6);
    fitted.forEach((n, i) => {
      expect(
        Math.abs(n - expected[i]!) / expected[i]!,
        `year ${i}: ${n} against ${expected[i]}`,
      ).toBeLessThan(0.01);
    });
  });
});
