import { describe, expect, it } from 'vitest';
import { secondsLeft } from '../../src/cli/batch-progress.js';
import { spinnerFits } from '../../src/cli/terminal.js';

describe("batch progress's estimate of the time left", () => {
  it('goes by the pace since the first report, not counting the areas done while the cohort was read', () => {
    // Half the work was done while the cohort was read and reported at 3.0 s, all at once.
    const first = { at: 3.0, workDone: 0.5 };
    expect(secondsLeft(first, 3.0, 0.5)).toBeUndefined();
    // A tenth more in the next second: the remaining 0.4 take 4 s (not 0.2 s, as the first report suggested).
    expect(secondsLeft(first, 4.0, 0.6)).toBeCloseTo(4, 12);
  });
});

// A terminal that reports 0 columns (`script`, some CI and container terminals) made ora divide by
// 0 and redraw for ever: the run never ended. No spinner is drawn there, as off a terminal.
describe('where a spinner is drawn', () => {
  it('on a terminal that says its width, not on one of 0 columns or off a terminal', () => {
    expect(spinnerFits({ isTTY: true, columns: 80 })).toBe(true);
    expect(spinnerFits({ isTTY: true, columns: 0 })).toBe(false);
    expect(spinnerFits({ isTTY: true })).toBe(false);
    expect(spinnerFits({ isTTY: false, columns: 80 })).toBe(false);
  });
});
