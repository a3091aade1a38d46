import type { Decimal } from 'decimal.js';
import { Cohort } from './cohort.js';
import { ONE } from './decimal.js';
import { type AdjustedSurvival, type Outflow, SPAN } from './lanes.js';
import type { PlacementMove } from './adjustments.js';
import type { Cell } from './model.js';
import { NCY_MIN } from './need.js';
import { atScale, pow10, scaledOf, toDecimal } from './units.js';

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
 * This is the projection's hot loop. Counts are scaled integers (src/core/units.ts): a first
 * pass finds each slot's outflow and the places the step needs (the most any factor has, or
 * more if a new plan's count has more), a second multiplies each count by its factors, one
 * integer multiplication per destination, and adds where pupils from two places meet.
 */
export function step(cohort: Cohort, joining: readonly Cell[], ceasing?: ScenarioCeasing): Stepped {
  const { lanes, slots, counts, bespoke, origins, size } = cohort;
  const outflows: Outflow[] = new Array(size);
  let places = 0;
  let capacity = joining.length;
  for (let i = 0; i < size; i += 1) {
    const slot = slots[i]!;
    const lane = lanes.all[Math.floor(slot / SPAN)]!;
    const offset = slot - lane.index * SPAN;
    const outflow = ceasing
      ? ceasing.survival.outflow(lanes, lane, offset, ceasing.factor({ ncy: offset + NCY_MIN, need: lane.need, setting: lane.setting, band: lane.band }))
      : lanes.outflow(lane, offset);
    outflows[i] = outflow;
    if (outflow.places > places) places = outflow.places;
    capacity += 1 + outflow.split.moves.length;
  }
  const list = lanes.listOf(joining);
  const scale = Math.max(cohort.scale + places, list.places);
  const factorScale = scale - cohort.scale;
  const next = new Cohort(lanes, scale, capacity);
  let agedOut = 0n;
  let moved = 0n;
  for (let i = 0; i < size; i += 1) {
    const slot = slots[i]!;
    const count = counts[i]!;
    const outflow = outflows[i]!.at(factorScale);
    if (outflow.agesOut) {
      agedOut += count * outflow.stay;
      continue;
    }
    const origin = origins[i];
    const { moves } = outflow.split;
    for (let k = 0; k < moves.length; k += 1) {
      const move = moves[k]!;
      const share = count * outflow.shares[k]!;
      moved += share;
      next.add(move.lane.index * SPAN + (slot % SPAN) + 1, share, undefined, move.origin ?? origin);
    }
    const cost = bespoke[i];
    next.add(slot + 1, count * outflow.stay, cost === undefined ? undefined : cost.times(outflow.bespokeShare()), origin);
  }
  for (let i = 0; i < joining.length; i += 1) {
    const plan = joining[i]!;
    const placed = list.placed[i]!;
    next.add(placed.slot, atScale(placed.count, scale), plan.bespokeAnnual, plan.origin);
  }
  return { next, agedOut: toDecimal(agedOut, scale), moved: toDecimal(moved, scale), joined: list.total };
}

/** A scenario's multiplier on ceasing rates (Adjustments.ceasingFactor for this step's year), with its memo. */
export interface ScenarioCeasing {
  readonly factor: (cell: Pick<Cell, 'ncy' | 'need' | 'setting' | 'band'>) => Decimal;
  readonly survival: AdjustedSurvival;
}

/**
 * Moves a share of the matching pupils to another placement (a scenario's lever), slot by slot,
 * keeping the cohort's order: the pupils who stay, then those who moved, where each slot was.
 * Moved pupils keep the slot's origin; a bespoke cost stays behind with the pupils who stay.
 * The share's places are added to the cohort's scale, so that the split is exact.
 */
export function movePupils(cohort: Cohort, move: PlacementMove): Cohort {
  const { lanes, slots, counts, bespoke, origins, size } = cohort;
  const fraction = scaledOf(move.fraction);
  const whole = pow10(fraction.places);
  const next = new Cohort(lanes, cohort.scale + fraction.places, 2 * size);
  const staying = ONE.minus(move.fraction);
  for (let i = 0; i < size; i += 1) {
    const slot = slots[i]!;
    const lane = lanes.all[Math.floor(slot / SPAN)]!;
    const offset = slot - lane.index * SPAN;
    const count = counts[i]!;
    const cost = bespoke[i];
    if (!move.matches({ ncy: offset + NCY_MIN, need: lane.need, setting: lane.setting, band: lane.band })) {
      next.add(slot, count * whole, cost, origins[i]);
      continue;
    }
    const moved = count * fraction.int;
    next.add(slot, count * whole - moved, cost?.times(staying), origins[i]);
    next.add(lanes.lane(lane.need, move.toSetting, move.toBand ?? lane.band, false).index * SPAN + offset, moved, undefined, origins[i]);
  }
  return next;
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
