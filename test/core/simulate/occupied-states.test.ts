import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/core/decimal.js';
import type { Scenario } from '../../../src/core/scenario/types.js';
import type { StateVector } from '../../../src/core/simulate/draw-step.js';
import { lowestBit, OccupiedStates } from '../../../src/core/simulate/occupied-states.js';
import { PupilDraws } from '../../../src/core/simulate/pupil-draws.js';
import { loadScenarios } from '../../../src/io/scenarios-file.js';
import { fixture, loadFixture } from '../../helpers/model.js';

/** The states whose bits are set, visited as a draw's step visits them. */
function visited(occupied: OccupiedStates): number[] {
  const states: number[] = [];
  const { words } = occupied;
  for (let w = 0; w < words.length; w += 1)
    for (let word = words[w]!; word !== 0; word &= word - 1)
      states.push((w << 5) | lowestBit(word));
  return states;
}

describe('OccupiedStates', () => {
  it('visits the states added, each once, in ascending order (bit 31 of a word included)', () => {
    const occupied = new OccupiedStates(100);
    for (const s of [99, 31, 0, 63, 32, 31, 64, 5]) occupied.add(s);
    expect(visited(occupied)).toEqual([0, 5, 31, 32, 63, 64, 99]);
    occupied.clear();
    expect(visited(occupied)).toEqual([]);
  });

  it('setFrom marks exactly the states that hold pupils', () => {
    const counts = new Float64Array(70);
    for (const s of [3, 31, 32, 69]) counts[s] = s === 31 ? 0.25 : 2;
    const occupied = new OccupiedStates(counts.length);
    occupied.add(10);
    occupied.setFrom(counts);
    expect(visited(occupied)).toEqual([3, 31, 32, 69]);
  });
});

// A draw's step visits only the states whose bits are set (src/core/simulate/draw-step.ts): the
// draws are those of a scan of every state only if no state holding pupils is ever left unmarked,
// whatever put the pupils there (ageing, transitions, new plans, a lever's moves, capacity).
describe("a draw's occupied states cover every state holding pupils", () => {
  const cases = [
    { name: 'demand-example (capacity)', dir: 'demand-example', id: undefined, file: undefined },
    { name: 'example, mitigated (every kind of lever)', dir: 'example', id: 'mitigated' },
    {
      name: 'example, lever ranges drawn',
      dir: 'example',
      id: 'demand-ranges',
      file: fixture('lever-ranges/scenarios.json'),
    },
  ];
  it.each(cases)('$name', ({ dir, id, file }) => {
    const model = loadFixture(dir);
    const scenario =
      id === undefined
        ? undefined
        : loadScenarios(fixture(dir), '', file).scenarios!.find((s) => s.id === id)!;
    expectCovered(PupilDraws.prepare(model, scenario));
  });

  it('example, a ranged move in the base year (its January drawn afresh each draw)', () => {
    const mitigated = loadScenarios(fixture('example'), '').scenarios!.find(
      (s) => s.id === 'mitigated',
    )!;
    const scenario: Scenario = {
      ...mitigated,
      levers: mitigated.levers.map((lever) =>
        lever.kind === 'move-placements'
          ? {
              ...lever,
              profile: { shape: 'step', from: 2025, fullBy: 2025 },
              range: { kind: 'range', low: new Dec('0.05'), high: new Dec('0.9') },
            }
          : lever,
      ),
    };
    const pupils = PupilDraws.prepare(loadFixture('example'), scenario);
    expect(pupils.plan.baseMoves.length).toBeGreaterThan(0);
    expectCovered(pupils);
    // Each draw moves its own share of the base year's pupils.
    const bases = [0, 1, 2].map((d) => {
      pupils.draw(3, d);
      return [...pupils.januaryCounts[0]!];
    });
    expect(bases[1]).not.toEqual(bases[0]);
    expect(bases[2]).not.toEqual(bases[1]);
  });

  function expectCovered(pupils: PupilDraws): void {
    // The vectors are private to the draws: read here, not changed.
    const { januaries } = pupils as unknown as { januaries: readonly StateVector[] };
    let held = 0;
    const unmarked: string[] = [];
    for (let d = 0; d < 40; d += 1) {
      pupils.draw(3, d);
      januaries.forEach(({ counts, occupied }, j) => {
        const marked = new Set(visited(occupied));
        counts.forEach((count, s) => {
          if (count === 0) return;
          held += 1;
          if (!marked.has(s)) unmarked.push(`draw ${d}, January ${j}, state ${s}: ${count}`);
        });
      });
    }
    expect(unmarked).toEqual([]);
    expect(held).toBeGreaterThan(0);
  }
});
