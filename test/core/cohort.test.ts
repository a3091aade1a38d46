import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cohort } from '../../src/core/cohort.js';
import { Lanes, SPAN } from '../../src/core/lanes.js';
import { CeasingRules, TransitionRules } from '../../src/core/rules.js';

const lanesOf = (count: number) => {
  const lanes = new Lanes(new CeasingRules([]), new TransitionRules([]));
  for (let i = 0; i < count; i += 1) lanes.lane('ASD', `setting-${i}`, '1', false);
  return lanes;
};

/** A cohort's counts by slot, as [slot, count × 10^places, places]. */
const counts = (cohort: Cohort) => Array.from({ length: cohort.size }, (_, i) => [cohort.slots[i]!, Number(cohort.units(i)), cohort.places[i]!]);

describe('a cohort filled slot by slot', () => {
  it('sums pupils added to one slot, whether added before or after it was done, while other cohorts fill with the shared index', () => {
    const additions = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * SPAN - 1 }), fc.integer({ min: 0, max: 1000 }), fc.boolean()), { maxLength: 40 });
    fc.assert(fc.property(additions, (list) => {
      const lanes = lanesOf(3);
      const cohort = new Cohort(lanes);
      const expected = new Map<number, number>();
      for (const [slot, count, finish] of list) {
        cohort.add(slot, count, undefined, 0, undefined, undefined);
        expected.set(slot, (expected.get(slot) ?? 0) + count);
        if (finish) {
          cohort.done();
          // Another cohort borrows the index meanwhile and gives it back cleared.
          const other = new Cohort(lanes);
          other.add(slot, 1, undefined, 0, undefined, undefined);
          expect(counts(other.done())).toEqual([[slot, 1, 0]]);
        }
      }
      cohort.done();
      expect(counts(cohort)).toEqual([...expected].map(([slot, count]) => [slot, count, 0]));
    }), { seed: 20261123, numRuns: 200 });
  });

  it('gives a cohort still filling its own index, and takes slots of lanes made after the index', () => {
    const lanes = lanesOf(1);
    // A cohort done gives its index back, so that one of the two below could take it.
    new Cohort(lanes).done();
    const first = new Cohort(lanes);
    first.add(0, 5, undefined, 0, undefined, undefined);
    const second = new Cohort(lanes);
    second.add(0, 7, undefined, 0, undefined, undefined);
    first.add(0, 1, undefined, 0, undefined, undefined);
    const far = 200 * SPAN + 3;
    second.add(far, 2, undefined, 1, undefined, undefined);
    second.add(far, 3, undefined, 1, undefined, undefined);
    expect(counts(first.done())).toEqual([[0, 6, 0]]);
    expect(counts(second.done())).toEqual([[0, 7, 0], [far, 5, 1]]);
    // Filled again after done(), with an index borrowed anew that is shorter than its far slot:
    // one cohort holds the long index, so the next makes a short one and gives that back.
    const holding = new Cohort(lanes);
    new Cohort(lanes).done();
    second.add(far, 1, undefined, 1, undefined, undefined);
    second.add(0, 1, undefined, 0, undefined, undefined);
    expect(counts(second.done())).toEqual([[0, 8, 0], [far, 6, 1]]);
    holding.done();
  });
});
