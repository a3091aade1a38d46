import type { PlacementMove } from '../adjustments.js';
import type { Cell } from '../model.js';
import { NCY_MAX, NCY_MIN } from '../need.js';
import { toDouble } from './count.js';
import type { LaneLookup } from './find-lanes.js';
import { stateOf } from './lanes.js';
import { countsByState } from './rates.js';

/** A year's new plans as states and counts. */
export interface Joiners {
  readonly states: Int32Array;
  readonly counts: Float64Array;
}

/** A scenario's move of a share of the pupils in `from[i]` to `to[i]` (the same NCY in another lane). */
export interface LeverMove {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly fraction: number;
}

/** A year's new plans by state, in state order. */
export function joinersOf(cells: readonly Cell[], lookup: LaneLookup): Joiners {
  const sums = [...countsByState(cells, lookup, false)].sort((a, b) => a[0] - b[0]);
  return { states: Int32Array.from(sums, ([state]) => state), counts: Float64Array.from(sums, ([, count]) => toDouble(count)) };
}

/** A year's moves, each as the states it matches, in state order. A moved pupil is priced by the tariff of the new lane. */
export function leverMoves(moves: readonly PlacementMove[], { lanes, numberOf }: LaneLookup): LeverMove[] {
  const probe = { ncy: 0, need: lanes[0]?.need ?? 'ASD', setting: '', band: '' };
  return moves.map((move) => {
    const from: number[] = [];
    const to: number[] = [];
    lanes.forEach((lane, l) => {
      Object.assign(probe, { need: lane.need, setting: lane.setting, band: lane.band });
      for (let ncy = NCY_MIN; ncy <= NCY_MAX; ncy += 1) {
        probe.ncy = ncy;
        if (!move.matches(probe)) continue;
        from.push(stateOf(l, ncy));
        to.push(stateOf(numberOf(lane.need, move.toSetting, move.toBand ?? lane.band), ncy));
      }
    });
    return { from: Int32Array.from(from), to: Int32Array.from(to), fraction: toDouble(move.fraction) };
  });
}
