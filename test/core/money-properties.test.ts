import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import type { Cell, Model, PlacesRow } from '../../src/core/model.js';
import { NEED_CODES, type Need } from '../../src/core/need.js';
import { project } from '../../src/core/project.js';
import type { TariffSetting } from '../../src/core/tariff.js';
import { toPence } from '../../src/core/rounding.js';
import { d, model, rate, tariff } from './builders.js';

// Seeded so a failure reproduces; fast-check prints the seed and the shrunk counterexample.
const SEED = Number.parseInt(process.env['FC_SEED'] ?? '20261206', 10);
const RUNS = { seed: SEED, numRuns: 50 };
const SETTINGS = ['mainstream', 'special', 'academy', 'unit'] as const;

const amount = (max: number) => fc.integer({ min: 0, max }).map((n) => new Dec(n).div(100));
const cellArb: fc.Arbitrary<Cell> = fc.record({
  ncy: fc.integer({ min: -3, max: 20 }),
  need: fc.constantFrom<Need>(...NEED_CODES),
  setting: fc.constantFrom(...SETTINGS),
  band: fc.constant('1'),
  count: amount(4000),
});
const placesArb: fc.Arbitrary<PlacesRow> = fc.record({
  academicYear: fc.integer({ min: 2025, max: 2029 }),
  setting: fc.constantFrom('special', 'academy', 'unit'),
  places: amount(6000),
});

const settings = (dfe: ReadonlySet<string>): TariffSetting[] =>
  [
    { id: 'mainstream', label: 'Mainstream', placeValue: d('0') },
    { id: 'special', label: 'Special', placeValue: d('10000') },
    { id: 'academy', label: 'Academy', placeValue: d('10000') },
    {
      id: 'unit',
      label: 'Unit',
      placeValue: d('6000'),
      unoccupiedPlaceValue: d('10000'),
    },
  ].map((s) => (dfe.has(s.id) ? { ...s, placeFundedBy: 'dfe' as const } : s));

const caseArb = fc.record({
  cohort: fc.array(cellArb, { maxLength: 25 }),
  places: fc.uniqueArray(placesArb, {
    maxLength: 8,
    selector: (row) => `${row.academicYear}|${row.setting}`,
  }),
  dfe: fc.subarray(['special', 'academy', 'unit']),
  hnb: fc.integer({ min: 0, max: 90_000_000 }),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case, dfe: ReadonlySet<string>): Model {
  const rates = SETTINGS.map((s, i) => rate(s, '1', String(2000 + i * 7001)));
  return model({
    cohort: c.cohort,
    places: c.places,
    horizon: 2029,
    tariff: tariff(rates, { settings: settings(dfe) }),
    funding: [
      { financialYear: 2025, line: 'opening_balance', amount: d('-100000') },
      { financialYear: 2026, line: 'hnb_allocation', amount: new Dec(c.hnb) },
    ],
  });
}

describe('gross HNB less computed deductions (docs/methodology.md, "Gross, deductions and net")', () => {
  it('reproduces the old in-year balance, where every place was charged as spend, on random models', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        // The old model: every setting "la", so every place is spend and nothing is deducted.
        const old = project(build(c, new Set())).projection!;
        const split = project(build(c, new Set(c.dfe))).projection!;
        old.years.forEach((year, i) => {
          const now = split.years[i]!;
          expect(now.income.hnbDeductions.negated().minus(now.placeDfe).abs().lt('1e-20')).toBe(
            true,
          );
          expect(now.inYearBalance.minus(year.inYearBalance).abs().lt('1e-20')).toBe(true);
          expect(toPence(now.cumulativeBalance)).toBe(toPence(year.cumulativeBalance));
          // The places move from spend to deductions; gross income is the same.
          expect(now.income.hnb.eq(year.income.hnb)).toBe(true);
          expect(now.spendPlace.plus(now.placeDfe).minus(year.spendPlace).abs().lt('1e-20')).toBe(
            true,
          );
        });
      }),
      RUNS,
    );
  });
});
