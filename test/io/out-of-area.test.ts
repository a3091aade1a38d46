import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { COHORT_COLUMNS, readCohort } from '../../src/io/read-cohort.js';
import { NEW_PLANS_COLUMNS, readNewPlans } from '../../src/io/read-flows.js';
import { check, csv, described } from '../helpers/io-tables.js';

/** cohort.csv and new-plans.csv `out_of_area` (issue 16 item 3): a yes/no column, absent = no. */
const VALUES = ['', '0', 'false', 'No', 'NO', 'n', '1', 'true', 'Yes', 'TRUE', ' yes ', 'Y'];
const YES = [false, false, false, false, false, false, true, true, true, true, true, true];

function cohort(lines: string[], repeats?: number[]) {
  const issues: Issue[] = [];
  const cells = readCohort(
    csv('cohort.csv', COHORT_COLUMNS, 'ncy,need,setting,band,count,out_of_area', ...lines),
    undefined,
    check,
    issues,
    repeats,
  );
  return { cells, issues: described(issues) };
}

describe('cohort.csv out_of_area', () => {
  it.each([false, true])(
    'reads empty/0/false/no/n as no and 1/true/yes/y as yes, any case (tallied rows: %s)',
    (tallied) => {
      const lines = VALUES.map((v, i) => `${i - 3},ASD,special,A,1,"${v}"`);
      const { cells, issues } = cohort(lines, tallied ? VALUES.map(() => 1) : undefined);
      expect(issues).toEqual([]);
      expect(cells.map((c) => c.outOfArea === true)).toEqual(YES);
      expect(cells.filter((c) => !c.outOfArea).every((c) => !('outOfArea' in c))).toBe(true);
    },
  );

  it.each([false, true])(
    'keeps pupils out of area apart from those in the area in the same cell (tallied rows: %s)',
    (tallied) => {
      const { cells } = cohort(
        [
          '3,ASD,special,A,2,',
          '3,ASD,special,A,3,yes',
          '3,ASD,special,A,4,0',
          '3,ASD,special,A,1,1',
        ],
        tallied ? [1, 1, 1, 1] : undefined,
      );
      expect(cells.map((c) => [c.count.toFixed(), c.outOfArea ?? false])).toEqual([
        ['6', false],
        ['4', true],
      ]);
    },
  );

  it('anything else is INVALID_FLAG at the cell, and the row is dropped; every one is reported', () => {
    const { cells, issues } = cohort([
      '3,ASD,special,A,2,maybe',
      '4,ASD,special,A,2,X',
      '5,ASD,special,A,2,yes',
    ]);
    expect(cells.map((c) => c.ncy)).toEqual([5]);
    expect(issues).toEqual([
      'error INVALID_FLAG cohort.csv:2:6: "out_of_area" is "maybe", which is not a yes/no value',
      'error INVALID_FLAG cohort.csv:3:6: "out_of_area" is "X", which is not a yes/no value',
    ]);
  });
});

describe('new-plans.csv out_of_area', () => {
  it('marks the rows placed out of area, and a bad value is INVALID_FLAG', () => {
    const issues: Issue[] = [];
    const rows = readNewPlans(
      csv(
        'new-plans.csv',
        NEW_PLANS_COLUMNS,
        'ncy,need,setting,band,count,out_of_area',
        '3,ASD,special,A,2,',
        '3,ASD,special,A,1,Yes',
        '4,ASD,special,A,1,2',
      ),
      { first: 2026, last: 2028 },
      check,
      issues,
    );
    expect(rows.map((r) => r.outOfArea ?? false)).toEqual([false, true]);
    expect(described(issues)).toEqual([
      'error INVALID_FLAG new-plans.csv:4:6: "out_of_area" is "2", which is not a yes/no value',
    ]);
  });
});
