import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { decimalCell } from '../../src/io/cell-parsers.js';
import { CsvRow, readCsvTable } from '../../src/io/csv-table.js';
import { COHORT_COLUMNS, readCohort } from '../../src/io/read-cohort.js';
import { check, described } from '../helpers/io-tables.js';

/**
 * A cell a spreadsheet or a character set damaged is reported as what happened to it, once: not
 * as a rule it did not break (the grouping of "Â£60,000.00" is right), nor as a second problem
 * it does not have (band "missing" on a row that gives annual_cost).
 */
function amountIssue(text: string): Issue {
  const issues: Issue[] = [];
  const row = new CsvRow('x.csv', 2, [text], new Map([['amount', 0]]));
  expect(decimalCell(row, 'amount', issues, { kind: 'amount' })).toBeUndefined();
  expect(issues).toHaveLength(1);
  return issues[0]!;
}

describe('what is wrong with a damaged number, in its words', () => {
  it('a £ garbled by a change of character set: says so, and to re-save as UTF-8', () => {
    const issue = amountIssue('Â£60,000.00');
    expect(issue.message).toBe(
      '"amount" is "Â£60,000.00": "£" was garbled to "Â£" by a change of the file\'s character set, so it is not a number as it stands; re-save the file as UTF-8',
    );
    expect(issue.hint).toMatch(/^re-save the file as UTF-8: /);
  });

  it('text beside the figure, or two decimal points: not a number, not a grouping fault', () => {
    expect(amountIssue('60,000.00 GBP').message).toBe(
      '"amount" is "60,000.00 GBP": it holds text ("GBP") beside the figure, so it is not a number; give the figure alone',
    );
    expect(amountIssue('60,000.5.0').message).toBe(
      '"amount" is "60,000.5.0": it has more than one decimal point, so it is not a number',
    );
    // A grouping that is wrong is still called that.
    expect(amountIssue('60,00.50').message).toBe(
      '"amount" is "60,00.50": thousands separators must group three digits, as in 1,200',
    );
  });

  it('cohort.csv: a row with a wrong annual_cost is not also missing its band', () => {
    const text = 'ncy,need,setting,band,count,annual_cost\n9,SEMH,independent,,,"Â£60,000.00"\n';
    const issues: Issue[] = [];
    readCohort(readCsvTable(text, 'cohort.csv', COHORT_COLUMNS), undefined, check, issues);
    expect(described(issues).map((line) => line.split(':')[0])).toEqual([
      'error INVALID_NUMBER cohort.csv',
    ]);
  });
});
