import { describe, expect, it } from 'vitest';
import { calibratedModel } from '../../src/core/calibrate/calibrated-model.js';
import { fitRates } from '../../src/core/calibrate/fit.js';
import type { HistoryStep } from '../../src/core/calibrate/history.js';
import { Dec } from '../../src/core/decimal.js';

const a = (ncy: number, setting: string) => ({ ncy, need: 'ASD' as const, setting });
const STEPS: HistoryStep[] = [
  { year: 2023, from: a(5, 'mainstream'), to: a(6, 'mainstream') },
  { year: 2023, from: a(5, 'special'), to: a(6, 'special') },
  { year: 2023, to: a(0, 'mainstream') },
];
const population = new Map([
  ['2024:0', new Dec(1000)],
  ['2025:0', new Dec(1010)],
]);

describe("calibrate's tariff stub: how each figure is known, as the report shows it", () => {
  const model = calibratedModel({
    area: { code: '000', name: 'Test' },
    baseYear: 2023,
    horizon: 2024,
    fit: fitRates(STEPS, { weight: new Dec(1), population }),
    cohort: [a(6, 'mainstream'), a(6, 'special')],
    settings: ['mainstream', 'special'],
    population,
    costs: [{ need: '*', setting: 'special', cost: new Dec('24000') }],
  });

  it("marks a cost from costs.csv the authority's own figure, not one worked out from published ones", () => {
    // Found by a finance officer's trial: the report's tariff section printed the costs an
    // analyst typed into costs.csv as "derived (worked out from published figures)" beside the
    // DfE's funding arrangements, which state none of them.
    const special = model.tariff.rates.find((r) => r.setting === 'special')!;
    expect(special.topUp.toFixed(2)).toBe('24000.00');
    expect(special.status).toBe('assumption');
    expect(special.notes).toContain("the authority's own figure");
    const mainstream = model.tariff.rates.find((r) => r.setting === 'mainstream')!;
    expect(mainstream.status).toBe('assumption');
  });
});
