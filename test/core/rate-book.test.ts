import { describe, expect, it } from 'vitest';
import { monthIndex } from '../../src/core/period.js';
import { RateBook } from '../../src/core/rate-book.js';
import { d, rate, tariff } from './builders.js';

const m = (year: number, month: number) => monthIndex(year, month);

describe('rate book: the date rule and the uplift rule', () => {
  const book = new RateBook(
    tariff(
      [
        rate('special', '1', '12000', '2025-04-01'),
        rate('special', '1', '13000', '2026-09-01'),
        rate('special', '1', '20000', '2025-04-01', 'ASD'),
        rate('special', '2', '15000', '2027-04-01', 'SEMH'),
        rate('special', '2', '14000', '2025-04-01'),
      ],
      { uplift: { method: 'percent', annualRate: d('0.02'), on: '04-01' } },
    ),
    d('0'),
  );

  it('SEMH, special band 1, 2026-08-01: 12,000.00 (in force on the 1st; not the last row, so not uplifted)', () => {
    expect(book.topUp('special', '1', 'SEMH', m(2026, 8))!.annualTopUp.toString()).toBe('12000');
  });

  it('SEMH, special band 1, 2026-09-01: the new row 13,000.00 applies from its own month', () => {
    expect(book.topUp('special', '1', 'SEMH', m(2026, 9))!.annualTopUp.toString()).toBe('13000');
  });

  it('SEMH, special band 1, 2027-04-01 and 2028-04-01: uplifted 2% per anniversary after the last row', () => {
    expect(book.topUp('special', '1', 'SEMH', m(2027, 4))!.annualTopUp.toString()).toBe('13260');
    expect(book.topUp('special', '1', 'SEMH', m(2028, 4))!.annualTopUp.toString()).toBe('13525.2');
  });

  it('an exact need beats "*"', () => {
    expect(book.topUp('special', '1', 'ASD', m(2025, 4))!.annualTopUp.toString()).toBe('20000');
  });

  it('"*" applies where the exact-need series is not yet in force', () => {
    // 14,000 from 2025-04-01, uplifted once (1 April 2026) by March 2027: 14,280.
    expect(book.topUp('special', '2', 'SEMH', m(2027, 3))!.annualTopUp.toString()).toBe('14280');
    expect(book.topUp('special', '2', 'SEMH', m(2027, 4))!.annualTopUp.toString()).toBe('15000');
  });

  it('nothing in force before the first effectiveFrom', () => {
    expect(book.topUp('special', '1', 'SEMH', m(2025, 3))).toBeUndefined();
    expect(book.topUp('special', '9', 'SEMH', m(2026, 3))).toBeUndefined();
  });

  it("a bespoke annual cost is uplifted like a series starting on its own date; a model uplift compounds with the tariff's", () => {
    const withModel = new RateBook(
      tariff([], { uplift: { method: 'percent', annualRate: d('0.02'), on: '04-01' } }),
      d('0.03'),
    );
    expect(withModel.bespokeFactor('2025-09-01', m(2026, 3)).toString()).toBe('1');
    expect(withModel.bespokeFactor('2025-09-01', m(2026, 4)).times(50000).toString()).toBe('52530');
  });
});

describe('rate book: span sums', () => {
  it('tells spans apart by their length as well as their first month, and shares one list of dates', () => {
    const book = new RateBook(
      tariff([
        rate('special', '1', '12000', '2025-04-01'),
        rate('special', '1', '13000', '2026-09-01'),
      ]),
      d('0'),
    );
    const months = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => from + i);
    const five = book.topUpSum('special', '1', 'SEMH', months(m(2026, 4), 5));
    const seven = book.topUpSum('special', '1', 'SEMH', months(m(2026, 4), 7));
    if (typeof five === 'number' || typeof seven === 'number') throw new Error('no rate in force');
    expect(five.total.toString()).toBe('60000');
    // Apr–Aug at 12,000, then Sep–Oct at 13,000.
    expect(seven.total.toString()).toBe('86000');
    expect(seven.dates).toEqual(['2025-04-01', '2026-09-01']);
    const ASD = book.topUpSum('special', '1', 'ASD', months(m(2026, 3), 5));
    if (typeof ASD === 'number') throw new Error('no rate in force');
    expect(ASD.dates).toBe(five.dates);
  });
});
