import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/core/decimal.js';
import type { Scenario } from '../../../src/core/scenario/types.js';
import { AreaSimulation } from '../../../src/core/simulate/simulate-area.js';
import type { RangeUncertainty } from '../../../src/core/uncertainty.js';
import { loadScenarios } from '../../../src/io/scenarios-file.js';
import { drawnPupils } from '../../helpers/drawn-pupils.js';
import { preparedRanges } from '../../helpers/lever-ranges.js';
import { fixture, loadFixture } from '../../helpers/model.js';

const example = loadFixture('example');
const mitigated = loadScenarios(fixture('example'), '').scenarios!.find(
  (s) => s.id === 'mitigated',
)!;
const MOVE = 'independent-returns';

/** `mitigated` with a range on its move-placements lever (share 0.15, back-loaded from 2027/28). */
const scenario: Scenario = {
  ...mitigated,
  levers: mitigated.levers.map((lever) =>
    lever.id === MOVE && lever.kind === 'move-placements'
      ? { ...lever, range: { kind: 'range', low: new Dec('0.05'), high: new Dec('0.3') } }
      : lever,
  ),
};

const prepared = () => preparedRanges(example, scenario);

describe('a move-placements lever with a range (docs/simulate.md, "Lever ranges")', () => {
  const { plan, ranges } = prepared();
  const index = scenario.levers.findIndex((lever) => lever.id === MOVE);
  const moved = (y: number) => plan.years[y]!.moves.findIndex((move) => move.lever === index);

  it("at the lever's own share gives each year's move the plan's fraction exactly", () => {
    ranges.shares[index] = 0.15;
    ranges.moves!.update(ranges.shares);
    const years = plan.years.flatMap((year, y) => (moved(y) >= 0 ? [y] : []));
    expect(years.length).toBeGreaterThan(0);
    for (const y of years)
      expect(ranges.moves!.fractions[y]![moved(y)]).toBe(plan.years[y]!.moves[moved(y)]!.fraction);
  });

  it('with another share moves (s f(y) − s f(y−1)) ÷ (1 − s f(y−1)) of those left, so s in all by the end', () => {
    ranges.shares[index] = 0.3;
    ranges.moves!.update(ranges.shares);
    // Whatever the profile, the parts left after each year multiply to 1 − s once it is complete.
    let left = 1;
    plan.years.forEach((_, y) => {
      if (moved(y) >= 0) left *= 1 - ranges.moves!.fractions[y]![moved(y)]!;
    });
    expect(left).toBeCloseTo(0.7, 12);
    // The other levers' moves keep the plan's fractions.
    plan.years.forEach((year, y) =>
      year.moves.forEach((move, k) => {
        if (move.lever !== index) expect(ranges.moves!.fractions[y]![k]).toBe(move.fraction);
      }),
    );
  });
});

it('a move-placements lever at share 0 with a range moves pupils in the draws that take it above 0', () => {
  const lever = mitigated.levers.find((l) => l.id === MOVE)!;
  /** Independent pupils of NCY 3–13 left in the last January, over 40 draws. */
  const left = (range?: RangeUncertainty) => {
    const levers = [{ ...lever, share: new Dec(0), ...(range ? { range } : {}) }];
    const { simulation } = AreaSimulation.prepare(example, { ...mitigated, levers });
    return drawnPupils(
      simulation!,
      11,
      40,
      (lane, ncy) => lane.setting === 'independent' && ncy >= 3 && ncy <= 13,
    );
  };
  const without = left();
  const within = left({ kind: 'range', low: new Dec(0), high: new Dec('0.5') });
  // The mean drawn share, 0.5 ÷ 3, brings about a sixth of them back by the last year.
  expect(within).toBeLessThan(0.9 * without);
});
