import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { FUNDING_COLUMNS, readFunding } from '../../src/io/read-ledger.js';
import { readSpend, SPEND_COLUMNS } from '../../src/io/read-spend.js';
import { csv } from '../helpers/io-tables.js';

/** The bad inputs of issue 16 that reuse existing codes: each located, each alone. */
const YEARS = { first: 2026, last: 2028 };
const where = (issue: Issue) =>
  `${issue.location?.file}:${issue.location?.line}:${issue.location?.column ?? ''}`;

function funding(...lines: string[]): Issue[] {
  const issues: Issue[] = [];
  readFunding(
    csv(
      'funding.csv',
      FUNDING_COLUMNS,
      'financial_year,line,amount',
      '2025-26,opening_balance,0',
      ...lines,
    ),
    YEARS,
    issues,
  );
  return issues;
}

describe('funding.csv: deductions and import/export', () => {
  it('reads hnb_deductions (positive) and import_export (signed) without complaint', () => {
    expect(
      funding(
        '2026-27,hnb_allocation,1000',
        '2026-27,hnb_deductions,100',
        '2026-27,import_export,-50',
      ),
    ).toEqual([]);
  });

  it('refuses negative hnb_deductions: NEGATIVE_VALUE at the amount', () => {
    const issues = funding('2026-27,hnb_allocation,1000', '2026-27,hnb_deductions,-100');
    expect(issues.map((i) => [i.code, where(i)])).toEqual([['NEGATIVE_VALUE', 'funding.csv:4:3']]);
  });

  it('refuses import_export twice for a year: DUPLICATE_ROW at the second', () => {
    const issues = funding(
      '2026-27,hnb_allocation,1000',
      '2026-27,import_export,10',
      '2026-27,import_export,20',
    );
    expect(issues.map((i) => [i.code, where(i), i.message])).toEqual([
      ['DUPLICATE_ROW', 'funding.csv:5:1', 'import_export is already given on line 4 for 2026-27'],
    ]);
  });

  it('refuses a spend line with a hint pointing to spend.csv', () => {
    const issues = funding('2026-27,hnb_allocation,1000', '2026-27,SEN support services,20');
    expect(issues.map((i) => i.code)).toEqual(['UNKNOWN_FUNDING_LINE']);
    expect(issues[0]!.hint).toContain('spend.csv');
  });
});

describe('spend.csv', () => {
  const read = (...lines: string[]) => {
    const issues: Issue[] = [];
    const rows = readSpend(
      csv('spend.csv', SPEND_COLUMNS, 'financial_year,line,amount,s251,growth', ...lines),
      YEARS,
      issues,
    );
    return { rows, issues };
  };

  it('reads lines with their s251 code and growth', () => {
    const { rows, issues } = read('2026-27,hospital education,250000,1.2.8,0.02');
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.line, r.s251, r.amount.toFixed(2), r.growth?.toFixed()])).toEqual([
      ['hospital education', '1.2.8', '250000.00', '0.02'],
    ]);
  });

  it('refuses a line twice in a year: DUPLICATE_ROW at the second', () => {
    const { issues } = read('2026-27,therapies,1000,,', '2026-27,therapies,2000,,');
    expect(issues.map((i) => [i.code, where(i), i.message])).toEqual([
      [
        'DUPLICATE_ROW',
        'spend.csv:3:1',
        'spend line "therapies" is already given on line 2 for 2026-27',
      ],
    ]);
  });
});
