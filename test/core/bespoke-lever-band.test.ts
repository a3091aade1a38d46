import { describe, expect, it } from 'vitest';
import { toPence } from '../../src/core/rounding.js';
import { projectScenario } from '../../src/core/scenario/apply.js';
import { checkScenarios } from '../../src/core/scenario/check.js';
import type { Scenario } from '../../src/core/scenario/types.js';
import { cell, d, model, rate, tariff } from './builders.js';

/**
 * docs/methodology.md, "Cost": a bespoke-priced pupil moved by a lever to another band of their
 * own setting keeps the fee (src/core/demand/lanes.ts movedLane). The scenario check still asks
 * for a to.band the tariff prices there: tariff-priced pupils may reach the setting later (by a
 * transition) and be moved to that band too, and the check sees only the base cohort.
 */
const settings = [
  { id: 'special', label: 'Special', placeValue: d('10000') },
  { id: 'independent', label: 'Independent', placeValue: d('0') },
  { id: 'mainstream', label: 'Mainstream', placeValue: d('0') },
];
const relabel = (toBand: string): Scenario => ({
  id: 's',
  label: 's',
  assumptions: {},
  funding: [],
  inheritedLevers: 0,
  levers: [
    {
      id: 'relabel',
      label: 'relabel',
      kind: 'move-placements',
      share: d('1'),
      filter: { settings: ['independent'] },
      profile: { shape: 'step', from: 2026, fullBy: 2026 },
      toSetting: 'independent',
      toBand,
    },
  ],
});
// One pupil at NCY 9 in an independent school at a fee of £60,000 a year.
const fee = cell(9, 'SEMH', 'independent', '', '1', '60000');

describe('a lever moving bespoke-priced pupils to another band of their own setting', () => {
  it('keeps the fee: 1 × 60,000 × 5/12 + 1 × 60,000 × 7/12 = 60,000.00 in FY 2026-27', () => {
    const m = model({
      tariff: tariff([rate('independent', '2', '30000')], { settings }),
      cohort: [fee],
    });
    const moved = projectScenario(m, relabel('2')).projection!;
    expect(toPence(moved.years[0]!.spendTopUp)).toBe('60000.00');
  });

  it('is refused at the lever when the band is not priced there, since tariff-priced pupils who arrive later would reach it', () => {
    const m = model({
      tariff: tariff([rate('independent', '1', '30000'), rate('mainstream', '1', '1000')], {
        settings,
      }),
      cohort: [fee, cell(5, 'ASD', 'mainstream', '1', '10')],
      // Half of mainstream NCY 5 move to independent band 1: the lever then moves them to band A.
      transitions: [
        { fromNcy: 5, fromSetting: 'mainstream', toSetting: 'independent', rate: d('0.5') },
      ],
    });
    expect(checkScenarios(m, [relabel('A')]).map((i) => i.code)).toEqual(['UNKNOWN_BAND']);
    expect(projectScenario(m, relabel('A')).issues.map((i) => i.code)).toContain('UNKNOWN_BAND');
  });
});
