import { type Arrivals, applyCapacity } from '../demand/capacity.js';
import type { FlowTally } from '../demand/flows.js';
import { SPAN } from '../demand/lanes.js';
import type { DemandPlan, YearPlan } from '../demand/plan.js';
import { lowestBit, type OccupiedStates } from './occupied-states.js';
import { binomial, poisson } from './sample.js';
import type { Uniform } from './stream.js';

/** A draw's rates for one year's step: survival by state and the transitions' shares. */
export interface StepDraw {
  readonly survival: Float64Array;
  readonly moveShare: Float64Array;
  /** Expected new plans of each of the year's joiner entries (YearPlan.joiners order). */
  readonly joining: Float64Array;
  /** e^−joining, each entry's chance of no new plan, which starts its Poisson draw (worked out when `joining` changes). */
  readonly joiningNone: Float64Array;
  /** The fraction of each of the year's lever moves (YearPlan.moves order) when a lever's share is drawn; else the plan's. */
  readonly moveFractions?: Float64Array;
}

/** A January's pupils by state, and the states that may hold them (the bits a step sets as it adds pupils). */
export interface StateVector {
  readonly counts: Float64Array;
  readonly occupied: OccupiedStates;
}

/**
 * One year's step of one draw (docs/simulate.md, "Where the uncertainty comes from"): the deterministic step
 * (src/core/demand/step.ts) with whole pupils drawn in place of expected ones. A state's pupils
 * are made whole first (a fraction f of a pupil is one pupil with probability f), then the ceasing
 * pupils are Binomial(n, 1 − survival), the movers of each transition Binomial of those left with
 * the transition's share of what is left (a multinomial, drawn one target at a time), new plans
 * Poisson around their expected number, and a scenario's moves Binomial(pupils, fraction).
 * Capacity is the deterministic rule (a share of each tier), whose fractions the next step makes whole.
 * The states are visited in ascending order, each drawing from the one stream `u`; the parts are
 * functions of their own so that each is compiled whole, its samplers inlined.
 */
export function drawStep(
  plan: DemandPlan,
  year: YearPlan,
  rates: StepDraw,
  crosses: Uint8Array,
  u: Uniform,
  from: StateVector,
  to: StateVector,
  arrivals: Arrivals,
  tally: FlowTally,
): void {
  // Where pupils came from matters only to capacity: a year without limits does not keep it.
  const arriving = year.capacity.length > 0 ? arrivals : undefined;
  to.counts.fill(0);
  to.occupied.clear();
  arriving?.joined.fill(0);
  arriving?.movedIn.fill(0);
  stepStates(plan, rates, crosses, u, from, to, arriving);
  addJoiners(year, rates, u, to, arriving);
  if (year.moves.length > 0) leverMoves(plan, year, rates, u, to, arriving);
  if (!arriving) return;
  applyCapacity(year.capacity, to.counts, arriving, plan.laneSetting, tally);
  for (const { targets } of year.capacity) for (const t of targets) to.occupied.add(t);
}

/**
 * Each occupied state's pupils: who stays, who moves where, and who ages a year in their lane.
 * One pupil (about half the occupied states) takes one uniform, v, for all of it: it ceases when
 * v ≥ survival; else v ÷ survival is again uniform on [0, 1) and picks the transition (or none) by
 * its share. That quotient is as fine as a fresh uniform: v is one of 2^32 equally likely values,
 * of which about survival × 2^32 are below the survival, so each transition's chance is its share
 * to within 1 ÷ (survival × 2^32), under 10^−9 for any survival above 1/4 (the division rounds
 * it by at most 2^−53 more). More pupils are drawn as counts: a Binomial of those who cease, then
 * a multinomial of the movers.
 */
function stepStates(
  plan: DemandPlan,
  rates: StepDraw,
  crosses: Uint8Array,
  u: Uniform,
  from: StateVector,
  to: StateVector,
  arriving: Arrivals | undefined,
): void {
  const { moveStart, moveTarget } = plan.rates;
  const { survival, moveShare } = rates;
  const { words } = from.occupied;
  const counts = to.counts;
  const occupied = to.occupied;
  for (let w = 0; w < words.length; w += 1)
    for (let word = words[w]!; word !== 0; word &= word - 1) {
      const s = (w << 5) | lowestBit(word);
      const count = from.counts[s]!;
      if (count === 1) {
        const kept = survival[s]!;
        let v = u.next();
        // Past NCY 20 the continuing pupils age out.
        if (v >= kept || s % SPAN === SPAN - 1) continue;
        v /= kept;
        let t = s + 1;
        for (let k = moveStart[s]!; k < moveStart[s + 1]!; k += 1) {
          if (v < moveShare[k]!) {
            t = moveTarget[k]!;
            if (arriving && crosses[k]) arriving.movedIn[t]! += 1;
            break;
          }
          v -= moveShare[k]!;
        }
        counts[t]! += 1;
        occupied.add(t);
        continue;
      }
      if (count === 0) continue;
      let left = survivors(count, survival[s]!, u);
      if (left === 0 || s % SPAN === SPAN - 1) continue;
      let chance = 1;
      for (let k = moveStart[s]!; k < moveStart[s + 1]! && left > 0; k += 1) {
        const share = moveShare[k]!;
        const moved = chance > share ? binomial(u, left, share / chance) : left;
        chance -= share;
        if (moved === 0) continue;
        const t = moveTarget[k]!;
        counts[t]! += moved;
        occupied.add(t);
        if (arriving && crosses[k]) arriving.movedIn[t]! += moved;
        left -= moved;
      }
      if (left === 0) continue;
      // What no transition took stays in its lane, one NCY older.
      counts[s + 1]! += left;
      occupied.add(s + 1);
    }
}

/** The year's new plans, Poisson around each joiner entry's expected number, into its state. */
function addJoiners(
  year: YearPlan,
  rates: StepDraw,
  u: Uniform,
  to: StateVector,
  arriving: Arrivals | undefined,
): void {
  const { states } = year.joiners;
  for (let i = 0; i < states.length; i += 1) {
    const joined = poisson(u, rates.joining[i]!, rates.joiningNone[i]!);
    if (joined === 0) continue;
    to.counts[states[i]!]! += joined;
    to.occupied.add(states[i]!);
    if (arriving) arriving.joined[states[i]!]! += joined;
  }
}

/** A scenario's moves of the year: Binomial(pupils, fraction) of each source state to its target. */
function leverMoves(
  plan: DemandPlan,
  year: YearPlan,
  rates: StepDraw,
  u: Uniform,
  to: StateVector,
  arriving: Arrivals | undefined,
): void {
  const { laneSetting } = plan;
  const counts = to.counts;
  for (let k = 0; k < year.moves.length; k += 1) {
    const { from: sources, to: targets } = year.moves[k]!;
    const fraction = rates.moveFractions ? rates.moveFractions[k]! : year.moves[k]!.fraction;
    for (let i = 0; i < sources.length; i += 1) {
      const s = sources[i]!;
      const t = targets[i]!;
      const pupils = counts[s]!;
      if (pupils === 0) continue;
      const moved = Number.isInteger(pupils) ? binomial(u, pupils, fraction) : pupils * fraction;
      if (moved === 0) continue;
      counts[s]! -= moved;
      counts[t]! += moved;
      to.occupied.add(t);
      if (!arriving) continue;
      const share = moved / pupils;
      arriving.joined[s]! -= arriving.joined[s]! * share;
      arriving.movedIn[s]! -= arriving.movedIn[s]! * share;
      if (laneSetting[(t / SPAN) | 0] !== laneSetting[(s / SPAN) | 0])
        arriving.movedIn[t]! += moved;
    }
  }
}

/** Whether each move of a plan (DemandPlan.rates order) leads to another setting: only then is it an arrival for capacity. */
export function movesAcross(plan: DemandPlan): Uint8Array {
  const { moveStart, moveTarget } = plan.rates;
  const crosses = new Uint8Array(moveTarget.length);
  for (let s = 0; s < plan.size; s += 1)
    for (let k = moveStart[s]!; k < moveStart[s + 1]!; k += 1)
      crosses[k] = Number(
        plan.laneSetting[(moveTarget[k]! / SPAN) | 0] !== plan.laneSetting[(s / SPAN) | 0],
      );
  return crosses;
}

/**
 * Of `count` pupils who each stay with the chance `kept`, how many stay: the count made whole
 * first, less a Binomial of those who cease.
 */
function survivors(count: number, kept: number, u: Uniform): number {
  const whole = wholePupils(count, u);
  return kept === 1 ? whole : whole - binomial(u, whole, 1 - kept);
}

/** A count made whole pupils: itself when whole; else its whole part, and one more with the chance of its fraction. */
function wholePupils(count: number, u: Uniform): number {
  if (Number.isInteger(count)) return count;
  const floor = Math.floor(count);
  return u.next() < count - floor ? floor + 1 : floor;
}
