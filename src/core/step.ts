import type { Decimal } from 'decimal.js';
import { Cohort } from './cohort.js';
import { ONE, ZERO } from './decimal.js';
import { type AdjustedSurvival, type Move, SPAN } from './lanes.js';
import type { PlacementMove } from './adjustments.js';
import type { Cell } from './model.js';
import { NCY_MIN } from './need.js';

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
 * This is the projection's hot loop: one multiplication per slot (none where nothing
 * ceases), and an addition only where pupils from two places meet in one slot.
 */
export function step(cohort: Cohort, joining: readonly Cell[], ceasing?: ScenarioCeasing): Stepped {
  const { lanes, slots, counts, bespoke, origins } = cohort;
  const next = new Cohort(lanes);
  let agedOut = ZERO;
  let moved = ZERO;
  for (let i = 0; i < slots.length; i += 1) {
    const slot = slots[i]!;
    const count = counts[i]!;
    const lane = lanes.all[Math.floor(slot / SPAN)]!;
    const offset = slot - lane.index * SPAN;
    const survival = ceasing
      ? ceasing.survival.of(lanes.ceasing(lane, offset), ceasing.factor({ ncy: offset + NCY_MIN, need: lane.need, setting: lane.setting, band: lane.band, count }))
      : lanes.survival(lane, offset);
    const continuing = survival === ONE ? count : count.times(survival);
    if (offset === SPAN - 1) {
      agedOut = agedOut.plus(continuing);
      continue;
    }
    const origin = origins[i];
    const moves = lanes.moves(lane, offset);
    let staying = continuing;
    for (const move of moves) {
      const share = continuing.times(move.rate);
      staying = staying.minus(share);
      moved = moved.plus(share);
      next.add(move.lane.index * SPAN + offset + 1, share, undefined, move.origin ?? origin);
    }
    const cost = bespoke[i];
    next.add(slot + 1, staying, cost === undefined ? undefined : stayingCost(cost, survival, moves), origin);
  }
  const list = lanes.listOf(joining);
  for (let i = 0; i < joining.length; i += 1) {
    const plan = joining[i]!;
    next.add(list.slots[i]!, plan.count, plan.bespokeAnnual, plan.origin);
  }
  return { next, agedOut, moved, joined: list.total };
}

/** The share of a bespoke slot's cost that stays with the pupils who stay: (1 − rate)(1 − Σ moved). */
function stayingCost(cost: Decimal, survival: Decimal, moves: readonly Move[]): Decimal {
  let movedShare = ZERO;
  for (const move of moves) movedShare = movedShare.plus(move.rate);
  return cost.times(survival).times(ONE.minus(movedShare));
}

/** A scenario's multiplier on ceasing rates (Adjustments.ceasingFactor for this step's year), with its memo. */
export interface ScenarioCeasing {
  readonly factor: (cell: Cell) => Decimal;
  readonly survival: AdjustedSurvival;
}

/**
 * Moves a share of the matching pupils to another placement (a scenario's lever), slot by slot,
 * keeping the cohort's order: the pupils who stay, then those who moved, where each slot was.
 * Moved pupils keep the slot's origin; a bespoke cost stays behind with the pupils who stay.
 */
export function movePupils(cohort: Cohort, move: PlacementMove): Cohort {
  const { lanes, slots, counts, bespoke, origins } = cohort;
  const next = new Cohort(lanes);
  const staying = ONE.minus(move.fraction);
  for (let i = 0; i < slots.length; i += 1) {
    const slot = slots[i]!;
    const lane = lanes.all[Math.floor(slot / SPAN)]!;
    const offset = slot - lane.index * SPAN;
    const count = counts[i]!;
    const cost = bespoke[i];
    if (!move.matches({ ncy: offset + NCY_MIN, need: lane.need, setting: lane.setting, band: lane.band })) {
      next.add(slot, count, cost, origins[i]);
      continue;
    }
    const moved = count.times(move.fraction);
    next.add(slot, count.minus(moved), cost?.times(staying), origins[i]);
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
