import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import {
  NEW_PLANS_COLUMNS,
  readNewPlans,
  readTransitions,
  TRANSITIONS_COLUMNS,
} from '../../src/io/read-flows.js';
import { check, csv, described } from '../helpers/io-tables.js';

const PROJECTED = { first: 2026, last: 2028 };

describe('transitions.csv: need and to_need', () => {
  const read = (...lines: string[]) => {
    const issues: Issue[] = [];
    const rows = readTransitions(
      csv('transitions.csv', TRANSITIONS_COLUMNS, ...lines),
      check,
      issues,
    );
    return { rows, issues: described(issues) };
  };

  it('reads a need (any case) and a need after the move; blank cells leave them out', () => {
    const { rows, issues } = read(
      'from_ncy,from_setting,to_setting,rate,to_band,need,to_need',
      '6,mainstream,special,0.2,A,semh,',
      '6,mainstream,special,0.1,A,SLCN,ASD',
      '6,mainstream,special,0.05,A,,',
    );
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.need, r.toNeed, r.rate.toFixed()])).toEqual([
      ['SEMH', undefined, '0.2'],
      ['SLCN', 'ASD', '0.1'],
      [undefined, undefined, '0.05'],
    ]);
    expect(rows[2]).not.toHaveProperty('need');
    expect(rows[2]).not.toHaveProperty('toNeed');
  });

  it('an unknown need or to_need is UNKNOWN_NEED at its cell, and the row is dropped', () => {
    const { rows, issues } = read(
      'from_ncy,from_setting,to_setting,rate,need,to_need',
      '6,mainstream,special,0.2,ADHD,',
      '6,mainstream,special,0.2,SEMH,SEMHX',
    );
    expect(rows).toEqual([]);
    expect(issues).toEqual([
      'error UNKNOWN_NEED transitions.csv:2:5: need "ADHD" is not a SEN2 primary-need code',
      'error UNKNOWN_NEED transitions.csv:3:6: need "SEMHX" is not a SEN2 primary-need code',
    ]);
  });

  it("adds up the rates leaving an (NCY, setting) per need: a need's rows on their own, apart from the rows without a need", () => {
    const { rows, issues } = read(
      'from_ncy,from_setting,to_setting,rate,need',
      '3,mainstream,special,0.7,',
      '3,mainstream,independent,0.3,',
      '3,mainstream,special,0.9,SEMH',
      '3,mainstream,independent,0.1,SEMH',
      '3,mainstream,special,0.6,ASD',
    );
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(5);
  });

  it('TRANSITIONS_EXCEED_ONE names the need when the rows have one, and keeps the old message when they do not', () => {
    const { issues } = read(
      'from_ncy,from_setting,to_setting,rate,need',
      '3,mainstream,special,0.7,SEMH',
      '3,mainstream,independent,0.4,SEMH',
      '3,mainstream,special,0.7,',
      '3,mainstream,independent,0.4,',
    );
    expect(issues).toEqual([
      'error TRANSITIONS_EXCEED_ONE transitions.csv:3:4: transition rates leaving NCY 3 mainstream (need SEMH) add up to 1.1 by this row, more than 1',
      'error TRANSITIONS_EXCEED_ONE transitions.csv:5:4: transition rates leaving NCY 3 mainstream add up to 1.1 by this row, more than 1',
    ]);
  });

  it('a repeated (from, need, to, to_band, to_need) is DUPLICATE_ROW; a different need or to_need is another row', () => {
    const { rows, issues } = read(
      'from_ncy,from_setting,to_setting,rate,to_band,need,to_need',
      '6,mainstream,special,0.1,A,SEMH,',
      '6,mainstream,special,0.1,A,SEMH,ASD',
      '6,mainstream,special,0.1,A,ASD,',
      '6,mainstream,special,0.1,A,,',
      '6,mainstream,special,0.1,A,semh,asd',
    );
    expect(rows).toHaveLength(4);
    expect(issues).toEqual([
      'error DUPLICATE_ROW transitions.csv:6:1: a transition from NCY 6 mainstream (need SEMH) to special band A as ASD is already given on line 3',
    ]);
  });
});

describe('new-plans.csv: a count or a rate per head', () => {
  const read = (...lines: string[]) => {
    const issues: Issue[] = [];
    const rows = readNewPlans(
      csv('new-plans.csv', NEW_PLANS_COLUMNS, ...lines),
      PROJECTED,
      check,
      issues,
    );
    return { rows, issues: described(issues) };
  };

  it('a count goes to count, a rate to rate, and the other is absent', () => {
    const { rows, issues } = read(
      'ncy,need,setting,band,count,rate,academic_year',
      '0,ASD,mainstream,1,4,,',
      '0,ASD,mainstream,1,,0.002,',
      '1,SEMH,special,A,,0.0005,2027/28',
    );
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.count?.toFixed(), r.rate?.toFixed(), r.academicYear])).toEqual([
      ['4', undefined, undefined],
      [undefined, '0.002', undefined],
      [undefined, '0.0005', 2027],
    ]);
    expect(rows[0]).not.toHaveProperty('rate');
    expect(rows[1]).not.toHaveProperty('count');
    expect(rows[1]!.origin).toEqual({ file: 'new-plans.csv', line: 3, column: 1 });
  });

  it('reads a file with a rate column and no count column, and one with a count column only, as before', () => {
    expect(
      read('ncy,need,setting,band,rate', '0,ASD,mainstream,1,0.01').rows[0]!.rate?.toFixed(),
    ).toBe('0.01');
    expect(
      read('ncy,need,setting,band,count', '0,ASD,mainstream,1,3').rows[0]!.count?.toFixed(),
    ).toBe('3');
  });

  it('both is COUNT_AND_RATE at the rate cell; neither is MISSING_VALUE at the count cell; both rows are dropped', () => {
    const { rows, issues } = read(
      'ncy,need,setting,band,count,rate',
      '0,ASD,mainstream,1,4,0.01',
      '0,ASD,mainstream,1,,',
    );
    expect(rows).toEqual([]);
    expect(issues).toEqual([
      'error COUNT_AND_RATE new-plans.csv:2:6: the row gives both a count and a rate of new plans',
      'error MISSING_VALUE new-plans.csv:3:5: "count" or "rate" is required',
    ]);
  });

  it('without a count column, an empty rate is MISSING_VALUE at the rate cell', () => {
    expect(read('ncy,need,setting,band,rate', '0,ASD,mainstream,1,').issues).toEqual([
      'error MISSING_VALUE new-plans.csv:2:5: "count" or "rate" is required',
    ]);
  });

  it('a rate is a share: above 1 is RATE_ABOVE_ONE, below 0 NEGATIVE_VALUE', () => {
    expect(
      read('ncy,need,setting,band,rate', '0,ASD,mainstream,1,1.5', '0,ASD,mainstream,1,-0.1')
        .issues,
    ).toEqual([
      'error RATE_ABOVE_ONE new-plans.csv:2:5: "rate" is 1.5; a rate is a share from 0 to 1',
      'error NEGATIVE_VALUE new-plans.csv:3:5: "rate" is -0.1, which must not be negative',
    ]);
  });

  it('a rate row for a year outside the projection is YEAR_OUT_OF_RANGE and ignored, like a count row', () => {
    const { rows, issues } = read(
      'ncy,need,setting,band,rate,academic_year',
      '0,ASD,mainstream,1,0.01,2030/31',
    );
    expect(rows).toEqual([]);
    expect(issues).toEqual([
      'warning YEAR_OUT_OF_RANGE new-plans.csv:2:6: academic year 2030/31 is outside the projected years 2026/27 to 2028/29; the row is ignored',
    ]);
  });
});
