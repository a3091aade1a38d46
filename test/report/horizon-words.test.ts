import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { atHorizonWords } from '../../src/report/presentation/headline-section.js';

// The report's headline says a balance as it prints it: a balance a few tenths of a penny short of
// zero read "a cumulative deficit of £0.00" (found by a review).
describe("the headline's words for the cumulative balance at the horizon", () => {
  it('a deficit, a surplus, and a balance that rounds to £0.00 as neither', () => {
    expect(atHorizonWords(new Dec('-38256392.3'))).toBe('a cumulative deficit of £38,256,392.30');
    expect(atHorizonWords(new Dec('1200.005'))).toBe('a cumulative surplus of £1,200.01');
    expect(atHorizonWords(new Dec('-0.004'))).toBe('a cumulative balance of £0.00');
    expect(atHorizonWords(new Dec('0.004'))).toBe('a cumulative balance of £0.00');
    expect(atHorizonWords(new Dec('-0.005'))).toBe('a cumulative deficit of £0.01');
  });
});
