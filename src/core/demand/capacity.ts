import type { Model } from '../model.js';
import type { AcademicYear } from '../period.js';
import { toDouble } from './count.js';
import { overflowTarget, type LaneSet } from './find-lanes.js';
import { type LaneInterner, SPAN } from './lanes.js';

/** A setting's places in one AY, and where each of its lanes overflows to. */
export interface CapacityLimit {
  readonly setting: number;
  readonly places: number;
  /** The setting's lanes, and for each the lane its pupils above the places go to. */
  readonly lanes: Int32Array;
  readonly targets: Int32Array;
}

/** The capacity rows of AY `ay` that name somewhere to overflow to, in the order of the settings. */
export function capacityLimits(model: Model, ay: AcademicYear, { lanes, numberOf }: LaneSet, interner: LaneInterner, settingIndex: ReadonlyMap<string, number>): CapacityLimit[] {
  const limits: CapacityLimit[] = [];
  for (const row of model.capacity ?? []) {
    const to = overflowTarget(row, model.overflowSetting);
    if (row.academicYear !== ay || to === undefined) continue;
    const from: number[] = [];
    const targets: number[] = [];
    lanes.forEach((lane, l) => {
      if (lane.setting !== row.setting) return;
      from.push(l);
      targets.push(numberOf.get(interner.lane(lane.need, to, row.overflowBand ?? lane.band))!);
    });
    limits.push({ setting: settingIndex.get(row.setting)!, places: toDouble(row.places), lanes: Int32Array.from(from), targets: Int32Array.from(targets) });
  }
  return limits.sort((a, b) => a.setting - b.setting);
}

/** Where a year's pupils came from, by state, so that the newest arrivals overflow first. */
export interface Arrivals {
  /** New plans that joined this year. */
  readonly joined: Float64Array;
  /** Pupils who moved in this year: transitions, a scenario's moves, overflow from a setting checked earlier. */
  readonly movedIn: Float64Array;
}

/**
 * Moves the pupils above each setting's places to its overflow lanes (docs/methodology.md,
 * "Capacity"). The newest arrivals go first: this year's new plans, then the pupils who moved in
 * this year, then the rest of the setting's pupils; within each of the three, the same share of
 * every state's pupils, so no order among states is needed. Settings are checked once each, in
 * the order of `settings`; pupils who overflow into a setting checked later count as moved in there.
 * Returns nothing: `counts` and `arrivals` are updated and each overflow passed to `record`.
 */
export function applyCapacity(limits: readonly CapacityLimit[], counts: Float64Array, arrivals: Arrivals, record: (fromState: number, toState: number, pupils: number) => void): void {
  for (const limit of limits) {
    let excess = settingTotal(limit, counts) - limit.places;
    for (let tier = 0; tier < 3 && excess > 0; tier += 1) {
      const amount = (s: number): number => (tier === 0 ? arrivals.joined[s]! : tier === 1 ? arrivals.movedIn[s]! : counts[s]! - arrivals.joined[s]! - arrivals.movedIn[s]!);
      let tierTotal = 0;
      forEachState(limit, (s) => { tierTotal += amount(s); });
      if (tierTotal <= 0) continue;
      const share = Math.min(1, excess / tierTotal);
      forEachState(limit, (s, t) => {
        const moved = amount(s) * share;
        if (moved <= 0) return;
        if (tier === 0) arrivals.joined[s]! -= moved;
        else if (tier === 1) arrivals.movedIn[s]! -= moved;
        counts[s]! -= moved;
        counts[t]! += moved;
        arrivals.movedIn[t]! += moved;
        record(s, t, moved);
      });
      excess -= share * tierTotal;
    }
  }
}

function settingTotal(limit: CapacityLimit, counts: Float64Array): number {
  let total = 0;
  forEachState(limit, (s) => { total += counts[s]!; });
  return total;
}

/** Each state of the limit's lanes, NCY by NCY, with the state its pupils overflow to. */
function forEachState(limit: CapacityLimit, visit: (state: number, target: number) => void): void {
  for (let i = 0; i < limit.lanes.length; i += 1) {
    const from = limit.lanes[i]! * SPAN;
    const to = limit.targets[i]! * SPAN;
    for (let offset = 0; offset < SPAN; offset += 1) visit(from + offset, to + offset);
  }
}
