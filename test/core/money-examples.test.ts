import { describe, expect, it } from 'vitest';
import type { Cell, FundingRow, Model, SpendRow } from '../../src/core/model.js';
import type { FinancialYearResult } from '../../src/core/projection.js';
import { toPence } from '../../src/core/rounding.js';
import type { TariffSetting } from '../../src/core/tariff.js';
import { headline } from '../../src/report/headline.js';
import { loadFixture, projectOrThrow } from '../helpers/model.js';
import { cell, d, model, rate, tariff } from './builders.js';

/**
 * The money examples of docs/methodology.md ("Money examples"), each worked by hand there and
 * asserted here to the penny. One FY (2026-27) unless said: 5 months of AY 2025/26 and 7 of
 * 2026/27, with pupils at NCY 3 who neither cease nor age out, so both AYs hold the same pupils.
 */
const SETTINGS: TariffSetting[] = [
  { id: 'special', label: 'Maintained special', placeValue: d('10000') },
  { id: 'academy', label: 'Special academy', placeValue: d('10000'), placeFundedBy: 'dfe' },
  {
    id: 'unit',
    label: 'SEN unit',
    placeValue: d('6000'),
    unoccupiedPlaceValue: d('10000'),
  },
];
const TARIFF = tariff(
  [rate('special', 'A', '12000'), rate('academy', 'A', '12000'), rate('unit', 'A', '8000')],
  { settings: SETTINGS },
);
const row = (financialYear: number, line: FundingRow['line'], amount: string): FundingRow => ({
  financialYear,
  line,
  amount: d(amount),
});
const example = (overrides: Partial<Model>): Model => model({ tariff: TARIFF, ...overrides });
const money = (year: FinancialYearResult) => ({
  topUp: toPence(year.spendTopUp),
  place: toPence(year.spendPlace),
  other: toPence(year.spendOther),
  total: toPence(year.spendTotal),
  hnb: toPence(year.income.hnb),
  deductions: toPence(year.income.hnbDeductions),
  importExport: toPence(year.income.importExport),
  income: toPence(year.income.total),
  inYear: toPence(year.inYearBalance),
});

describe('money example (a): gross and net with a "dfe" setting (docs/methodology.md)', () => {
  const cohort = [cell(3, 'ASD', 'special', 'A', '10'), cell(3, 'ASD', 'academy', 'A', '20')];
  const gross = (...funding: FundingRow[]) =>
    projectOrThrow(example({ cohort, funding: [row(2025, 'opening_balance', '0'), ...funding] }))
      .years[0]!;

  it('computed deductions: the 20 academy places × £10,000 come off the gross £1,000,000; spend charges only the 10 maintained places', () => {
    expect(money(gross(row(2026, 'hnb_allocation', '1000000')))).toEqual({
      topUp: '360000.00',
      place: '100000.00',
      other: '0.00',
      total: '460000.00',
      hnb: '1000000.00',
      deductions: '-200000.00',
      importExport: '0.00',
      income: '800000.00',
      inYear: '340000.00',
    });
  });

  it('the old model charged every place as spend against the same gross figure: the same £340,000', () => {
    const old = projectOrThrow(
      example({
        cohort,
        tariff: tariff([...TARIFF.rates], {
          settings: SETTINGS.map(({ placeFundedBy: _, ...s }) => s),
        }),
        funding: [row(2025, 'opening_balance', '0'), row(2026, 'hnb_allocation', '1000000')],
      }),
    ).years[0]!;
    expect([toPence(old.spendTotal), toPence(old.inYearBalance)]).toEqual([
      '660000.00',
      '340000.00',
    ]);
  });

  it('the published deductions (£195,000) and import/export (−£12,000) as given', () => {
    const year = gross(
      row(2026, 'hnb_allocation', '1000000'),
      row(2026, 'hnb_deductions', '195000'),
      row(2026, 'import_export', '-12000'),
    );
    expect([money(year).income, money(year).inYear, year.income.deductionsBasis]).toEqual([
      '793000.00',
      '333000.00',
      'given',
    ]);
  });

  it('net: the after-deductions £800,000 with hnb_deductions 0 gives the same £340,000', () => {
    const year = gross(row(2026, 'hnb_allocation', '800000'), row(2026, 'hnb_deductions', '0'));
    expect([money(year).income, money(year).inYear]).toEqual(['800000.00', '340000.00']);
  });
});

describe('money example (b): a half-filled SEN unit, and pupils imported into it (docs/methodology.md)', () => {
  const unit = (imported?: string) =>
    projectOrThrow(
      example({
        cohort: [cell(3, 'ASD', 'unit', 'A', '3')],
        places: [2025, 2026].map((academicYear) => ({
          academicYear,
          setting: 'unit',
          places: d('10'),
          ...(imported ? { imported: d(imported) } : {}),
        })),
      }),
    ).years[0]!;

  it('3 own pupils fill 3 of 10 places: 3 × £6,000 + 7 × £10,000 = £88,000', () => {
    expect(toPence(unit().spendPlace)).toBe('88000.00');
  });

  it('with 2 pupils from other authorities, 5 are filled: 5 × £6,000 + 5 × £10,000 = £80,000; top-ups are the 3 own pupils only', () => {
    expect([toPence(unit('2').spendPlace), toPence(unit('2').spendTopUp)]).toEqual([
      '80000.00',
      '24000.00',
    ]);
  });
});

describe('money example (c): spend lines with growth (docs/methodology.md)', () => {
  const spend: SpendRow[] = [
    { financialYear: 2026, line: 'hospital education', amount: d('100000'), growth: d('0.05') },
    { financialYear: 2026, line: 'SEN support services', amount: d('50000'), s251: '1.2.5' },
  ];
  const projection = projectOrThrow(
    example({
      horizon: 2028,
      spend,
      assumptions: { ...model().assumptions, otherSpendGrowth: d('0.02') },
    }),
  );

  it('hospital grows by its own 5%, support services by otherSpendGrowth 2%: 150,000.00, 156,000.00, 162,270.00', () => {
    expect(
      projection.years.map((y) => [
        ...y.otherSpend.map((l) => `${l.line} ${toPence(l.amount)} ${l.basis}`),
        toPence(y.spendOther),
      ]),
    ).toEqual([
      ['hospital education 100000.00 given', 'SEN support services 50000.00 given', '150000.00'],
      ['hospital education 105000.00 grown', 'SEN support services 51000.00 grown', '156000.00'],
      ['hospital education 110250.00 grown', 'SEN support services 52020.00 grown', '162270.00'],
    ]);
    expect(projection.years.map((y) => toPence(y.spendTotal))).toEqual([
      '150000.00',
      '156000.00',
      '162270.00',
    ]);
  });
});

describe('money example (d): the cost of carrying the deficit (docs/methodology.md)', () => {
  const projection = projectOrThrow(
    example({
      horizon: 2027,
      funding: [
        row(2025, 'opening_balance', '-1000000'),
        row(2026, 'hnb_allocation', '0'),
        row(2027, 'other_income', '1500000'),
      ],
      spend: [
        { financialYear: 2026, line: 'services', amount: d('200000') },
        { financialYear: 2027, line: 'services', amount: d('0') },
      ],
      deficitFinancing: { rate: d('0.045') },
    }),
  );

  it('0.045 × (1,000,000 + 1,200,000) ÷ 2 = 49,500.00; then 0.045 × (1,200,000 + 0) ÷ 2 = 27,000.00, a surplus counting 0', () => {
    expect(projection.years.map((y) => toPence(y.cumulativeBalance))).toEqual([
      '-1200000.00',
      '300000.00',
    ]);
    expect(projection.years.map((y) => toPence(y.generalFundFinancing))).toEqual([
      '49500.00',
      '27000.00',
    ]);
    expect(toPence(headline(projection).generalFundFinancing!)).toBe('76500.00');
  });
});

describe('money example (e): pupils placed out of area (docs/methodology.md)', () => {
  const outOfArea = (cell: Cell): Cell => ({ ...cell, outOfArea: true });
  const spend = (mark: (cell: Cell) => Cell) =>
    money(
      projectOrThrow(
        example({
          cohort: [
            cell(3, 'ASD', 'special', 'A', '10'),
            mark(cell(3, 'ASD', 'special', 'A', '4')),
            cell(3, 'ASD', 'unit', 'A', '5'),
            mark(cell(3, 'ASD', 'unit', 'A', '2')),
          ],
          places: [2025, 2026].map((academicYear) => ({
            academicYear,
            setting: 'unit',
            places: d('6'),
          })),
        }),
      ).years[0]!,
    );

  it("top-ups for all 21 pupils; places for the area's own: 10 × £10,000 + (5 × £6,000 + 1 × £10,000)", () => {
    expect([spend(outOfArea).topUp, spend(outOfArea).place, spend(outOfArea).total]).toEqual([
      '224000.00',
      '140000.00',
      '364000.00',
    ]);
  });

  it('without the column every pupil is in the area: 14 × £10,000 + 6 × £6,000, total £400,000', () => {
    expect([spend((c) => c).place, spend((c) => c).total]).toEqual(['176000.00', '400000.00']);
  });

  it('is fixtures/out-of-area, as read from its cohort.csv', () => {
    const year = projectOrThrow(loadFixture('out-of-area')).years[0]!;
    expect([toPence(year.spendTopUp), toPence(year.spendPlace), toPence(year.spendTotal)]).toEqual([
      '224000.00',
      '140000.00',
      '364000.00',
    ]);
  });
});
