import { describe, expect, it } from 'vitest';
import { checkScenarios } from '../../src/core/scenario/check.js';
import type { Lever, Scenario } from '../../src/core/scenario/types.js';
import { cell, d, model } from './builders.js';

/**
 * LEVER_AFTER_HORIZON (docs/errors.md): a lever whose first effect falls after the projection's
 * last month changes nothing. The builders' model projects to FY 2026-27, whose last month is
 * March 2027 in academic year 2026/27.
 */
const scenario = (lever: Lever): Scenario => ({
  id: 's',
  label: 's',
  assumptions: {},
  funding: [],
  inheritedLevers: 0,
  levers: [lever],
});
const ceasingFrom = (from: number): Lever => ({
  id: 'late',
  label: 'late',
  kind: 'ceasing',
  share: d('0.5'),
  filter: {},
  profile: { shape: 'step', from, fullBy: from },
});
const tariffOn = (fromDate: string): Lever => ({
  id: 'cut',
  label: 'cut',
  kind: 'tariff',
  share: d('-0.1'),
  fromDate,
  filter: {},
  profile: { shape: 'step', from: 2026, fullBy: 2026 },
});
const codes = (lever: Lever) =>
  checkScenarios(model({ cohort: [cell(5, 'ASD', 'mainstream', '1', '3')] }), [
    scenario(lever),
  ]).map((i) => i.code);

describe('a lever after the horizon', () => {
  it("is warned of from the academic year after the horizon's, not in it", () => {
    expect(model().horizon).toBe(2026);
    expect(codes(ceasingFrom(2026))).not.toContain('LEVER_AFTER_HORIZON');
    expect(codes(ceasingFrom(2027))).toEqual(['LEVER_AFTER_HORIZON']);
  });

  it("takes a tariff lever's date: the last day of March after the horizon year is in it", () => {
    expect(codes(tariffOn('2027-03-31'))).not.toContain('LEVER_AFTER_HORIZON');
    expect(codes(tariffOn('2027-04-01'))).toEqual(['LEVER_AFTER_HORIZON']);
  });

  it("still checks a move's target: an unknown setting stays an error", () => {
    const move: Lever = {
      id: 'late-move',
      label: 'late move',
      kind: 'move-placements',
      share: d('0.5'),
      filter: { settings: ['mainstream'] },
      profile: { shape: 'step', from: 2027, fullBy: 2027 },
      toSetting: 'nowhere',
    };
    expect(codes(move).sort()).toEqual(['LEVER_AFTER_HORIZON', 'UNKNOWN_SETTING']);
  });
});
