import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { growthIssue, whyNotGrowth } from '../../src/core/growth.js';

// A yearly growth multiplies a figure by 1 + growth: above -1 it leaves money, at most 1 it at most doubles.
describe('whyNotGrowth: a yearly growth is above -1 and at most 1', () => {
  it.each(['-0.99999', '-0.5', '0', '0.05', '0.99999', '1'])('%s is a growth', (text) => {
    expect(whyNotGrowth(new Dec(text))).toBeUndefined();
  });

  it.each([
    ['1.00001', 'a rise of 100.001% a year'],
    ['3', 'a rise of 300% a year'],
    ['-1', 'a fall of 100% a year, which leaves nothing'],
    ['-1.00001', 'a fall of 100.001% a year, which leaves less than nothing'],
    ['-2', 'a fall of 200% a year, which leaves less than nothing'],
  ])('%s is not: %s', (text, why) => {
    expect(whyNotGrowth(new Dec(text))).toBe(
      `${why}; a yearly growth is a share above -1 and at most 1`,
    );
  });

  it('GROWTH_OUT_OF_RANGE says how the file writes 5%', () => {
    const issue = growthIssue('"growth"', '500%', new Dec(5), { file: 'spend.csv' }, 'rate');
    expect(issue?.code).toBe('GROWTH_OUT_OF_RANGE');
    expect(issue?.hint).toBe('write 5% as 0.05 or 5%, and a fall of 2% as -0.02 or -2%');
    expect(growthIssue('x', '0.05', new Dec('0.05'), { file: 'f' }, 'json')).toBeUndefined();
  });
});
