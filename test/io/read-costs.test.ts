import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import type { Need } from '../../src/core/need.js';
import { type LocatedCost, needsWithoutCost } from '../../src/io/read-costs.js';

/**
 * NO_COST_FOR_NEED (docs/calibration.md): a setting costs.csv prices for some needs only, without
 * a row for any need, leaves its other needs at £0 in the tariff stub; it is said at the setting's
 * first row, naming the needs of its pupils in the history that no row prices.
 */
const cost = (line: number, need: Need | '*', setting: string): LocatedCost => ({
  row: { need, setting, cost: new Dec('6000') },
  setting: { file: 'costs.csv', line, column: 2 },
});
const needs = (entries: Record<string, Need[]>): Map<string, Set<Need>> =>
  new Map(Object.entries(entries).map(([setting, list]) => [setting, new Set(list)]));
const history = needs({ mainstream: ['SEMH', 'ASD', 'MLD'], special: ['ASD', 'PMLD'] });

describe('needsWithoutCost', () => {
  it('names the needs a setting priced for some needs only leaves at £0, at its first row', () => {
    const issues = needsWithoutCost(
      [cost(2, '*', 'special'), cost(3, 'ASD', 'mainstream'), cost(4, 'ASD', 'special')],
      history,
      'in/costs.csv',
    );
    expect(issues.map((issue) => [issue.code, issue.location, issue.message])).toEqual([
      [
        'NO_COST_FOR_NEED',
        { file: 'costs.csv', line: 3, column: 2 },
        'setting "mainstream" has a cost in costs.csv for ASD only, not for MLD, SEMH, which its pupils in the history have: the tariff stub prices those needs there at £0 (its row for any need) until it is filled in',
      ],
    ]);
  });

  it('is quiet for a setting with a row for any need, or one for each need its pupils have', () => {
    const every = [cost(2, 'ASD', 'mainstream'), cost(3, 'MLD', 'mainstream')];
    expect(needsWithoutCost([...every, cost(4, 'SEMH', 'mainstream')], history, 'c.csv')).toEqual(
      [],
    );
    expect(needsWithoutCost([...every, cost(4, '*', 'mainstream')], history, 'c.csv')).toEqual([]);
  });

  it('leaves a setting with no row at all to NO_COST_FOR_SETTING', () => {
    expect(needsWithoutCost([cost(2, '*', 'mainstream')], history, 'c.csv')).toEqual([]);
  });
});
