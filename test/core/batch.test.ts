import { describe, expect, it } from 'vitest';
import { nationalTotals } from '../../src/core/batch/national.js';
import { largestDeficitsPerPupil } from '../../src/core/batch/ranking.js';
import { Dec } from '../../src/core/decimal.js';

const row = (
  area: string,
  scenario: string,
  financialYear: string,
  inYear: string,
  cumulative: string,
) => ({
  area,
  scenario,
  financialYear,
  figures: { in_year_balance: new Dec(inYear), cumulative_balance: new Dec(cumulative) },
});
const BALANCES = {
  inYear: 'in_year_balance',
  cumulative: 'cumulative_balance',
  underlying: 'underlying_in_year_balance',
};

describe('national totals of a batch', () => {
  it('sums each figure per scenario and year, counts areas in deficit (zero is not a deficit), scenarios in the order given', () => {
    const totals = nationalTotals(
      [
        row('B', 'base', '2027-28', '-1.00', '-5.00'),
        row('A', 'base', '2026-27', '0.00', '-4.00'),
        row('B', 'base', '2026-27', '-2.50', '3.00'),
        row('A', 'alt', '2026-27', '1.00', '1.00'),
        row('A', 'base', '2027-28', '2.00', '-2.00'),
      ],
      ['base', 'alt'],
      BALANCES,
    );
    expect(
      totals.map((t) => [
        t.scenario,
        t.financialYear,
        t.areas,
        t.totals['in_year_balance']!.toFixed(2),
        t.totals['cumulative_balance']!.toFixed(2),
        t.inYearDeficits,
        t.cumulativeDeficits,
      ]),
    ).toEqual([
      ['base', '2026-27', 2, '-2.50', '-1.00', 1, 1],
      ['base', '2027-28', 2, '1.00', '-7.00', 1, 2],
      ['alt', '2026-27', 1, '1.00', '1.00', 0, 0],
    ]);
  });

  it('counts areas in underlying in-year deficit apart: a write-off or Safety Valve year can leave the in-year balance above zero', () => {
    const withUnderlying = (area: string, inYear: string, underlying: string) => ({
      area,
      scenario: 's',
      financialYear: '2026-27',
      figures: {
        in_year_balance: new Dec(inYear),
        cumulative_balance: new Dec('0'),
        underlying_in_year_balance: new Dec(underlying),
      },
    });
    const [year] = nationalTotals(
      [
        withUnderlying('A', '100.00', '-900.00'),
        withUnderlying('B', '5.00', '5.00'),
        withUnderlying('C', '-1.00', '-1.00'),
        withUnderlying('D', '0.00', '-0.00'),
      ],
      ['s'],
      BALANCES,
    );
    expect([year!.inYearDeficits, year!.underlyingInYearDeficits]).toEqual([1, 2]);
  });

  it('does not depend on the order of the rows', () => {
    const rows = [
      row('A', 's', '2026-27', '-1.10', '-2.20'),
      row('B', 's', '2026-27', '3.30', '-4.40'),
      row('C', 's', '2027-28', '0.01', '0.02'),
    ];
    const forward = nationalTotals(rows, ['s'], BALANCES);
    const backward = nationalTotals([...rows].reverse(), ['s'], BALANCES);
    expect(
      backward.map((t) => [t.financialYear, t.totals['cumulative_balance']!.toFixed(2)]),
    ).toEqual(forward.map((t) => [t.financialYear, t.totals['cumulative_balance']!.toFixed(2)]));
  });
});

describe('largest cumulative deficit per pupil at the horizon', () => {
  const at = (area: string, pupils: string, cumulative: string) => ({
    area,
    name: area,
    financialYear: '2030-31',
    pupils: new Dec(pupils),
    cumulativeBalance: new Dec(cumulative),
  });

  it('ranks deficits per pupil, most negative first, ties by area code, and leaves out surpluses and areas without pupils', () => {
    const ranked = largestDeficitsPerPupil([
      at('C', '10', '-100'),
      at('A', '5', '-50'),
      at('B', '4', '-100'),
      at('D', '3', '30'),
      at('E', '0', '-10'),
      at('F', '7', '0'),
    ]);
    expect(ranked.map((r) => [r.area, r.perPupil.toFixed(2)])).toEqual([
      ['B', '-25.00'],
      ['A', '-10.00'],
      ['C', '-10.00'],
    ]);
  });

  it('keeps the ten largest', () => {
    const many = Array.from({ length: 15 }, (_, i) =>
      at(`A${String(i).padStart(2, '0')}`, '1', `-${i + 1}`),
    );
    expect(largestDeficitsPerPupil(many).map((r) => r.area)).toEqual([
      'A14',
      'A13',
      'A12',
      'A11',
      'A10',
      'A09',
      'A08',
      'A07',
      'A06',
      'A05',
    ]);
  });
});
