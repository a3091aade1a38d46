import { describe, expect, it } from 'vitest';
import type { Cell, Model, NewPlanRow } from '../../src/core/model.js';
import type { Projection } from '../../src/core/projection.js';
import { projectOrThrow } from '../helpers/model.js';
import { cell, d, model, rate, tariff } from './builders.js';

/**
 * Pupils placed out of area (issue 16 item 3, docs/methodology.md money example (e)) as the
 * projection moves them: they stay out of area as they age, new plans may be placed out of area,
 * and a move to another setting is a placement in the area's own providers.
 */
const TARIFF = tariff([rate('special', 'A', '12000'), rate('special2', 'A', '15000')], {
  settings: [
    { id: 'special', label: 'Special', placeValue: d('10000') },
    { id: 'special2', label: 'Another special', placeValue: d('10000') },
  ],
});
const away = (c: Cell): Cell => ({ ...c, outOfArea: true });
const run = (overrides: Partial<Model>): Projection =>
  projectOrThrow(model({ tariff: TARIFF, horizon: 2027, ...overrides }));
/** Places charged and pupils in a setting, AY by AY (2025/26 to 2027/28). */
const places = (p: Projection, setting: string) =>
  p.academicYears.map((ay) => [
    ay.placesBySetting.get(setting)?.toFixed(),
    ay.pupilsBySetting.get(setting)?.toFixed(),
  ]);

describe('out-of-area pupils as the projection moves them', () => {
  it('stay out of area as they age: top-ups every year, never a place', () => {
    const p = run({ cohort: [away(cell(3, 'ASD', 'special', 'A', '4'))] });
    expect(places(p, 'special')).toEqual([
      ['0', '4'],
      ['0', '4'],
      ['0', '4'],
    ]);
    expect(p.years.map((y) => [y.spendTopUp.toFixed(2), y.spendPlace.toFixed(2)])).toEqual([
      ['48000.00', '0.00'],
      ['48000.00', '0.00'],
    ]);
  });

  it('a transition to another setting places them in the area: charged a place there', () => {
    const p = run({
      cohort: [away(cell(3, 'ASD', 'special', 'A', '4')), cell(3, 'ASD', 'special', 'A', '1')],
      transitions: [{ fromNcy: 3, fromSetting: 'special', toSetting: 'special2', rate: d('1') }],
    });
    expect(places(p, 'special')).toEqual([
      ['1', '5'],
      ['0', '0'],
      ['0', '0'],
    ]);
    expect(places(p, 'special2')).toEqual([
      ['0', '0'],
      ['5', '5'],
      ['5', '5'],
    ]);
  });

  it('a change of band within the setting keeps them out of area', () => {
    const p = run({
      tariff: tariff([...TARIFF.rates, rate('special', 'B', '20000')], {
        settings: TARIFF.settings,
      }),
      cohort: [away(cell(3, 'ASD', 'special', 'A', '4'))],
      transitions: [
        { fromNcy: 3, fromSetting: 'special', toSetting: 'special', toBand: 'B', rate: d('1') },
      ],
    });
    expect(places(p, 'special')).toEqual([
      ['0', '4'],
      ['0', '4'],
      ['0', '4'],
    ]);
    // The top-up of band B is charged: 4 × (5 × 12,000 + 7 × 20,000) ÷ 12.
    expect(p.years[0]!.spendTopUp.toFixed(2)).toBe('66666.67');
  });

  it('new plans placed out of area join out of area; the others fill places', () => {
    const plans = (outOfArea: boolean): NewPlanRow => ({
      ncy: 3,
      need: 'ASD',
      setting: 'special',
      band: 'A',
      count: d(outOfArea ? '2' : '3'),
      ...(outOfArea ? { outOfArea: true as const } : {}),
    });
    const p = run({ newPlans: [plans(true), plans(false)] });
    expect(places(p, 'special')).toEqual([
      ['0', '0'],
      ['3', '5'],
      ['6', '10'],
    ]);
  });

  it("capacity is the area's own: out-of-area pupils neither fill it nor overflow", () => {
    const p = run({
      cohort: [away(cell(3, 'ASD', 'special', 'A', '4')), cell(3, 'ASD', 'special', 'A', '3')],
      capacity: [
        { academicYear: 2026, setting: 'special', places: d('2'), overflowTo: 'special2' },
      ],
    });
    // 3 of the area's own pupils for 2 places: 1 overflows; the 4 out of area stay.
    expect(places(p, 'special')[1]).toEqual(['2', '6']);
    expect(places(p, 'special2')[1]).toEqual(['1', '1']);
  });

  it('places given in places.csv are charged as given, whoever is out of area', () => {
    const given = [2025, 2026, 2027].map((academicYear) => ({
      academicYear,
      setting: 'special',
      places: d('7'),
    }));
    const p = run({ cohort: [away(cell(3, 'ASD', 'special', 'A', '4'))], places: given });
    expect(p.years.map((y) => y.spendPlace.toFixed(2))).toEqual(['70000.00', '70000.00']);
  });
});
