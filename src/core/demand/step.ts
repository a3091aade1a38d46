import type { Arrivals } from './capacity.js';
import { applyCapacity } from './capacity.js';
import { FLOW_NAMES, type FlowTally } from './flows.js';
import { SPAN } from './lanes.js';
import type { DemandPlan, YearPlan } from './plan.js';

/**
 * One year's step (docs/methodology.md, "Stepping the cohort"): from the January cohort of AY
 * a to that of AY a + 1. For each state in order: ceasing (count × survival continue), then the
 * continuing pupils past NCY 20 age out, the transitions' shares move to their target lanes and
 * the rest stay, each one NCY older (ageing on 1 September); then the year's new plans join, a
 * scenario's moves apply, and pupils above a setting's capacity overflow. Counts are doubles
 * (expected values), added in this fixed order, so the same inputs give the same bits anywhere;
 * no Math.pow, exp or log is used. `to`, `arrivals`, `tally` and `byMove` are filled (they are cleared
 * first); nothing is allocated.
 */
export function stepYear(
  plan: DemandPlan,
  year: YearPlan,
  from: Float64Array,
  to: Float64Array,
  arrivals: Arrivals,
  tally: FlowTally,
  /** Filled with the pupils each of the year's moves (year.moves) moved. */
  byMove: Float64Array,
): void {
  const { laneSetting, rates } = plan;
  const { keep, moveStart, moveTarget, moveShare } = rates;
  const { survival } = year;
  to.fill(0);
  arrivals.joined.fill(0);
  arrivals.movedIn.fill(0);
  for (const name of FLOW_NAMES) tally[name].fill(0);
  byMove.fill(0);

  for (let s = 0; s < plan.size; s += 1) {
    const count = from[s]!;
    if (count === 0) continue;
    const setting = laneSetting[(s / SPAN) | 0]!;
    const continuing = count * survival[s]!;
    tally.ceased[setting]! += count - continuing;
    if (s % SPAN === SPAN - 1) {
      tally.agedOut[setting]! += continuing;
      continue;
    }
    for (let k = moveStart[s]!; k < moveStart[s + 1]!; k += 1) {
      const target = moveTarget[k]!;
      const moved = continuing * moveShare[k]!;
      to[target]! += moved;
      move(setting, target, moved, laneSetting, arrivals, tally);
    }
    to[s + 1]! += continuing * keep[s]!;
  }

  const { states, counts } = year.joiners;
  for (let i = 0; i < states.length; i += 1) {
    const s = states[i]!;
    to[s]! += counts[i]!;
    arrivals.joined[s]! += counts[i]!;
    tally.newPlans[laneSetting[(s / SPAN) | 0]!]! += counts[i]!;
  }

  // A move's targets are never among its sources (src/core/demand/year-inputs.ts), so moving in place is moving from the pupils as they were.
  for (let k = 0; k < year.moves.length; k += 1) {
    const { from: sources, to: targets, fraction } = year.moves[k]!;
    for (let i = 0; i < sources.length; i += 1) {
      const s = sources[i]!;
      const moved = to[s]! * fraction;
      if (moved === 0) continue;
      // The pupils who stay keep their share of this year's arrivals, so they still overflow first.
      arrivals.joined[s]! -= arrivals.joined[s]! * fraction;
      arrivals.movedIn[s]! -= arrivals.movedIn[s]! * fraction;
      to[s]! -= moved;
      to[targets[i]!]! += moved;
      byMove[k]! += moved;
      move(laneSetting[(s / SPAN) | 0]!, targets[i]!, moved, laneSetting, arrivals, tally);
    }
  }

  applyCapacity(year.capacity, to, arrivals, laneSetting, tally);
}

/**
 * Counts pupils moved from a setting to a target state: out of the one and into the other's
 * setting (both ways for a change of band or need within a setting), and as arrivals for capacity
 * only when they change setting.
 */
function move(
  setting: number,
  target: number,
  pupils: number,
  laneSetting: Int32Array,
  arrivals: Arrivals,
  tally: FlowTally,
): void {
  const into = laneSetting[(target / SPAN) | 0]!;
  tally.movedOut[setting]! += pupils;
  tally.movedIn[into]! += pupils;
  if (into !== setting) arrivals.movedIn[target]! += pupils;
}

/** A scenario's moves in the base year, before the projection starts: no flows are counted. */
export function moveBase(
  plan: DemandPlan,
  counts: Float64Array,
  /** A draw's fraction of each base-year move (src/core/simulate/move-lever-ranges.ts); default the plan's. */
  fractions?: Float64Array,
  /** If given, filled with the pupils each base-year move moved. */
  byMove?: Float64Array,
): void {
  plan.baseMoves.forEach((move, k) => {
    const fraction = fractions ? fractions[k]! : move.fraction;
    let total = 0;
    for (let i = 0; i < move.from.length; i += 1) {
      const moved = counts[move.from[i]!]! * fraction;
      counts[move.from[i]!]! -= moved;
      counts[move.to[i]!]! += moved;
      total += moved;
    }
    if (byMove) byMove[k] = total;
  });
}
