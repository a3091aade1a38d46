import type { Decimal } from 'decimal.js';
import { Cohort } from './cohort.js';
import { ONE } from './decimal.js';
import { SIMPLE, SPAN } from './lanes.js';
import type { YearCeasing } from './scenario-ceasing.js';
import type { PlacementMove } from './adjustments.js';
import type { Cell } from './model.js';
import { NCY_MIN, type Need } from './need.js';
import { pow10, SAFE, ScaledSum, scaledOf } from './units.js';

/** Pupil flows over one academic-year step; opening + new − ceased − agedOut = closing. */
export interface Flows {
  readonly opening: Decimal;
  readonly ceased: Decimal;
  readonly agedOut: Decimal;
  readonly moved: Decimal;
  readonly newPlans: Decimal;
  readonly closing: Decimal;
}

/** A step's result: the next cohort, and the flows that can only be counted while stepping. */
export interface Stepped {
  readonly next: Cohort;
  readonly agedOut: Decimal;
  readonly moved: Decimal;
  readonly joined: Decimal;
}

/**
 * Ages a cohort from AY a to AY a+1 (docs/methodology.md, "Stepping"):
 * continuing = count × (1 − ceasing rate); transitions at (ncy, setting) move their
 * shares to the new setting (and band if given); ncy + 1; past NCY 20 leave; then
 * the new plans of AY a+1 join. Nothing is rounded. A bespoke cost total follows its
 * pupils' share exactly; pupils who move setting leave it behind (priced by the tariff).
 *
 * This is the projection's hot loop. A slot's count, an integer at its own places
 * (src/core/cohort.ts), is multiplied by its outflow's integer factors and goes on at the
 * outflow's places more: as numbers while the product is exact, which allocates nothing,
 * else as BigInts. Pupils from two places that meet in one slot are added there.
 */
export function step(cohort: Cohort, joining: readonly Cell[], ceasing?: YearCeasing): Stepped {
  const { lanes, slots, small, big, places, bespoke, origins, size } = cohort;
  const next = new Cohort(lanes, size + joining.length + 16);
  const agedOut = new ScaledSum();
  const moved = new ScaledSum();
  let { kinds, simpleStay, simplePlaces } = lanes;
  for (let i = 0; i < size; i += 1) {
    const slot = slots[i]!;
    // The lane object only where it is needed: the common case below reads typed arrays alone.
    const laneIndex = (slot / SPAN) | 0;
    const offset = slot - laneIndex * SPAN;
    // A scenario's outflow for the slot; null where its factor is ONE (no lever matches) keeps the model's own.
    const factored = ceasing ? ceasing.at(slot, laneIndex, offset) : null;
    if (factored === null) {
      if (!kinds[slot]) {
        lanes.outflow(lanes.all[laneIndex]!, offset);
        ({ kinds, simpleStay, simplePlaces } = lanes);
      }
      // The common case, read from typed arrays: pupils who only cease, counted as a number.
      if (kinds[slot] === SIMPLE && big[i] === undefined && bespoke[i] === undefined) {
        const stay = small[i]! * simpleStay[slot]!;
        if (stay < SAFE && stay > -SAFE) {
          next.add(slot + 1, stay, undefined, places[i]! + simplePlaces[slot]!, undefined, origins[i]);
          continue;
        }
      }
    }
    const outflow = factored ?? lanes.outflow(lanes.all[laneIndex]!, offset);
    const count = small[i]!;
    const units = big[i];
    const at = places[i]! + outflow.places;
    if (outflow.agesOut) {
      agedOut.add((units ?? BigInt(count)) * outflow.stay, at);
      continue;
    }
    const origin = origins[i];
    const { moves, targets } = outflow.split;
    for (let k = 0; k < moves.length; k += 1) {
      const move = moves[k]!;
      const target = targets[k]! + offset + 1;
      const share = units === undefined ? count * outflow.shareNumbers[k]! : Number.POSITIVE_INFINITY;
      if (share < SAFE && share > -SAFE) {
        moved.addNumber(share, at);
        next.add(target, share, undefined, at, undefined, move.origin ?? origin);
      } else {
        const exact = (units ?? BigInt(count)) * outflow.shares[k]!;
        moved.add(exact, at);
        next.add(target, 0, exact, at, undefined, move.origin ?? origin);
      }
    }
    const cost = bespoke[i];
    const stayCost = cost === undefined ? undefined : cost.times(outflow.bespokeShare());
    const stay = units === undefined ? count * outflow.stayNumber : Number.POSITIVE_INFINITY;
    if (stay < SAFE && stay > -SAFE) next.add(slot + 1, stay, undefined, at, stayCost, origin);
    else next.add(slot + 1, 0, (units ?? BigInt(count)) * outflow.stay, at, stayCost, origin);
  }
  const list = lanes.listOf(joining);
  for (let i = 0; i < joining.length; i += 1) next.addJoining(list, i, joining[i]!);
  next.done();
  return { next, agedOut: agedOut.decimal(), moved: moved.decimal(), joined: list.total };
}

/**
 * Moves a share of the matching pupils to another placement (a scenario's lever), slot by slot,
 * keeping the cohort's order: the pupils who stay, then those who moved, where each slot was.
 * Moved pupils keep the slot's origin; a bespoke cost stays behind with the pupils who stay.
 * A matching slot's count goes on at the share's places more, so that the split is exact;
 * the others are copied as they are.
 */
export function movePupils(cohort: Cohort, move: PlacementMove): Cohort {
  const { lanes, slots, small, big, places, bespoke, origins, size } = cohort;
  const fraction = scaledOf(move.fraction);
  const rest = pow10(fraction.places) - fraction.int;
  // Each matching slot adds one: a lever matches a few slots in most cohorts, and the arrays grow if it matches more.
  const next = new Cohort(lanes, size + (size >> 3) + 16);
  const staying = ONE.minus(move.fraction);
  // One object for every slot asked about: matches() reads it and keeps nothing.
  const probe: { ncy: number; need: Need; setting: string; band: string } = { ncy: 0, need: 'ASD', setting: '', band: '' };
  for (let i = 0; i < size; i += 1) {
    const slot = slots[i]!;
    const lane = lanes.all[Math.floor(slot / SPAN)]!;
    const offset = slot - lane.index * SPAN;
    const cost = bespoke[i];
    probe.ncy = offset + NCY_MIN;
    probe.need = lane.need;
    probe.setting = lane.setting;
    probe.band = lane.band;
    if (!move.matches(probe)) {
      next.add(slot, small[i]!, big[i], places[i]!, cost, origins[i]);
      continue;
    }
    const units = cohort.units(i);
    const at = places[i]! + fraction.places;
    next.add(slot, 0, units * rest, at, cost?.times(staying), origins[i]);
    next.add(lanes.lane(lane.need, move.toSetting, move.toBand ?? lane.band, false).index * SPAN + offset, 0, units * fraction.int, at, undefined, origins[i]);
  }
  return next.done();
}

/**
 * The flows of a step, given the pupils before and after it. Every pupil who did not cease
 * either aged out or is in the new cohort, so closing = opening − ceased − agedOut + joined
 * gives the pupils who ceased; the property tests check this against a count made cell by cell.
 */
export function flowsOf(opening: Decimal, stepped: Stepped, closing: Decimal): Flows {
  const continuing = closing.plus(stepped.agedOut).minus(stepped.joined);
  return { opening, ceased: opening.minus(continuing), agedOut: stepped.agedOut, moved: stepped.moved, newPlans: stepped.joined, closing };
}
