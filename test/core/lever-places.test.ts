import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellPlace } from '../../src/core/adjustments.js';
import { Dec } from '../../src/core/decimal.js';
import { NCY_MAX, NCY_MIN, NEED_CODES, type Need } from '../../src/core/need.js';
import { leverAdjustments } from '../../src/core/scenario/levers.js';
import type { Filter, Lever, Profile } from '../../src/core/scenario/types.js';

/*
 * The scenario levers answer for a whole place (need, setting, band) what their filters answer
 * cell by cell (PlacementMove.ncysAt, CeasingChange.groupsAt, Adjustments.newPlansReach): the
 * projection trusts the one in place of the other, so on random filters they must agree at every
 * NCY of every place.
 */
// Seeded so a failure reproduces; fast-check prints the seed and the shrunk counterexample.
const RUNS = { seed: 20261206, numRuns: 150 };

const SETTINGS = ['mainstream', 'special', 'independent'];
const BANDS = ['1', '2', ''];
const profile: Profile = { shape: 'step', from: 2026, fullBy: 2026 };
const subset = <T>(values: readonly T[]) =>
  fc.option(fc.subarray([...values], { minLength: 1 }), { nil: undefined });
const ncy = fc.integer({ min: NCY_MIN - 2, max: NCY_MAX + 2 });
// A library caller may build a filter in code with a bound between NCYs (the files hold whole NCYs).
const ncyBound = fc.oneof(
  ncy,
  ncy.map((n) => n + 0.5),
);
const filter: fc.Arbitrary<Filter> = fc
  .record({
    needs: subset<Need>(NEED_CODES),
    settings: subset(SETTINGS),
    bands: subset(BANDS),
    ncyFrom: fc.option(ncyBound, { nil: undefined }),
    ncyTo: fc.option(ncyBound, { nil: undefined }),
  })
  .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Filter);
const place = fc.record({
  need: fc.constantFrom<Need>(...NEED_CODES),
  setting: fc.constantFrom(...SETTINGS),
  band: fc.constantFrom(...BANDS),
});
const lever = (kind: 'ceasing' | 'move-placements' | 'new-plans', f: Filter, i: number): Lever =>
  ({
    id: `l${i}`,
    label: 'l',
    kind,
    filter: f,
    profile,
    share: new Dec('0.5'),
    ...(kind === 'move-placements' ? { toSetting: 'special' } : {}),
  }) as Lever;
const ncys = Array.from({ length: NCY_MAX - NCY_MIN + 1 }, (_, i) => NCY_MIN + i);

describe('a lever asked for a whole place agrees with its filter asked cell by cell', () => {
  it('ceasing groups: the runs give each NCY the group groupOf gives it, and none where it gives 0', () => {
    fc.assert(
      fc.property(fc.array(filter, { minLength: 1, maxLength: 4 }), place, (filters, at) => {
        const change = leverAdjustments(filters.map((f, i) => lever('ceasing', f, i))).ceasing!;
        const runs = change.groupsAt!(at);
        for (const n of ncys) {
          const run = runs.find(({ from, to }) => n >= from && n <= to);
          expect(run?.group ?? 0).toBe(change.groupOf({ ...at, ncy: n }));
        }
      }),
      RUNS,
    );
  });

  it('moves: ncysAt holds exactly the NCYs that matches holds at', () => {
    fc.assert(
      fc.property(filter, place, (f, at) => {
        const [move] = leverAdjustments([lever('move-placements', f, 0)]).moves!(2026);
        const range = move!.ncysAt!(at);
        for (const n of ncys) {
          const cell: CellPlace = { ...at, ncy: n };
          expect(range !== undefined && n >= range.from && n <= range.to).toBe(move!.matches(cell));
        }
      }),
      RUNS,
    );
  });

  it('new plans: a cell out of reach is left as given in every year', () => {
    fc.assert(
      fc.property(
        fc.array(filter, { minLength: 1, maxLength: 3 }),
        place,
        ncy,
        (filters, at, n) => {
          const adjustments = leverAdjustments(filters.map((f, i) => lever('new-plans', f, i)));
          const cell = { ...at, ncy: n };
          if (!adjustments.newPlansReach!(cell))
            for (const ay of [2025, 2026, 2030])
              expect(adjustments.newPlans!(ay, cell)).toBeUndefined();
          else expect(adjustments.newPlans!(2030, cell)).toBeDefined();
        },
      ),
      RUNS,
    );
  });
});
