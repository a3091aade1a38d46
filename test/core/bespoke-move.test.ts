import { describe, expect, it } from 'vitest';
import { toPence } from '../../src/core/rounding.js';
import { cell, d, model, rate, tariff } from './builders.js';
import { projectOrThrow } from '../helpers/model.js';

/**
 * docs/methodology.md, "Cost": a pupil priced by their own annual_cost who moves setting under
 * transitions.csv is priced by the new setting's tariff from the move; the fee stays with the
 * pupils who stay. Hand-worked for FY 2026-27 (Apr–Aug in AY 2025/26, Sep–Mar in 2026/27).
 */
describe('a bespoke-priced pupil who moves setting takes the new setting’s tariff price', () => {
  const projection = projectOrThrow(
    model({
      tariff: tariff([rate('special', '1', '12000')], {
        settings: [
          { id: 'special', label: 'Special', placeValue: d('10000') },
          { id: 'independent', label: 'Independent', placeValue: d('0') },
        ],
      }),
      // One pupil at NCY 9 in an independent school at a fee of £60,000 a year.
      cohort: [cell(9, 'SEMH', 'independent', '', '1', '60000')],
      // Half of the independent pupils at NCY 9 move to special band 1 as they start NCY 10.
      transitions: [
        {
          fromNcy: 9,
          fromSetting: 'independent',
          toSetting: 'special',
          rate: d('0.5'),
          toBand: '1',
        },
      ],
    }),
  );
  const year = projection.years[0]!;
  const setting = (id: string) => year.settings.find((s) => s.setting === id)!;

  it('the pupil who stays keeps the fee: 1 × 60,000 × 5/12 + 0.5 × 60,000 × 7/12 = 42,500.00', () => {
    expect(toPence(setting('independent').spendTopUp)).toBe('42500.00');
  });

  it('the half who moved is charged the special tariff, not the fee: 0.5 × 12,000 × 7/12 = 3,500.00 (the fee would be 17,500.00)', () => {
    expect(toPence(setting('special').spendTopUp)).toBe('3500.00');
    expect(toPence(year.spendTopUp)).toBe('46000.00');
  });

  it("and the new setting's place: 0.5 × 10,000 × 7/12 = 2,916.67", () => {
    expect(toPence(setting('special').spendPlace)).toBe('2916.67');
  });
});

/**
 * docs/methodology.md, "Cost": within its setting (a change of need or band) a bespoke-priced
 * pupil stays in the same school on the same contract, so the fee goes with them. Before, the
 * moved pupils lost the fee and, with the empty band such pupils have, failed UNKNOWN_BAND.
 */
describe('a bespoke-priced pupil whose need changes in the same setting keeps the fee', () => {
  const build = (withChange: boolean) =>
    model({
      tariff: tariff([rate('special', '1', '12000')], {
        settings: [
          { id: 'special', label: 'Special', placeValue: d('10000') },
          { id: 'independent', label: 'Independent', placeValue: d('0') },
        ],
      }),
      cohort: [cell(9, 'SLCN', 'independent', '', '1', '60000')],
      // Half of the SLCN pupils at NCY 9 in independent schools are found to have ASD, and stay.
      transitions: withChange
        ? [
            {
              fromNcy: 9,
              fromSetting: 'independent',
              need: 'SLCN',
              toSetting: 'independent',
              toNeed: 'ASD',
              rate: d('0.5'),
            },
          ]
        : [],
    });

  it('costs the same as no change at all: 1 × 60,000 × 5/12 + 1 × 60,000 × 7/12 = 60,000.00 in FY 2026-27', () => {
    const changed = projectOrThrow(build(true));
    const unchanged = projectOrThrow(build(false));
    expect(toPence(changed.years[0]!.spendTopUp)).toBe('60000.00');
    expect(changed.years.map((y) => toPence(y.spendTotal))).toEqual(
      unchanged.years.map((y) => toPence(y.spendTotal)),
    );
  });
});
