import type { Model } from '../model.js';
import type { AcademicYear } from '../period.js';
import { toDouble } from './count.js';
import { laneNumber, overflowTarget, type LaneSet } from './find-lanes.js';
import type { FlowTally } from './flows.js';
import { type LaneInterner, SPAN } from './lanes.js';

/** A setting's places in one AY, and where each of its states overflows to. */
export interface CapacityLimit {
  readonly setting: number;
  readonly places: number;
  /** The setting's states (every lane and NCY), and for each the state its pupils above the places go to. */
  readonly states: Int32Array;
  readonly targets: Int32Array;
}

/** The capacity rows of AY `ay` that name somewhere to overflow to, in the order of the settings. */
export function capacityLimits(
  model: Model,
  ay: AcademicYear,
  laneSet: LaneSet,
  interner: LaneInterner,
  settingIndex: ReadonlyMap<string, number>,
): CapacityLimit[] {
  const limits: CapacityLimit[] = [];
  for (const row of model.capacity ?? []) {
    const to = overflowTarget(row, model.overflowSetting);
    if (row.academicYear !== ay || to === undefined) continue;
    const states: number[] = [];
    const targets: number[] = [];
    laneSet.lanes.forEach((lane, l) => {
      // Capacity is the area's own providers': pupils placed out of area neither fill nor leave it.
      if (lane.setting !== row.setting || lane.outOfArea) return;
      const target = laneNumber(
        laneSet,
        interner.lane(lane.need, to, row.overflowBand ?? lane.band),
      );
      for (let offset = 0; offset < SPAN; offset += 1) {
        states.push(l * SPAN + offset);
        targets.push(target * SPAN + offset);
      }
    });
    limits.push({
      setting: settingIndex.get(row.setting)!,
      places: toDouble(row.places),
      states: Int32Array.from(states),
      targets: Int32Array.from(targets),
    });
  }
  return limits.sort((a, b) => a.setting - b.setting);
}

/** Where a year's pupils came from, by state, so that the newest arrivals overflow first. */
export interface Arrivals {
  /** New plans that joined this year. */
  readonly joined: Float64Array;
  /** Pupils who came into the state's setting from another this year: transitions, a scenario's moves, overflow from a setting checked earlier. */
  readonly movedIn: Float64Array;
}

/**
 * Moves the pupils above each setting's places to its overflow lanes (docs/methodology.md,
 * "Capacity and overflow"). The newest arrivals go first: this year's new plans, then the pupils
 * who came into the setting this year, then the rest of its pupils; within each of the three, the
 * same share of every state's pupils, so no order among states is needed, and a tier is touched
 * only once the one before it has gone whole. Settings are checked once each, in the order of the
 * plan's settings; pupils who overflow into a setting checked later count as moved in there.
 * `counts`, `arrivals` and the tally's overflow flows are updated in place; nothing is allocated.
 */
export function applyCapacity(
  limits: readonly CapacityLimit[],
  counts: Float64Array,
  arrivals: Arrivals,
  laneSetting: Int32Array,
  tally: FlowTally,
): void {
  for (const { setting, places, states, targets } of limits) {
    let excess = -places;
    for (let i = 0; i < states.length; i += 1) excess += counts[states[i]!]!;
    for (let tier = 0; tier < 3 && excess > 0; tier += 1) {
      let total = 0;
      for (let i = 0; i < states.length; i += 1)
        total += tierPupils(tier, states[i]!, counts, arrivals);
      if (total <= 0) continue;
      const share = Math.min(1, excess / total);
      for (let i = 0; i < states.length; i += 1) {
        const s = states[i]!;
        const t = targets[i]!;
        const moved = tierPupils(tier, s, counts, arrivals) * share;
        if (moved <= 0) continue;
        if (tier === 0) arrivals.joined[s]! -= moved;
        else if (tier === 1) arrivals.movedIn[s]! -= moved;
        counts[s]! -= moved;
        counts[t]! += moved;
        arrivals.movedIn[t]! += moved;
        tally.overflowOut[setting]! += moved;
        tally.overflowIn[laneSetting[(t / SPAN) | 0]!]! += moved;
      }
      // A tier that had more pupils than the excess gave a share of them: the next tier keeps all of its.
      if (share < 1) break;
      excess -= total;
    }
  }
}

/** A state's pupils in a tier: this year's new plans, those who came in from another setting, the rest. */
function tierPupils(tier: number, s: number, counts: Float64Array, arrivals: Arrivals): number {
  if (tier === 0) return arrivals.joined[s]!;
  if (tier === 1) return arrivals.movedIn[s]!;
  return counts[s]! - arrivals.joined[s]! - arrivals.movedIn[s]!;
}
