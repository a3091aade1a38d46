import { describe, expect, it } from 'vitest';
import type { FundingRow } from '../../src/core/model.js';
import { project } from '../../src/core/project.js';
import type { TariffSetting } from '../../src/core/tariff.js';
import { cell, d, model, rate, tariff } from './builders.js';

/**
 * PLACE_FUNDER_SUSPECT was raised by `tariffs check` only, so a model whose tariff left a special
 * academy "la" beside published deductions projected without a word, while its academy places
 * were charged as spend and taken off the HNB both (20 × £10,000 counted twice a year here). It is
 * raised by project and validate now where funding gives deductions; with computed deductions a
 * place is spend or deducted, never both.
 */
const SETTINGS: TariffSetting[] = [
  { id: 'special-academy', label: 'Special academy', placeValue: d('10000') },
  { id: 'nmss', label: 'Non-maintained special', placeValue: d('6000'), placeFundedBy: 'dfe' },
];
const row = (financialYear: number, line: FundingRow['line'], amount: string): FundingRow => ({
  financialYear,
  line,
  amount: d(amount),
});
const codes = (funding: FundingRow[], settings = SETTINGS) =>
  project(
    model({
      tariff: tariff([rate('special-academy', 'A', '12000'), rate('nmss', 'A', '40000')], {
        settings,
      }),
      cohort: [cell(3, 'ASD', 'special-academy', 'A', '20')],
      funding: [
        row(2025, 'opening_balance', '0'),
        row(2026, 'hnb_allocation', '1000000'),
        ...funding,
      ],
    }),
  ).issues.map((i) => i.code);

describe('PLACE_FUNDER_SUSPECT in a model', () => {
  it('is raised where funding.csv gives deductions', () => {
    expect(codes([row(2026, 'hnb_deductions', '195000')])).toContain('PLACE_FUNDER_SUSPECT');
  });

  it('is not raised where the deductions are computed, nor where the setting says "dfe"', () => {
    expect(codes([])).not.toContain('PLACE_FUNDER_SUSPECT');
    const marked = SETTINGS.map((s) => ({ ...s, placeFundedBy: 'dfe' as const }));
    expect(codes([row(2026, 'hnb_deductions', '195000')], marked)).not.toContain(
      'PLACE_FUNDER_SUSPECT',
    );
  });
});
