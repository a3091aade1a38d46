import { Dec } from '../../src/core/decimal.js';
import type { Assumptions, Cell, Model } from '../../src/core/model.js';
import type { Need } from '../../src/core/need.js';
import type { Tariff, TariffRate } from '../../src/core/tariff.js';

/** Small builders for core tests, after changesets' FakeFullState. */
export const d = (text: string) => new Dec(text);

/** A cell; `annualCost` (per pupil) makes it a bespoke cell whose total is count × annualCost. */
export function cell(
  ncy: number,
  need: Need,
  setting: string,
  band: string,
  count: string,
  annualCost?: string,
): Cell {
  return {
    ncy,
    need,
    setting,
    band,
    count: d(count),
    ...(annualCost ? { bespokeAnnual: d(annualCost).times(d(count)) } : {}),
  };
}

export function rate(
  setting: string,
  band: string,
  topUp: string,
  effectiveFrom = '2025-04-01',
  need: Need | '*' = '*',
): TariffRate {
  return { setting, band, need, topUp: d(topUp), effectiveFrom };
}

export function tariff(rates: TariffRate[], overrides: Partial<Tariff> = {}): Tariff {
  return {
    id: 't',
    title: 'test',
    currency: 'GBP',
    references: [{ title: 'test', url: 'https://example.invalid' }],
    settings: [
      { id: 'mainstream', label: 'Mainstream', placeValue: d('0') },
      { id: 'special', label: 'Special', placeValue: d('10000') },
    ],
    rates,
    uplift: { method: 'none' },
    ...overrides,
  };
}

const noAssumptions: Assumptions = {
  newPlansGrowth: d('0'),
  hnbGrowth: d('0'),
  tariffUplift: d('0'),
};

export function model(overrides: Partial<Model> = {}): Model {
  return {
    area: { code: 'T01', name: 'Test' },
    baseYear: 2025,
    horizon: 2026,
    tariff: tariff([rate('mainstream', '1', '1200'), rate('special', '1', '12000')]),
    assumptions: noAssumptions,
    cohort: [],
    newPlans: [],
    ceasing: [],
    transitions: [],
    places: [],
    funding: [
      { financialYear: 2025, line: 'opening_balance', amount: d('0') },
      { financialYear: 2026, line: 'hnb_allocation', amount: d('100000') },
    ],
    ...overrides,
  };
}
