import { describe, expect, it } from 'vitest';
import { fitRates } from '../../src/core/calibrate/fit.js';
import { fitTotals } from '../../src/core/calibrate/fit-totals.js';
import type { HistoryStep } from '../../src/core/calibrate/history.js';
import { Dec } from '../../src/core/decimal.js';

/** docs/calibration.md, "Worked example": every figure there, by hand, held here. */
const a = (ncy: number, setting: string) => ({ ncy, need: 'ASD' as const, setting });
const STEPS: HistoryStep[] = [
  { year: 2023, from: a(5, 'mainstream'), to: a(6, 'mainstream') },
  { year: 2023, from: a(5, 'mainstream'), to: a(6, 'mainstream') },
  { year: 2023, from: a(5, 'mainstream'), to: a(6, 'special') },
  { year: 2023, from: a(5, 'mainstream') },
  { year: 2023, from: a(5, 'special'), to: a(6, 'special') },
  { year: 2023, to: a(0, 'mainstream') },
];
const population = new Map([
  ['2024:0', new Dec(1000)],
  ['2025:0', new Dec(1010)],
]);

describe('calibrate: the worked example of docs/calibration.md', () => {
  const fit = fitRates(STEPS, { weight: new Dec(1), population });
  const ceasing = (ncy: number, setting?: string, need?: string) =>
    fit.ceasing.find((r) => r.ncy === ncy && r.setting === setting && r.need === need)!;

  it('ceasing shrinks each level towards the one above', () => {
    expect(ceasing(5).rate.toFixed()).toBe('0.2');
    expect(ceasing(5, 'mainstream').rate.toFixed()).toBe('0.24');
    expect(ceasing(5, 'special').rate.toFixed()).toBe('0.1');
    expect(ceasing(5, 'mainstream', 'ASD').rate.toFixed()).toBe('0.248');
    expect(ceasing(5, 'mainstream', 'ASD').observed.toFixed()).toBe('1.24');
    expect(ceasing(5, 'mainstream', 'ASD').exposure.toFixed()).toBe('5');
    expect(ceasing(5, 'special', 'ASD').rate.toFixed()).toBe('0.05');
    // An NCY with no history takes the rate over all pupils.
    expect(ceasing(9).rate.toFixed()).toBe('0.2');
    expect(ceasing(9).exposure.toFixed()).toBe('1');
  });

  it('moves: one row, mainstream to special at NCY 5', () => {
    expect(fit.transitions).toHaveLength(1);
    const row = fit.transitions[0]!;
    expect([row.fromNcy, row.fromSetting, row.toSetting]).toEqual([5, 'mainstream', 'special']);
    expect(row.rate.toFixed()).toBe('0.3125');
    expect(row.observed.toFixed()).toBe('1.25');
    expect(row.exposure.toFixed()).toBe('4');
  });

  it('new plans per head of the January they join in', () => {
    expect(fit.newPlans).toHaveLength(1);
    const row = fit.newPlans[0]!;
    expect(row.rate.toFixed()).toBe('0.001');
    expect(row.observed.toFixed()).toBe('1.001');
    expect(row.exposure.toFixed()).toBe('1001');
  });

  it('fitted against actual in January 2024', () => {
    const totals = fitTotals(STEPS, fit, population);
    const of = (measure: string) => totals.find((t) => t.measure === measure)!;
    expect([of('ceased').actual, of('ceased').fitted]).toEqual([1, 4 * 0.248 + 0.05]);
    expect(of('new_plans').fitted).toBeCloseTo(1, 12);
    expect(of('pupils').actual).toBe(5);
    expect(of('pupils').fitted).toBeCloseTo(4.958, 12);
  });
});
