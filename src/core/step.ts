import type { Decimal } from 'decimal.js';
import { CellAccumulator } from './cells.js';
import { ONE, ZERO } from './decimal.js';
import type { Cell } from './model.js';
import { NCY_MAX } from './need.js';
import type { CeasingRules, TransitionRules } from './rules.js';

/** Pupil flows over one academic-year step; opening + new − ceased − agedOut = closing. */
export interface Flows {
  readonly opening: Decimal;
  readonly ceased: Decimal;
  readonly agedOut: Decimal;
  readonly moved: Decimal;
  readonly newPlans: Decimal;
  readonly closing: Decimal;
}

export interface StepResult {
  readonly cells: Cell[];
  readonly flows: Flows;
}

/**
 * Ages a cohort from AY a to AY a+1 (docs/methodology.md, "Stepping"):
 * continuing = count × (1 − ceasing rate); transitions at (ncy, setting) move their
 * shares to the new setting (and band if given); ncy + 1; past NCY 20 leave; then
 * the new plans of AY a+1 join. Nothing is rounded. A bespoke cost total follows its
 * pupils' share exactly; pupils who move setting leave it behind (priced by the tariff).
 */
export function stepYear(cells: readonly Cell[], newPlans: readonly Cell[], ceasing: CeasingRules, transitions: TransitionRules, ceasingFactor?: (cell: Cell) => Decimal): StepResult {
  const next = new CellAccumulator();
  let opening = ZERO;
  let continuingTotal = ZERO;
  let agedOut = ZERO;
  let moved = ZERO;
  for (const cell of cells) {
    opening = opening.plus(cell.count);
    const rate = adjustedRate(ceasing.rateFor(cell), ceasingFactor?.(cell));
    const continuing = rate.isZero() ? cell.count : cell.count.minus(cell.count.times(rate));
    continuingTotal = continuingTotal.plus(continuing);
    if (cell.ncy + 1 > NCY_MAX) {
      agedOut = agedOut.plus(continuing);
      continue;
    }
    let staying = continuing;
    let movedShare = ZERO;
    for (const rule of transitions.from(cell.ncy, cell.setting)) {
      const share = continuing.times(rule.rate);
      staying = staying.minus(share);
      movedShare = movedShare.plus(rule.rate);
      moved = moved.plus(share);
      next.addFields(cell.ncy + 1, cell.need, rule.toSetting, rule.toBand ?? cell.band, rule.origin ?? cell.origin, share);
    }
    // The share of the cell's pupils (and so of its bespoke cost) that stays: (1 − rate)(1 − Σ moved).
    const bespoke = cell.bespokeAnnual?.times(ONE.minus(rate)).times(ONE.minus(movedShare));
    next.addFields(cell.ncy + 1, cell.need, cell.setting, cell.band, cell.origin, staying, bespoke, cell.lane);
  }
  const ceased = opening.minus(continuingTotal);
  let joined = ZERO;
  for (const plan of newPlans) {
    joined = joined.plus(plan.count);
    next.addFields(plan.ncy, plan.need, plan.setting, plan.band, plan.origin, plan.count, plan.bespokeAnnual, plan.lane);
  }
  const nextCells = next.toCells();
  // Closing is counted from the cells themselves so that the conservation check in
  // project.ts tests the stepping, not a restatement of it.
  const closing = nextCells.reduce((total, cell) => total.plus(cell.count), ZERO);
  return { cells: nextCells, flows: { opening, ceased, agedOut, moved, newPlans: joined, closing } };
}

/** A scenario's multiplier on a ceasing rate, kept within 0–1 (no more than all plans can cease). */
function adjustedRate(rate: Decimal, factor: Decimal | undefined): Decimal {
  if (factor === undefined || rate.isZero()) return rate;
  const adjusted = rate.times(factor);
  return adjusted.isNegative() ? ZERO : adjusted.greaterThan(ONE) ? ONE : adjusted;
}
