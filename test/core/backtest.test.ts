import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backtest, type IntervalSource } from '../../src/core/calibrate/backtest.js';
import { summarise } from '../../src/core/calibrate/backtest-summary.js';
import type { HistoryStep } from '../../src/core/calibrate/history.js';
import { Dec } from '../../src/core/decimal.js';
import { drawnIntervals } from '../../src/core/calibrate/drawn-intervals.js';
import { generateHistory } from '../helpers/history-generator.mjs';
import {
  EXAMPLE_TRUTH,
  exampleInitial,
  examplePopulation,
  POPULATION_NCYS,
} from '../helpers/history-example.mjs';

/**
 * A history that repeats itself exactly: each January 10 join at NCY 0 (per head of 1,000), 1 in
 * 10 of them ceases at NCY 0, 3 of the 9 at NCY 1 move to special, and at NCY 2 every plan ends.
 * Fitted without shrinkage it is its own truth, so every projection must be what happened.
 */
function steadyHistory(first: number, years: number): HistoryStep[] {
  const s = (ncy: number, setting = 'mainstream') => ({ ncy, need: 'ASD' as const, setting });
  const steps: HistoryStep[] = [];
  for (let year = first; year < first + years; year += 1) {
    for (let i = 0; i < 10; i += 1)
      steps.push(i === 0 ? { year, from: s(0) } : { year, from: s(0), to: s(1) });
    for (let i = 0; i < 9; i += 1)
      steps.push({ year, from: s(1), to: s(2, i < 3 ? 'special' : 'mainstream') });
    for (let i = 0; i < 9; i += 1)
      steps.push({ year, from: s(2, i < 3 ? 'special' : 'mainstream') });
    for (let i = 0; i < 10; i += 1) steps.push({ year, to: s(0) });
  }
  return steps;
}

const flat = new Map<string, Dec>();
for (let january = 2010; january <= 2040; january += 1) flat.set(`${january}:0`, new Dec(1000));

describe('backtest', () => {
  it('on a history that is its own truth, every projection is what happened', () => {
    const history = { steps: steadyHistory(2018, 5), first: 2018, last: 2023 };
    const rows = backtest(history, {
      weight: new Dec(0),
      population: flat,
      settings: ['mainstream', 'special'],
    });
    // Origins January 2019 to 2022, each projected to January 2023.
    expect(new Set(rows.map((r) => r.origin))).toEqual(new Set([2019, 2020, 2021, 2022]));
    expect(rows.filter((r) => r.breakdown === 'total')).toHaveLength(4 + 3 + 2 + 1);
    for (const row of rows) expect(row.projected, JSON.stringify(row)).toBeCloseTo(row.actual, 9);
    const total = rows.find((r) => r.breakdown === 'total')!;
    expect(total.actual).toBe(28);
    expect(rows.find((r) => r.breakdown === 'setting' && r.group === 'special')!.actual).toBe(3);
    // Age = NCY + 4: NCY 0 is under 5, NCY 1 and 2 are 5 to 10.
    expect(rows.find((r) => r.breakdown === 'age' && r.group === 'Under 5')!.actual).toBe(10);
    expect(rows.find((r) => r.breakdown === 'age' && r.group === '5 to 10')!.actual).toBe(18);
    const summary = summarise(rows);
    expect(summary.map((s) => [s.horizon, s.origins])).toEqual([
      [1, 4],
      [2, 3],
      [3, 2],
      [4, 1],
    ]);
    for (const s of summary) expect(Math.abs(s.mape) + Math.abs(s.bias)).toBeLessThan(1e-9);
  });

  it('with shrinkage the same history is projected a little off, and the error is signed projected − actual', () => {
    const history = { steps: steadyHistory(2018, 3), first: 2018, last: 2021 };
    const rows = backtest(history, {
      weight: new Dec(1),
      population: flat,
      settings: ['mainstream', 'special'],
    });
    const total = rows.find((r) => r.breakdown === 'total' && r.horizon === 1)!;
    expect(total.projected).not.toBeCloseTo(total.actual, 6);
    // Shrinkage pulls NCY 2's ceasing (1 in the history) below 1, so some stay: over-projected.
    expect(total.projected).toBeGreaterThan(total.actual);
    const [one] = summarise(rows);
    const percents = rows
      .filter((r) => r.breakdown === 'total' && r.horizon === 1)
      .map((r) => ((r.projected - r.actual) / r.actual) * 100);
    expect(one!.bias).toBeCloseTo((percents[0]! + percents[1]!) / 2, 12);
    expect(one!.mape).toBeCloseTo(one!.bias, 12);
  });

  it('on a generated history with known rates, one year ahead is within 2% on average', () => {
    const populationOf = examplePopulation(20000);
    const steps = generateHistory({
      seed: 7,
      first: 2015,
      years: 6,
      initial: exampleInitial(10),
      truth: EXAMPLE_TRUTH,
      population: populationOf,
    }) as unknown as HistoryStep[];
    const population = new Map<string, Dec>();
    for (let january = 2015; january <= 2021; january += 1)
      for (const ncy of POPULATION_NCYS)
        population.set(`${january}:${ncy}`, new Dec(populationOf(january, ncy)));
    const rows = backtest(
      { steps, first: 2015, last: 2021 },
      { weight: new Dec(1), population, settings: ['fe', 'independent', 'mainstream', 'special'] },
    );
    const [one] = summarise(rows);
    expect(one!.origins).toBe(5);
    expect(one!.mape).toBeLessThan(2);
  });

  it('reports coverage from the interval source it is given', () => {
    const history = { steps: steadyHistory(2018, 3), first: 2018, last: 2021 };
    // Intervals of ±1 pupil around 28 in total, nothing else: every total is covered, and of all
    // the rows only the totals are.
    const source: IntervalSource = {
      label: 'test',
      // eslint-disable-next-line require-yield
      *bounds() {
        return (_year, breakdown) =>
          breakdown === 'total' ? { low: 27, high: 29 } : { low: 100, high: 200 };
      },
    };
    const rows = backtest(history, {
      weight: new Dec(0),
      population: flat,
      settings: ['mainstream', 'special'],
      intervals: source,
    });
    const summary = summarise(rows);
    const perOrigin = rows.filter((r) => r.horizon === 1).length / 2;
    expect(summary[0]!.coverage).toBe(1);
    expect(summary[0]!.coverageAll).toBeCloseTo(1 / perOrigin, 12);
  });

  it("simulate's draws give 95% intervals around the projection that cover most of what a history from the same process did, the same for the same seed", () => {
    const populationOf = examplePopulation(20000);
    const steps = generateHistory({
      seed: 11,
      first: 2015,
      years: 6,
      initial: exampleInitial(4),
      truth: EXAMPLE_TRUTH,
      population: populationOf,
    }) as unknown as HistoryStep[];
    const population = new Map<string, Dec>();
    for (let january = 2015; january <= 2021; january += 1)
      for (const ncy of POPULATION_NCYS)
        population.set(`${january}:${ncy}`, new Dec(populationOf(january, ncy)));
    const options = {
      weight: new Dec(1),
      population,
      settings: ['fe', 'independent', 'mainstream', 'special'],
    };
    const history = { steps, first: 2015, last: 2021 };
    const rows = backtest(history, { ...options, intervals: drawnIntervals(300, 5) });
    expect(backtest(history, { ...options, intervals: drawnIntervals(300, 5) })).toEqual(rows);
    for (const row of rows.filter((r) => r.breakdown === 'total')) {
      expect(row.interval!.low).toBeLessThan(row.projected);
      expect(row.interval!.high).toBeGreaterThan(row.projected);
    }
    const [one] = summarise(rows);
    expect(one!.coverageAll).toBeGreaterThan(COVERAGE_FLOOR);
    // docs/calibration.md quotes it (it said 68% where this gives 70%: found by a user trial).
    const quoted = /one year ahead covers (\d+)% of all rows/.exec(
      readFileSync('docs/calibration.md', 'utf8'),
    );
    expect(Number(quoted?.[1])).toBe(Math.round(one!.coverageAll! * 100));
  });
});

/**
 * Most one-year-ahead rows of a history drawn from the model's own process fall inside the 95%
 * intervals: 82% here (41 of 50 rows, totals, settings and age groups). Over 100 such histories
 * the totals are covered 95% of the time (docs/calibration.md, "Intervals"); one small history's
 * rows, all of five origins, are few and not independent. This history (seed 11) is the least
 * covered of seeds 1 to 100 (they cover 82% to 100%, median 94%), so 80% is a floor no seed of
 * them fails; when the draws held the fitted rates fixed and drew the pupils alone, it covered
 * 70% (seeds 1 to 100: 70% to 100%, median 86%). Intervals that collapsed to the projection would
 * cover almost nothing.
 */
const COVERAGE_FLOOR = 0.8;
