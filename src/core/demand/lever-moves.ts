import type { PlacementMove } from '../adjustments.js';
import type { AcademicYear } from '../period.js';
import { toDouble } from './count.js';
import type { LaneSet } from './find-lanes.js';
import { type LaneInterner, movedLane, SPAN } from './lanes.js';
import type { NcyMatches } from './ncy-matches.js';

/** A scenario's move of a share of the pupils in `from[i]` to `to[i]` (the same NCY in another lane). */
export interface LeverMove {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly fraction: number;
  /** The scenario lever it comes from (PlacementMove.lever). */
  readonly lever?: number;
}

/**
 * Each year's moves as the states they match, in state order. The states a move matches are found
 * once per filter (a lever's moves share their `matches` from year to year); a pupil moved to
 * another setting is priced by the tariff of the new lane (src/core/demand/lanes.ts movedLane). Undefined when a move leads to a lane the set does not hold.
 */
export function leverMoves(
  { lanes, numberOf }: LaneSet,
  interner: LaneInterner,
  byYear: ReadonlyMap<AcademicYear, readonly PlacementMove[]>,
  matching: NcyMatches,
): Map<AcademicYear, LeverMove[]> | undefined {
  let missing = false;
  const matched = new Map<
    PlacementMove['matches'],
    Map<string, { from: Int32Array; to: Int32Array }>
  >();
  const statesOf = (move: PlacementMove): { from: Int32Array; to: Int32Array } => {
    const byPlace =
      matched.get(move.matches) ?? new Map<string, { from: Int32Array; to: Int32Array }>();
    matched.set(move.matches, byPlace);
    const place = `${move.toSetting}\u0000${move.toBand ?? ''}`;
    let states = byPlace.get(place);
    if (!states) {
      const from: number[] = [];
      const to: number[] = [];
      lanes.forEach((lane, l) => {
        const bits = matching.of(move, lane);
        if (bits === 0) return;
        const target =
          numberOf.get(
            movedLane(interner, lane, lane.need, move.toSetting, move.toBand ?? lane.band),
          ) ?? -1;
        if (target < 0) missing = true;
        // A lane the move leads to itself is already where the move puts it: not a move.
        if (target === l) return;
        for (let offset = 0; offset < SPAN; offset += 1) {
          if ((bits & (1 << offset)) === 0) continue;
          from.push(l * SPAN + offset);
          to.push(target * SPAN + offset);
        }
      });
      states = { from: Int32Array.from(from), to: Int32Array.from(to) };
      byPlace.set(place, states);
    }
    return states;
  };
  const moves = new Map(
    [...byYear].map(([ay, list]) => [
      ay,
      list.map((move): LeverMove => {
        const { from, to } = statesOf(move);
        // Every move has the same fields, so that the step that reads them sees one shape of object.
        return { from, to, fraction: toDouble(move.fraction), lever: move.lever };
      }),
    ]),
  );
  return missing ? undefined : moves;
}

/** A scenario's moves of every year, each (filter, placement) once: they all lead to the same lanes. */
export function distinctMoves(moves: readonly PlacementMove[]): PlacementMove[] {
  const seen = new Map<PlacementMove['matches'], PlacementMove[]>();
  for (const move of moves) {
    const same = seen.get(move.matches) ?? [];
    if (!same.some((m) => m.toSetting === move.toSetting && m.toBand === move.toBand))
      same.push(move);
    seen.set(move.matches, same);
  }
  return [...seen.values()].flat();
}
