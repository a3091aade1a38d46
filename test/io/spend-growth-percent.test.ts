import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { decimalCell } from '../../src/io/cell-parsers.js';
import { CsvRow } from '../../src/io/csv-table.js';
import { readSpend, SPEND_COLUMNS } from '../../src/io/read-spend.js';
import { csv, described } from '../helpers/io-tables.js';

/**
 * Every growth a model's CSVs hold is a rate, and takes a percentage alike: areas.csv's growths
 * took "6%" while spend.csv's growth refused "3%" with "percent signs are not accepted".
 */
const spend = (...growths: string[]) => {
  const issues: Issue[] = [];
  const rows = readSpend(
    csv(
      'spend.csv',
      SPEND_COLUMNS,
      'financial_year,line,amount,growth',
      ...growths.map((growth, i) => `2026-27,line ${i},1000,${growth}`),
    ),
    { first: 2026, last: 2030 },
    issues,
  );
  return {
    growths: rows.map((row) => row.growth?.toFixed()),
    issues: described(issues),
    hints: issues.map((issue) => issue.hint),
  };
};

describe("spend.csv's growth", () => {
  it('takes a percentage as a share, negative too, and says so once', () => {
    expect(spend('3%', '-2.5%', '0.03')).toMatchObject({
      growths: ['0.03', '-0.025', '0.03'],
      issues: [
        'warning NUMBER_NORMALISED spend.csv:2:4: "growth": read a percentage as a share in 2 cells ("3%" as 0.03, the first here)',
      ],
    });
  });

  it("refuses what a rate refuses, with a rate's hint", () => {
    const { issues, hints } = spend('£3');
    expect(issues).toEqual([
      'error INVALID_NUMBER spend.csv:2:4: "growth" is "£3": a £ sign is accepted only on an amount, not on a rate',
    ]);
    expect(hints).toEqual(['write a share such as 0.05, or a percentage such as 5%']);
  });
});

it('a column of plain decimals says so in its hint, without claiming £ and commas are refused everywhere', () => {
  const issues: Issue[] = [];
  decimalCell(new CsvRow('x.csv', 2, ['£5'], new Map([['x', 0]])), 'x', issues);
  expect(issues[0]!.hint).toBe(
    'this column takes plain decimals: digits with an optional point and sign, e.g. 12000.50',
  );
});
