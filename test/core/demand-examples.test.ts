import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/core/model.js';
import type { Projection } from '../../src/core/projection.js';
import { toCount2dp, toPence } from '../../src/core/rounding.js';
import { d, cell, model, rate, tariff } from './builders.js';
import { loadFixture, projectOrThrow } from '../helpers/model.js';

/*
 * The demand examples of docs/methodology.md ("Demand examples"), each worked by hand there and
 * rechecked in exact decimals by a separate script before being asserted here: every money figure
 * the document prints is asserted to the penny, every count to 2 dp. Each example is built in code;
 * the last block loads fixtures/demand-example, the three together, which prints their sums.
 *
 * Common: baseYear 2025/26, horizon 2027-28, newPlansGrowth 0.25, flat rates (uplift none). FY y
 * is 5/12 of AY y−1 (Apr–Aug) and 7/12 of AY y (Sep–Mar).
 */
const demandTariff = tariff(
  [
    rate('mainstream', 'A', '6000'),
    rate('special', 'B', '12000'),
    rate('special', 'B', '15000', '2025-04-01', 'ASD'),
    rate('independent', 'IS', '50000'),
  ],
  {
    settings: [
      { id: 'mainstream', label: 'Mainstream', placeValue: d('0') },
      { id: 'special', label: 'Special school', placeValue: d('10000') },
      { id: 'independent', label: 'Independent special school', placeValue: d('0') },
    ],
  },
);

const example = (overrides: Partial<Model>): Model =>
  model({
    baseYear: 2025,
    horizon: 2027,
    tariff: demandTariff,
    assumptions: { newPlansGrowth: d('0.25'), hnbGrowth: d('0'), tariffUplift: d('0') },
    ...overrides,
  });

/** One FY's figures as printed: pupils in January to 2 dp, money to the penny, by setting too. */
function printed(projection: Projection, fy: number) {
  const year = projection.years.find((y) => y.financialYear === fy)!;
  const bySetting = Object.fromEntries(
    year.settings.map((s) => [
      s.setting,
      {
        pupils: toCount2dp(s.pupilsJanuary),
        topUp: toPence(s.spendTopUp),
        place: toPence(s.spendPlace),
      },
    ]),
  );
  return {
    pupils: toCount2dp(year.pupilsJanuary),
    topUp: toPence(year.spendTopUp),
    place: toPence(year.spendPlace),
    total: toPence(year.spendTotal),
    bySetting,
  };
}

const pupilsByAcademicYear = (projection: Projection) =>
  projection.academicYears.map((ay) => toCount2dp(ay.pupils));
const pupilsIn = (projection: Projection, setting: string) =>
  projection.academicYears.map((ay) => toCount2dp(ay.pupilsBySetting.get(setting) ?? d('0')));

/** A setting's flows into an AY, as 2 dp counts, in the order of the identity. */
function flowsInto(projection: Projection, ay: number, setting: string) {
  const f = projection.academicYears
    .find((y) => y.academicYear === ay)!
    .flows!.bySetting.get(setting)!;
  const two = (x: Decimal) => toCount2dp(x);
  return {
    opening: two(f.opening),
    newPlans: two(f.newPlans),
    movedIn: two(f.movedIn),
    overflowIn: two(f.overflowIn),
    ceased: two(f.ceased),
    movedOut: two(f.movedOut),
    overflowOut: two(f.overflowOut),
    agedOut: two(f.agedOut),
    closing: two(f.closing),
  };
}
const noFlows = {
  opening: '0.00',
  newPlans: '0.00',
  movedIn: '0.00',
  overflowIn: '0.00',
  ceased: '0.00',
  movedOut: '0.00',
  overflowOut: '0.00',
  agedOut: '0.00',
  closing: '0.00',
};

describe('demand example (a): a need change (docs/methodology.md)', () => {
  // 20 SLCN pupils in mainstream band A at NCY 6; 20% of SLCN pupils move to special band B as ASD;
  // a row without a need would move 10%, but the SLCN row replaces it for SLCN pupils. 25% cease at NCY 7.
  const transitions = [
    {
      fromNcy: 6,
      fromSetting: 'mainstream',
      toSetting: 'special',
      rate: d('0.2'),
      toBand: 'B',
      need: 'SLCN' as const,
      toNeed: 'ASD' as const,
    },
    { fromNcy: 6, fromSetting: 'mainstream', toSetting: 'special', rate: d('0.1'), toBand: 'B' },
  ];
  const needChange = example({
    cohort: [cell(6, 'SLCN', 'mainstream', 'A', '20')],
    ceasing: [{ ncy: 7, rate: d('0.25') }],
    transitions,
  });
  const projection = projectOrThrow(needChange);

  it('pupils: 20 SLCN → 16 SLCN in mainstream + 4 ASD in special → 12 + 3 after 25% cease at NCY 7', () => {
    expect(pupilsByAcademicYear(projection)).toEqual(['20.00', '20.00', '15.00']);
    expect(pupilsIn(projection, 'mainstream')).toEqual(['20.00', '16.00', '12.00']);
    expect(pupilsIn(projection, 'special')).toEqual(['0.00', '4.00', '3.00']);
    expect(flowsInto(projection, 2026, 'mainstream')).toEqual({
      ...noFlows,
      opening: '20.00',
      movedOut: '4.00',
      closing: '16.00',
    });
    expect(flowsInto(projection, 2026, 'special')).toEqual({
      ...noFlows,
      movedIn: '4.00',
      closing: '4.00',
    });
    expect(flowsInto(projection, 2027, 'mainstream')).toEqual({
      ...noFlows,
      opening: '16.00',
      ceased: '4.00',
      closing: '12.00',
    });
    expect(flowsInto(projection, 2027, 'special')).toEqual({
      ...noFlows,
      opening: '4.00',
      ceased: '1.00',
      closing: '3.00',
    });
  });

  it('FY 2026-27: the 4 pupils are ASD now, so special charges the ASD rate, 15,000 (4 × 15,000 × 7/12 = 35,000.00)', () => {
    expect(printed(projection, 2026)).toEqual({
      pupils: '20.00',
      topUp: '141000.00',
      place: '23333.33',
      total: '164333.33',
      bySetting: {
        mainstream: { pupils: '16.00', topUp: '106000.00', place: '0.00' },
        special: { pupils: '4.00', topUp: '35000.00', place: '23333.33' },
        independent: { pupils: '0.00', topUp: '0.00', place: '0.00' },
      },
    });
  });

  it('FY 2027-28: top-ups 133,250.00; places 34,166.67 (4 places for 5 months, 3 for 7); spend 167,416.67', () => {
    expect(printed(projection, 2027)).toEqual({
      pupils: '15.00',
      topUp: '133250.00',
      place: '34166.67',
      total: '167416.67',
      bySetting: {
        mainstream: { pupils: '12.00', topUp: '82000.00', place: '0.00' },
        special: { pupils: '3.00', topUp: '51250.00', place: '34166.67' },
        independent: { pupils: '0.00', topUp: '0.00', place: '0.00' },
      },
    });
  });

  it('without the SLCN row, the row without a need applies: 2 move, still SLCN, at the "*" rate (special top-up 14,000.00 in FY 2026-27)', () => {
    const generic = projectOrThrow({ ...needChange, transitions: [transitions[1]!] });
    expect(pupilsIn(generic, 'special')).toEqual(['0.00', '2.00', '1.50']);
    expect(printed(generic, 2026).bySetting['special']).toEqual({
      pupils: '2.00',
      topUp: '14000.00',
      place: '11666.67',
    });
  });
});

describe('demand example (b): new plans per head of population (docs/methodology.md)', () => {
  // 0.004 new plans per child at NCY 0 (4 per 1,000), ASD, mainstream band A; population 1,500 then 1,550.
  const perHead = example({
    newPlans: [{ ncy: 0, need: 'ASD', setting: 'mainstream', band: 'A', rate: d('0.004') }],
    population: [
      { academicYear: 2026, ncy: 0, population: d('1500') },
      { academicYear: 2027, ncy: 0, population: d('1550') },
    ],
  });
  const projection = projectOrThrow(perHead);

  it('6 new plans in 2026/27 (0.004 × 1,500), 6.2 in 2027/28 (0.004 × 1,550): growth 0.25 does not apply to a rate', () => {
    expect(pupilsByAcademicYear(projection)).toEqual(['0.00', '6.00', '12.20']);
    expect(flowsInto(projection, 2026, 'mainstream')).toEqual({
      ...noFlows,
      newPlans: '6.00',
      closing: '6.00',
    });
    expect(flowsInto(projection, 2027, 'mainstream')).toEqual({
      ...noFlows,
      opening: '6.00',
      newPlans: '6.20',
      closing: '12.20',
    });
  });

  it('FY 2026-27: 6 × 6,000 × 7/12 = 21,000.00; FY 2027-28: 6 × 6,000 × 5/12 + 12.2 × 6,000 × 7/12 = 57,700.00', () => {
    expect(printed(projection, 2026)).toMatchObject({
      pupils: '6.00',
      topUp: '21000.00',
      place: '0.00',
      total: '21000.00',
    });
    expect(printed(projection, 2027)).toMatchObject({
      pupils: '12.20',
      topUp: '57700.00',
      place: '0.00',
      total: '57700.00',
    });
  });
});

describe('demand example (c): capacity and overflow (docs/methodology.md)', () => {
  // 9 SEMH pupils in special band B at NCY 9; 4 new SEMH special plans a year at NCY 9 (grown 25%: 4, 5);
  // special holds 10 in 2026/27 and 12 in 2027/28; pupils above go to independent, band IS.
  const overflow = example({
    cohort: [cell(9, 'SEMH', 'special', 'B', '9')],
    newPlans: [{ ncy: 9, need: 'SEMH', setting: 'special', band: 'B', count: d('4') }],
    capacity: [
      {
        academicYear: 2026,
        setting: 'special',
        places: d('10'),
        overflowTo: 'independent',
        overflowBand: 'IS',
      },
      {
        academicYear: 2027,
        setting: 'special',
        places: d('12'),
        overflowTo: 'independent',
        overflowBand: 'IS',
      },
    ],
  });
  const projection = projectOrThrow(overflow);

  it('the new plans overflow first: 3 of the 4 new plans, then 3 of the 5; the pupils already there stay', () => {
    expect(pupilsByAcademicYear(projection)).toEqual(['9.00', '13.00', '18.00']);
    expect(pupilsIn(projection, 'special')).toEqual(['9.00', '10.00', '12.00']);
    expect(pupilsIn(projection, 'independent')).toEqual(['0.00', '3.00', '6.00']);
    expect(flowsInto(projection, 2026, 'special')).toEqual({
      ...noFlows,
      opening: '9.00',
      newPlans: '4.00',
      overflowOut: '3.00',
      closing: '10.00',
    });
    expect(flowsInto(projection, 2026, 'independent')).toEqual({
      ...noFlows,
      overflowIn: '3.00',
      closing: '3.00',
    });
    expect(flowsInto(projection, 2027, 'special')).toEqual({
      ...noFlows,
      opening: '10.00',
      newPlans: '5.00',
      overflowOut: '3.00',
      closing: '12.00',
    });
    expect(flowsInto(projection, 2027, 'independent')).toEqual({
      ...noFlows,
      opening: '3.00',
      overflowIn: '3.00',
      closing: '6.00',
    });
  });

  it('FY 2026-27: special 115,000.00 + independent 87,500.00 top-ups; places 95,833.33 (9 for 5 months, 10 for 7)', () => {
    expect(printed(projection, 2026)).toEqual({
      pupils: '13.00',
      topUp: '202500.00',
      place: '95833.33',
      total: '298333.33',
      bySetting: {
        mainstream: { pupils: '0.00', topUp: '0.00', place: '0.00' },
        special: { pupils: '10.00', topUp: '115000.00', place: '95833.33' },
        independent: { pupils: '3.00', topUp: '87500.00', place: '0.00' },
      },
    });
  });

  it('FY 2027-28: special 134,000.00 + independent 237,500.00 top-ups; places 111,666.67; spend 483,166.67', () => {
    expect(printed(projection, 2027)).toEqual({
      pupils: '18.00',
      topUp: '371500.00',
      place: '111666.67',
      total: '483166.67',
      bySetting: {
        mainstream: { pupils: '0.00', topUp: '0.00', place: '0.00' },
        special: { pupils: '12.00', topUp: '134000.00', place: '111666.67' },
        independent: { pupils: '6.00', topUp: '237500.00', place: '0.00' },
      },
    });
  });
});

describe('the three together: fixtures/demand-example (docs/methodology.md)', () => {
  // Special holds 14 and 15: (c)'s 10 and 12 plus (a)'s 4 and 3 ASD pupils, so the same 3 new plans
  // overflow each year and every figure is the sum of the three examples'.
  const projection = projectOrThrow(loadFixture('demand-example'));

  it('FY 2026-27: 39 pupils; spend 364,500.00 + 119,166.67 = 483,666.67; in-year −3,666.67; cumulative −253,666.67', () => {
    expect(printed(projection, 2026)).toEqual({
      pupils: '39.00',
      topUp: '364500.00',
      place: '119166.67',
      total: '483666.67',
      bySetting: {
        mainstream: { pupils: '22.00', topUp: '127000.00', place: '0.00' },
        special: { pupils: '14.00', topUp: '150000.00', place: '119166.67' },
        independent: { pupils: '3.00', topUp: '87500.00', place: '0.00' },
      },
    });
    const year = projection.years[0]!;
    expect(toPence(year.income.total)).toBe('480000.00');
    expect(toPence(year.inYearBalance)).toBe('-3666.67');
    expect(toPence(year.cumulativeBalance)).toBe('-253666.67');
  });

  it('FY 2027-28: 45.20 pupils; spend 562,450.00 + 145,833.33 = 708,283.33; HNB 504,000.00; cumulative −457,950.00', () => {
    expect(printed(projection, 2027)).toEqual({
      pupils: '45.20',
      topUp: '562450.00',
      place: '145833.33',
      total: '708283.33',
      bySetting: {
        mainstream: { pupils: '24.20', topUp: '139700.00', place: '0.00' },
        special: { pupils: '15.00', topUp: '185250.00', place: '145833.33' },
        independent: { pupils: '6.00', topUp: '237500.00', place: '0.00' },
      },
    });
    const year = projection.years[1]!;
    expect(toPence(year.income.hnb)).toBe('504000.00');
    expect(toPence(year.inYearBalance)).toBe('-204283.33');
    expect(toPence(year.cumulativeBalance)).toBe('-457950.00');
  });
});
