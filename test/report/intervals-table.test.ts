import { describe, expect, it } from 'vitest';
import { loadModel, simulate } from '../../src/index.js';
import { drawnInputs } from '../../src/core/simulate/drawn-inputs.js';
import { renderIntervalsTable } from '../../src/report/intervals.js';

describe("simulate's terminal table, as a finance officer reads it", () => {
  it('says whose range the 80% and 95% columns are, and what P(deficit) is, in words', () => {
    // Found by a finance officer's trial: "80% of draws" stood beside pupils, spend and the
    // balance with no word of which it was the range of, and P(deficit) 1.0000 unexplained.
    const { model } = loadModel('fixtures/example');
    const { simulation } = simulate(model!, { draws: 20, seed: 1 });
    const text = renderIntervalsTable(simulation!, drawnInputs(model!));
    expect(text).toContain(
      '80% and 95% of draws: where the middle 80% and 95% of the draws leave the cumulative balance at the end of the year',
    );
    expect(text).toContain('P(deficit): the share of draws');
    expect(text).toContain('What an interval means');
    expect(text).not.toContain('P(< X)');
    const withThreshold = simulate(model!, { draws: 20, seed: 1, thresholds: [-30000000] });
    expect(renderIntervalsTable(withThreshold.simulation!, drawnInputs(model!))).toContain(
      'P(< X): the share of draws whose cumulative balance ends the year below X',
    );
  });
});
