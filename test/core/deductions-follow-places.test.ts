import { describe, expect, it } from 'vitest';
import type { FundingRow, Model } from '../../src/core/model.js';
import type { Projection } from '../../src/core/projection.js';
import { toPence } from '../../src/core/rounding.js';
import { projectScenario } from '../../src/core/scenario/apply.js';
import type { Scenario } from '../../src/core/scenario/types.js';
import type { TariffSetting } from '../../src/core/tariff.js';
import { projectOrThrow } from '../helpers/model.js';
import { cell, d, model, rate, tariff } from './builders.js';

/**
 * docs/methodology.md, "Income and balances": given HNB deductions are place funding the DfE
 * recoups, places × values frozen in cash (domain brief §2.3, §5.6), so a later year carries them
 * in cash plus the change in the "dfe" settings' place funding since the year they were stated for,
 * not grown by hnbGrowth. Pupils at NCY 3 who neither cease nor age out; 20 in a special academy,
 * 10 in independent schools; hnbGrowth 2%; hnb_deductions £195,000 stated for 2026-27.
 */
const SETTINGS: TariffSetting[] = [
  { id: 'academy', label: 'Special academy', placeValue: d('10000'), placeFundedBy: 'dfe' },
  { id: 'independent', label: 'Independent', placeValue: d('0') },
];
const row = (financialYear: number, line: FundingRow['line'], amount: string): FundingRow => ({
  financialYear,
  line,
  amount: d(amount),
});
const base = (overrides: Partial<Model> = {}): Model =>
  model({
    horizon: 2028,
    tariff: tariff([rate('academy', 'A', '12000'), rate('independent', 'A', '60000')], {
      settings: SETTINGS,
    }),
    assumptions: { newPlansGrowth: d('0'), hnbGrowth: d('0.02'), tariffUplift: d('0') },
    cohort: [cell(3, 'ASD', 'academy', 'A', '20'), cell(3, 'ASD', 'independent', 'A', '10')],
    funding: [
      row(2025, 'opening_balance', '0'),
      row(2026, 'hnb_allocation', '1000000'),
      row(2026, 'hnb_deductions', '195000'),
    ],
    ...overrides,
  });
const deductions = (projection: Projection) =>
  projection.years.map((y) => toPence(y.income.hnbDeductions));

describe('given deductions follow the "dfe" places, not hnbGrowth', () => {
  // places.csv: 20 academy places in 2025/26 and 2026/27, 30 from 2027/28.
  const places = [2025, 2026, 2027, 2028].map((academicYear) => ({
    academicYear,
    setting: 'academy',
    places: d(academicYear < 2027 ? '20' : '30'),
  }));

  it('2027-28: 195,000 + (5 × 20 + 7 × 30) ÷ 12 × 10,000 − 20 × 10,000 = 253,333.33; 2028-29: 195,000 + 100,000', () => {
    const projection = projectOrThrow(base({ places }));
    expect(deductions(projection)).toEqual(['-195000.00', '-253333.33', '-295000.00']);
    expect(projection.years.map((y) => y.income.deductionsBasis)).toEqual([
      'given',
      'carried',
      'carried',
    ]);
    // The allocation still grows by hnbGrowth: 1,000,000 × 1.02².
    expect(toPence(projection.years[2]!.income.hnb)).toBe('1040400.00');
  });

  it('with the places unchanged they stay in cash: 195,000 every year (not 198,900 and 202,878)', () => {
    const flat = places.map((p) => ({ ...p, places: d('20') }));
    expect(deductions(projectOrThrow(base({ places: flat })))).toEqual([
      '-195000.00',
      '-195000.00',
      '-195000.00',
    ]);
  });
});

/**
 * A scenario moving pupils into a "dfe" setting whose places follow its pupils (no places.csv
 * row) adds their places to the deductions, given or computed alike: half the 10 independent
 * pupils to the academy from September 2026. 2026-27: 7 months of 5 more places, 5 × 10,000 ×
 * 7/12 = 29,166.67 more deducted, against 5 × (60,000 − 12,000) × 7/12 = 140,000.00 less top-up
 * spend: the in-year balance gains 110,833.33 (it gained 140,000.00 where the deductions were given,
 * before); 2027-28: 50,000.00 more deducted against 240,000.00 less spend.
 */
const moveHalf: Scenario = {
  id: 'return',
  label: 'half the independent pupils to the special academy',
  assumptions: {},
  funding: [],
  inheritedLevers: 0,
  levers: [
    {
      id: 'return',
      label: 'return',
      kind: 'move-placements',
      share: d('0.5'),
      filter: { settings: ['independent'] },
      profile: { shape: 'step', from: 2026, fullBy: 2026 },
      toSetting: 'academy',
      toBand: 'A',
    },
  ],
};
const none: Scenario = { ...moveHalf, id: 'none', levers: [] };

function effect(m: Model): string[] {
  const run = (s: Scenario) => projectScenario(m, s).projection!.years;
  const [without, moved] = [run(none), run(moveHalf)];
  return moved.map((y, i) => toPence(y.inYearBalance.minus(without[i]!.inYearBalance)));
}

describe('a move-placements lever into a "dfe" setting moves the deductions', () => {
  const computed = (m: Model): Model => ({
    ...m,
    funding: m.funding.filter((r) => r.line !== 'hnb_deductions'),
  });

  it.each([
    ['given', base()],
    ['computed', computed(base())],
  ])('%s: the balance gains 110,833.33, then 190,000.00 a year', (_name, m) => {
    expect(effect(m)).toEqual(['110833.33', '190000.00', '190000.00']);
  });

  it('given: 195,000 + 29,166.67 in 2026-27, then 195,000 + 50,000', () => {
    const moved = projectScenario(base(), moveHalf).projection!;
    expect(deductions(moved)).toEqual(['-224166.67', '-245000.00', '-245000.00']);
    expect(toPence(moved.years[0]!.income.deductionsChange)).toBe('29166.67');
  });

  it('a scenario that moves nobody leaves them as the model gives them', () => {
    expect(deductions(projectScenario(base(), none).projection!)).toEqual(
      deductions(projectOrThrow(base())),
    );
  });
});
