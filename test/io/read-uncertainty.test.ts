import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import {
  NEW_PLANS_COLUMNS,
  readNewPlans,
  readTransitions,
  TRANSITIONS_COLUMNS,
} from '../../src/io/read-flows.js';
import { check, csv, described } from '../helpers/io-tables.js';

// The columns simulate draws from (docs/simulate.md, "Where the uncertainty comes from").
describe('observed/exposure and low/high on rate rows', () => {
  const transitions = (...lines: string[]) => {
    const issues: Issue[] = [];
    const rows = readTransitions(
      csv('transitions.csv', TRANSITIONS_COLUMNS, ...lines),
      check,
      issues,
    );
    return { rows, issues: described(issues) };
  };
  const newPlans = (...lines: string[]) => {
    const issues: Issue[] = [];
    const rows = readNewPlans(
      csv('new-plans.csv', NEW_PLANS_COLUMNS, ...lines),
      { first: 2026, last: 2028 },
      check,
      issues,
    );
    return { rows, issues: described(issues) };
  };

  it('uniform or triangular (any case) with a range; refused without one, or of another name', () => {
    const { rows, issues } = transitions(
      'from_ncy,from_setting,to_setting,rate,low,high,distribution',
      '6,mainstream,special,0.1,0.05,0.2,Uniform',
      '7,mainstream,special,0.1,0.05,0.2,triangular',
      '8,mainstream,special,0.1,0.05,0.2,',
    );
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.uncertainty && 'uniform' in r.uncertainty)).toEqual([
      true,
      false,
      false,
    ]);
    expect(
      transitions(
        'from_ncy,from_setting,to_setting,rate,distribution',
        '6,mainstream,special,0.1,uniform',
      ).issues,
    ).toEqual([
      'error DISTRIBUTION_INVALID transitions.csv:2:5: "distribution" is "uniform", but the row gives no range in low and high',
    ]);
  });

  it('a posterior whose share rounds to the rate, a range around it, and a row with neither', () => {
    const { rows, issues } = transitions(
      'from_ncy,from_setting,to_setting,rate,observed,exposure,low,high',
      '6,mainstream,special,0.067,2,30,,',
      '7,mainstream,special,0.1,,,0.05,0.2',
      '8,mainstream,special,0.1,,,,',
    );
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.uncertainty && { ...r.uncertainty })).toEqual([
      { kind: 'posterior', observed: expect.anything(), exposure: expect.anything() },
      { kind: 'range', low: expect.anything(), high: expect.anything() },
      undefined,
    ]);
    expect(rows[0]!.uncertainty).toMatchObject({ kind: 'posterior' });
    expect(rows[2]).not.toHaveProperty('uncertainty');
  });

  it('a rate that is not the share rounded either way to its own decimals is refused, at the rate (0.066 or 0.067 would be accepted)', () => {
    expect(
      transitions(
        'from_ncy,from_setting,to_setting,rate,observed,exposure',
        '6,mainstream,special,0.068,2,30',
      ).issues,
    ).toEqual([
      'error RATE_NOT_OBSERVED_SHARE transitions.csv:2:4: "rate" is 0.068, but observed ÷ exposure is 0.06667',
    ]);
    // The column named as the header wrote it.
    expect(
      transitions(
        'from_ncy,from_setting,to_setting,Rate,observed,exposure',
        '6,mainstream,special,0.068,2,30',
      ).issues,
    ).toEqual([
      'error RATE_NOT_OBSERVED_SHARE transitions.csv:2:4: "Rate" is 0.068, but observed ÷ exposure is 0.06667',
    ]);
    // Rounded down, as calibrate writes move rates so a state's never pass 1, or rounded half-up.
    for (const rate of ['0.066', '0.067'])
      expect(
        transitions(
          'from_ncy,from_setting,to_setting,rate,observed,exposure',
          `6,mainstream,special,${rate},2,30`,
        ).issues,
      ).toEqual([]);
  });

  it('a new-plans count takes a range, not observed/exposure; a per-head rate takes either', () => {
    expect(
      newPlans('ncy,need,setting,band,count,low,high', '0,ASD,mainstream,1,4,3,6').rows[0]!
        .uncertainty,
    ).toMatchObject({ kind: 'range' });
    expect(
      newPlans('ncy,need,setting,band,rate,observed,exposure', '0,ASD,mainstream,1,0.004,6,1500')
        .rows[0]!.uncertainty,
    ).toMatchObject({ kind: 'posterior' });
    expect(
      newPlans('ncy,need,setting,band,count,observed,exposure', '0,ASD,mainstream,1,4,4,1000')
        .issues,
    ).toEqual([
      'error UNCERTAINTY_INCOMPLETE new-plans.csv:2:6: observed and exposure describe a rate, but the row gives a count',
    ]);
  });
});
