import { describe, expect, it } from 'vitest';
import { figureMeant } from '../../src/core/explain/figure-labels.js';
import { FIGURE_NAMES } from '../../src/core/explain/figures.js';

/** explain --figure misspelt: a user trial was given all eighteen names to find the one meant. */
describe('figureMeant: the figure a misspelt --figure was meant to be', () => {
  it.each([
    ['spend_totl', 'spend_total'],
    ['spend_topup', 'spend_top_up'],
    ['spend_toatl', 'spend_total'],
    ['cumulative_balanec', 'cumulative_balance'],
    ['Income HBN', 'income_hnb'],
    // An officer's words (found by a user trial: --figure deficit).
    ['deficit', 'cumulative_balance'],
    ['DSG deficit', 'cumulative_balance'],
    ['overspend', 'in_year_balance'],
    ['Total spend', 'spend_total'],
    ['income', 'income_total'],
  ])('%s: %s', (typed, meant) => {
    expect(figureMeant(typed, FIGURE_NAMES)).toBe(meant);
  });

  it('none when nothing is within two letters, or two are as near', () => {
    expect(figureMeant('incomings', FIGURE_NAMES)).toBeUndefined();
    expect(figureMeant('xyz', FIGURE_NAMES)).toBeUndefined();
    expect(
      figureMeant('income_totalx', ['income_total', 'income_totals'] as never),
    ).toBeUndefined();
  });
});
