import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/core/model.js';
import { projectScenario } from '../../src/core/scenario/apply.js';
import { checkScenarios } from '../../src/core/scenario/check.js';
import type { Filter, Lever, Scenario } from '../../src/core/scenario/types.js';
import { cell, d, model } from './builders.js';

/**
 * LEVER_MATCHES_NOTHING (docs/errors.md) fires only for a lever that changes nothing: one whose
 * filter matches no base pupil or new plan, but a place pupils reach later (by ageing, a
 * transition or another lever of the scenario), is no warning. Each case is checked against the
 * projection itself: the lever changes the pupils exactly when no warning is given.
 */
const profile = { shape: 'step', from: 2025, fullBy: 2025 } as const;
const ceasing = (filter: Filter): Lever => ({
  id: 'keep',
  label: 'half as many plans end',
  kind: 'ceasing',
  share: d('-0.5'),
  filter,
  profile,
});
const scenario = (...levers: Lever[]): Scenario => ({
  id: 's',
  label: 's',
  assumptions: {},
  funding: [],
  inheritedLevers: 0,
  levers,
});

/** Half the mainstream pupils (or new plans) sent to special, band 1, by a lever of this kind. */
const toSpecial = (kind: 'shift-new-plans' | 'move-placements'): Lever => ({
  id: kind === 'shift-new-plans' ? 'shift' : 'move',
  label: 'to special',
  kind,
  share: d('0.5'),
  filter: { settings: ['mainstream'] },
  profile,
  toSetting: 'special',
  toBand: '1',
});

// Ten ASD pupils at NCY 12 in mainstream in January 2026 (2025/26); half of NCY 13 cease, and
// the horizon 2027-28 takes them to NCY 14.
const base = (overrides: Partial<Model> = {}): Model =>
  model({
    horizon: 2027,
    cohort: [cell(12, 'ASD', 'mainstream', '1', '10')],
    ceasing: [{ ncy: 13, rate: d('0.5') }],
    ...overrides,
  });

const warned = (m: Model, s: Scenario): boolean =>
  checkScenarios(m, [s]).some((issue) => issue.code === 'LEVER_MATCHES_NOTHING');

/** Whether the scenario projects other pupils, in any year, than `without` (the model as given). */
function changes(m: Model, s: Scenario, without = scenario()): boolean {
  const pupils = (run: Scenario) =>
    projectScenario(m, run)
      .projection!.years.map((y) => y.pupilsJanuary.toString())
      .join();
  return pupils(s) !== pupils(without);
}

describe('LEVER_MATCHES_NOTHING looks where pupils are over the years', () => {
  it('a ceasing lever at an NCY the cohort reaches by ageing is no warning; one past the horizon still is', () => {
    const m = base();
    const reached = scenario(ceasing({ ncyFrom: 13, ncyTo: 13 }));
    expect(changes(m, reached)).toBe(true);
    expect(warned(m, reached)).toBe(false);
    // NCY 16 is beyond where the horizon takes the cohort (NCY 14): the lever changes nothing.
    const beyond = scenario(ceasing({ ncyFrom: 16 }));
    expect(changes(m, beyond)).toBe(false);
    expect(warned(m, beyond)).toBe(true);
  });

  it('a setting reached only by a transition is no warning', () => {
    const m = base({
      transitions: [
        { fromNcy: 12, fromSetting: 'mainstream', toSetting: 'special', rate: d('0.4') },
      ],
    });
    const s = scenario(ceasing({ settings: ['special'] }));
    expect(changes(m, s)).toBe(true);
    expect(warned(m, s)).toBe(false);
  });

  it("a setting reached only by the scenario's own move lever is no warning", () => {
    const m = base();
    const move = toSpecial('move-placements');
    const s = scenario(move, ceasing({ settings: ['special'] }));
    // The ceasing lever changes the pupils beyond what the move alone does.
    expect(changes(m, s, scenario(move))).toBe(true);
    expect(warned(m, s)).toBe(false);
  });
});

describe('LEVER_MATCHES_NOTHING: a move lever moves pupils only in the years of its profile', () => {
  // The cohort is at NCY 13 in 2026/27 and NCY 14 in 2027/28: a move of NCY 14 pupils in
  // 2026/27 finds none there, although pupils reach NCY 14 the year after.
  const moveAt14 = (from: number, share = '0.5'): Lever => ({
    id: 'move',
    label: 'to special',
    kind: 'move-placements',
    share: d(share),
    filter: { ncyFrom: 14, ncyTo: 14 },
    profile: { shape: 'step', from, fullBy: from },
    toSetting: 'special',
    toBand: '1',
  });
  // A move changes where pupils are, not how many: compare them setting by setting.
  const placed = (s: Scenario): string =>
    projectScenario(base(), s)
      .projection!.academicYears.map((y) =>
        [...y.pupilsBySetting].map(([setting, pupils]) => `${setting} ${pupils.toString()}`),
      )
      .join();
  const moves = (s: Scenario): boolean => placed(s) !== placed(scenario());
  const messages = (m: Model, s: Scenario): string[] =>
    checkScenarios(m, [s])
      .filter((issue) => issue.code === 'LEVER_MATCHES_NOTHING')
      .map((issue) => issue.message);

  it('warns for a move whose profile ends before pupils reach its filter', () => {
    const early = scenario(moveAt14(2026));
    expect(moves(early)).toBe(false);
    expect(messages(base(), early)).toEqual([
      'lever "move" of scenario "s" moves no pupil: pupils reach its filter only outside the years its profile moves them (2026/27), so it changes nothing',
    ]);
  });

  it('is quiet for the same move in the year the pupils are there, and for a share of 0 (a range drawn by simulate)', () => {
    const timely = scenario(moveAt14(2027));
    expect(moves(timely)).toBe(true);
    expect(warned(base(), timely)).toBe(false);
    expect(warned(base(), scenario(moveAt14(2026, '0')))).toBe(false);
  });
});

describe('LEVER_MATCHES_NOTHING: levers of new plans look at new plans as they join', () => {
  // Five new ASD plans a year join mainstream at NCY 4 (the cohort is at NCY 12 in mainstream).
  const m = base({
    newPlans: [{ ncy: 4, need: 'ASD', setting: 'mainstream', band: '1', count: d('5') }],
  });
  const fewer = (filter: Filter): Lever => ({
    id: 'fewer',
    label: 'fewer new plans',
    kind: 'new-plans',
    share: d('-0.5'),
    filter,
    profile,
  });

  it('warns for a new-plans lever that matches only the cohort, which it never touches', () => {
    const s = scenario(fewer({ ncyFrom: 12, ncyTo: 12 }));
    expect(changes(m, s)).toBe(false);
    expect(warned(m, s)).toBe(true);
    const joining = scenario(fewer({ ncyFrom: 4, ncyTo: 4 }));
    expect(changes(m, joining)).toBe(true);
    expect(warned(m, joining)).toBe(false);
  });

  it("a setting new plans reach only by the scenario's own shift before it is no warning", () => {
    const shift = toSpecial('shift-new-plans');
    const s = scenario(shift, fewer({ settings: ['special'] }));
    expect(changes(m, s, scenario(shift))).toBe(true);
    expect(warned(m, s)).toBe(false);
  });
});

/**
 * LEVER_PRICES_NO_PUPIL: a tariff lever whose filter matches tariff rates but whose pupils are
 * all priced by their own annual_cost saves nothing, and says so; checked against the projection,
 * as above: the lever changes the spend exactly when no warning is given.
 */
const cut = (filter: Filter): Lever => ({
  id: 'cut',
  label: 'rates 10% lower',
  kind: 'tariff',
  share: d('-0.1'),
  fromDate: '2025-09-01',
  filter,
  profile,
});

// Two SEMH pupils in special on a fee of their own; ASD pupils in mainstream (and, in `partial`,
// one in special) priced by the tariff, which prices every need in both settings.
const fees = (...extra: Model['cohort']): Model =>
  model({
    horizon: 2027,
    cohort: [
      cell(5, 'SEMH', 'special', '', '2', '30000'),
      cell(7, 'ASD', 'mainstream', '1', '4'),
      ...extra,
    ],
  });

const warnings = (m: Model, s: Scenario): string[] =>
  checkScenarios(m, [s])
    .filter((issue) => issue.code === 'LEVER_PRICES_NO_PUPIL')
    .map((issue) => issue.message);

/** Whether the scenario's spend differs, in any year, from `without`'s. */
function saves(m: Model, s: Scenario, without = scenario()): boolean {
  const spend = (run: Scenario) =>
    projectScenario(m, run)
      .projection!.years.map((y) => y.spendTotal.toFixed(2))
      .join();
  return spend(s) !== spend(without);
}

const feesOnly =
  'lever "cut" of scenario "s" changes the price of no pupil: every pupil in its filter is priced by their own annual_cost (cohort.csv), which a tariff lever does not change, so it saves nothing';

describe('LEVER_PRICES_NO_PUPIL: a tariff lever whose pupils are priced by annual_cost', () => {
  it('warns when every pupil in its setting has a fee of their own', () => {
    const s = scenario(cut({ settings: ['special'] }));
    expect(saves(fees(), s)).toBe(false);
    expect(warnings(fees(), s)).toEqual([feesOnly]);
  });

  it('is quiet when some pupils there are priced by the tariff: the saving is real', () => {
    const partial = fees(cell(6, 'ASD', 'special', '1', '1'));
    const s = scenario(cut({ settings: ['special'] }));
    expect(saves(partial, s)).toBe(true);
    expect(warnings(partial, s)).toEqual([]);
  });

  it('looks at the needs of its filter: a cut for SEMH, whose pupils there all have fees, still warns', () => {
    const partial = fees(cell(6, 'ASD', 'special', '1', '1'));
    const s = scenario(cut({ settings: ['special'], needs: ['SEMH'] }));
    expect(saves(partial, s)).toBe(false);
    expect(warnings(partial, s)).toEqual([feesOnly]);
  });

  it("is quiet when the scenario's own move sends tariff-priced pupils there", () => {
    const move = toSpecial('move-placements');
    const s = scenario(move, cut({ settings: ['special'] }));
    expect(saves(fees(), s, scenario(move))).toBe(true);
    expect(warnings(fees(), s)).toEqual([]);
  });

  it('says so when its rates price no pupil at all', () => {
    const m = model({
      horizon: 2027,
      cohort: [cell(7, 'ASD', 'mainstream', '1', '4')],
    });
    const s = scenario(cut({ settings: ['special'] }));
    expect(saves(m, s)).toBe(false);
    expect(warnings(m, s)).toEqual([
      'lever "cut" of scenario "s" changes the price of no pupil: no pupil or new plan is in its filter in any year to the horizon, so it saves nothing',
    ]);
  });
});

describe('LEVER_SETTING_UNKNOWN beside LEVER_MATCHES_NOTHING', () => {
  const codes = (filter: Filter): string[] =>
    checkScenarios(base(), [scenario(ceasing(filter))]).map((issue) => issue.code);

  it('is said of a lever that acts on the settings the tariff has', () => {
    expect(codes({ settings: ['mainstream', 'Special School'] })).toEqual([
      'LEVER_SETTING_UNKNOWN',
    ]);
  });

  it('is not said of one that matches nothing, which LEVER_MATCHES_NOTHING says with the same hint (found by a review)', () => {
    expect(codes({ needs: ['VI'], settings: ['mainstream', 'Special School'] })).toEqual([
      'LEVER_MATCHES_NOTHING',
    ]);
  });
});
