import type { Arrivals } from './capacity.js';
import { applyCapacity } from './capacity.js';
import type { FlowTally } from './flows.js';
import { SPAN } from './lanes.js';
import type { DemandPlan, YearPlan } from './plan.js';

/**
 * One year's step (docs/methodology.md, "Stepping the cohort"): from the January cohort of AY
 * a to that of AY a + 1. For each state in order: ceasing (count × survival continue), then the
 * continuing pupils past NCY 20 age out, the transitions' shares move to their target lanes and
 * the rest stay, each one NCY older (ageing on 1 September); then the year's new plans join, a
 * scenario's moves apply, and pupils above a setting's capacity overflow. Counts are doubles
 * (expected values), added in this fixed order, so the same inputs give the same bits anywhere;
 * no Math.pow, exp or log is used. `to`, `arrivals` and `tally` are filled (they are cleared
 * first); nothing is allocated.
 */
export function stepYear(plan: DemandPlan, year: YearPlan, from: Float64Array, to: Float64Array, arrivals: Arrivals, tally: FlowTally): void {
  const { laneSetting, rates } = plan;
  const { keep, moveStart, moveTarget, moveShare } = rates;
  const { survival } = year;
  const settingOf = (state: number): number => laneSetting[(state / SPAN) | 0]!;
  to.fill(0);
  arrivals.joined.fill(0);
  arrivals.movedIn.fill(0);
  for (const flow of Object.values(tally)) flow.fill(0);

  for (let s = 0; s < plan.size; s += 1) {
    const count = from[s]!;
    if (count === 0) continue;
    const setting = settingOf(s);
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
      arrivals.movedIn[target]! += moved;
      tally.movedOut[setting]! += moved;
      tally.movedIn[settingOf(target)]! += moved;
    }
    to[s + 1]! += continuing * keep[s]!;
  }

  const { states, counts } = year.joiners;
  for (let i = 0; i < states.length; i += 1) {
    const s = states[i]!;
    to[s]! += counts[i]!;
    arrivals.joined[s]! += counts[i]!;
    tally.newPlans[settingOf(s)]! += counts[i]!;
  }

  for (const move of year.moves) {
    for (let i = 0; i < move.from.length; i += 1) {
      const s = move.from[i]!;
      const moved = to[s]! * move.fraction;
      if (moved === 0) continue;
      // The pupils who stay keep their share of this year's arrivals, so they still overflow first.
      arrivals.joined[s]! -= arrivals.joined[s]! * move.fraction;
      arrivals.movedIn[s]! -= arrivals.movedIn[s]! * move.fraction;
      to[s]! -= moved;
      to[move.to[i]!]! += moved;
      arrivals.movedIn[move.to[i]!]! += moved;
      tally.movedOut[settingOf(s)]! += moved;
      tally.movedIn[settingOf(move.to[i]!)]! += moved;
    }
  }

  applyCapacity(year.capacity, to, arrivals, (s, t, pupils) => {
    tally.overflowOut[settingOf(s)]! += pupils;
    tally.overflowIn[settingOf(t)]! += pupils;
  });
}

/** A scenario's moves in the base year, before the projection starts: no flows are counted. */
export function moveBase(plan: DemandPlan, counts: Float64Array): void {
  for (const move of plan.baseMoves) {
    for (let i = 0; i < move.from.length; i += 1) {
      const moved = counts[move.from[i]!]! * move.fraction;
      counts[move.from[i]!]! -= moved;
      counts[move.to[i]!]! += moved;
    }
  }
}
