import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { incomeByYear } from '../../src/core/ledger.js';
import { d } from './builders.js';

describe('income by financial year', () => {
  it('grows the last given HNB allocation and never carries a transfer into a later year', () => {
    const issues: Issue[] = [];
    const income = incomeByYear(
      [
        { financialYear: 2026, line: 'hnb_allocation', amount: d('1000000') },
        { financialYear: 2028, line: 'hnb_allocation', amount: d('2000000') },
        { financialYear: 2026, line: 'block_transfer', amount: d('5000') },
        { financialYear: 2027, line: 'la_contribution', amount: d('300') },
        { financialYear: 2027, line: 'other_income', amount: d('-100') },
        { financialYear: 2027, line: 'other_income', amount: d('50') },
      ],
      [2026, 2027, 2028, 2029],
      d('0.05'),
      issues,
    );
    expect(issues).toEqual([]);
    expect([2026, 2027, 2028, 2029].map((y) => income.get(y)!.hnb.toString())).toEqual([
      '1000000',
      '1050000',
      '2000000',
      '2100000',
    ]);
    expect([2026, 2027].map((y) => income.get(y)!.transfer.toString())).toEqual(['5000', '0']);
    expect(income.get(2027)!.other.toString()).toBe('250');
    expect(income.get(2027)!.total.toString()).toBe('1050250');
  });

  it('reports a year with no allocation to grow from', () => {
    const issues: Issue[] = [];
    incomeByYear(
      [{ financialYear: 2027, line: 'hnb_allocation', amount: d('1') }],
      [2026, 2027],
      d('0'),
      issues,
    );
    expect(issues.map((i) => i.code)).toEqual(['MISSING_HNB_ALLOCATION']);
  });

  it('warns of a nil allocation once, at the row, naming the years it leaves nil', () => {
    const issues: Issue[] = [];
    const origin = { file: 'funding.csv', line: 3, column: 1 };
    incomeByYear(
      [
        { financialYear: 2026, line: 'hnb_allocation', amount: d('0.00'), origin },
        { financialYear: 2028, line: 'hnb_allocation', amount: d('2000000') },
      ],
      [2026, 2027, 2028, 2029],
      d('0.05'),
      issues,
    );
    expect(issues.map((i) => [i.code, i.severity, i.location, i.message])).toEqual([
      [
        'ZERO_HNB_ALLOCATION',
        'warning',
        origin,
        'the hnb_allocation for 2026-27 is 0, so the high-needs block is nil in 2026-27, 2027-28: every balance is spend alone',
      ],
    ]);
    // An allocation above 0 in every year it is used says nothing.
    const none: Issue[] = [];
    incomeByYear(
      [{ financialYear: 2026, line: 'hnb_allocation', amount: d('0.01') }],
      [2026, 2027],
      d('0'),
      none,
    );
    expect(none).toEqual([]);
  });
});
