import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { shortestAnswer } from '../../src/core/scenario/shortest-answer.js';

const d = (text: string) => new Dec(text);

/** The reference: every decimal with `places` places between lo and hi, counted from lo upwards. */
function fewestPlacesIn(lo: Dec, hi: Dec): Dec {
  for (let places = 0; ; places += 1) {
    const step = d('1').div(d('10').pow(places));
    const first = lo.div(step).ceil().times(step);
    if (first.lessThanOrEqualTo(hi)) return first;
  }
}

describe('shortestAnswer: the fewest decimal places the tolerance justifies', () => {
  it("solve's transfer answer (bisection between 0.0159780273 and 0.0159790039) is 0.01597901", () => {
    const meet = d('0.01597900390625');
    const fail = meet.minus('0.0000009765625');
    expect(shortestAnswer(fail, meet, d('0.000001'), d('0.02')).toFixed()).toBe('0.01597901');
  });

  it('a falling margin rounds down, away from the failing end', () => {
    const meet = d('-0.33991432189941');
    const fail = meet.plus('0.0000009');
    const answer = shortestAnswer(fail, meet, d('0.000001'), d('-1'));
    expect(answer.lessThanOrEqualTo(meet)).toBe(true);
    expect(answer.toFixed()).toBe('-0.3399144');
  });

  it('keeps to the searched range, and keeps meet when nothing shorter fits', () => {
    expect(shortestAnswer(d('0.99'), d('1.5'), d('1'), d('1.5')).toFixed()).toBe('1.5');
    expect(shortestAnswer(d('0.1'), d('0.1001'), d('0.0001'), d('1')).toFixed()).toBe('0.1001');
  });

  it('is on the meeting side, within the tolerance of the failing end, and as short as any value there', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.boolean(),
        (at, width, slack, up) => {
          const tolerance = d('0.000001');
          // A bisection's midpoints have finitely many places (0.01597900390625): 20 here, so that
          // meet ± gap and fail ± tolerance are exact. With meet at Dec's 40 significant digits,
          // fail = meet − gap was rounded, fail + tolerance fell short of meet, and the range the
          // answer is checked against was empty (at -2, width 1000, slack 0, up: about 1 run in 20,000).
          const meet = d(String(at)).div(d('12345678')).toDecimalPlaces(20);
          const gap = tolerance.times(width).div(1000);
          const fail = up ? meet.minus(gap) : meet.plus(gap);
          const edge = up ? meet.plus(tolerance.times(slack).div(1000)) : meet.minus(tolerance);
          const answer = shortestAnswer(fail, meet, tolerance, edge);
          const [lo, hi] = up
            ? [meet, Dec.min(fail.plus(tolerance), edge)]
            : [Dec.max(fail.minus(tolerance), edge), meet];
          expect(answer.greaterThanOrEqualTo(lo) && answer.lessThanOrEqualTo(hi)).toBe(true);
          expect(answer.decimalPlaces()).toBe(
            Math.min(fewestPlacesIn(lo, hi).decimalPlaces(), meet.decimalPlaces()),
          );
        },
      ),
    );
  });
});
