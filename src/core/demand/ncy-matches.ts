import type { NcyRange, PlacementMove } from '../adjustments.js';
import { NCY_MIN } from '../need.js';
import { type Lane, SPAN } from './lanes.js';
import { mapIn } from './map-in.js';

/**
 * The NCYs at which a scenario's move matches a lane, as bits by NCY offset (bit k: NCY_MIN + k),
 * asked of the move once per lane in a projection (as a range if it says, else NCY by NCY):
 * finding its lanes and then its states each read them again. Made by the projection that uses
 * it and dropped after it.
 */
export class NcyMatches {
  private readonly byFilter = new Map<PlacementMove['matches'], Map<Lane, number>>();

  of({ matches, ncysAt }: PlacementMove, lane: Lane): number {
    const byLane = mapIn(this.byFilter, matches);
    let bits = byLane.get(lane);
    if (bits === undefined) {
      bits = ncysAt ? rangeBits(ncysAt(lane)) : probed(matches, lane);
      byLane.set(lane, bits);
    }
    return bits;
  }
}

/** The NCYs of a range as bits. */
function rangeBits(range: NcyRange | undefined): number {
  let bits = 0;
  for (let offset = 0; range && offset < SPAN; offset += 1) {
    const ncy = offset + NCY_MIN;
    if (ncy >= range.from && ncy <= range.to) bits |= 1 << offset;
  }
  return bits;
}

/** The NCYs at which a filter matches a lane, asking it at each. */
function probed(matches: PlacementMove['matches'], lane: Lane): number {
  let bits = 0;
  // One probe for every NCY: the filter may keep it only during the call (PlacementMove).
  const probe = { ncy: 0, need: lane.need, setting: lane.setting, band: lane.band };
  for (let offset = 0; offset < SPAN; offset += 1) {
    probe.ncy = offset + NCY_MIN;
    if (matches(probe)) bits |= 1 << offset;
  }
  return bits;
}
