import type { Decimal } from 'decimal.js';
import { CellAccumulator } from './cells.js';
import { ZERO } from './decimal.js';
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
 * the new plans of AY a+1 join. Nothing is rounded.
 */
export function stepYear(cells: readonly Cell[], newPlans: readonly Cell[], ceasing: CeasingRules, transitions: TransitionRules): StepResult {
  const next = new CellAccumulator();
  let opening = ZERO;
  let ceased = ZERO;
  let agedOut = ZERO;
  let moved = ZERO;
  for (const cell of cells) {
    opening = opening.plus(cell.count);
    const leaving = cell.count.times(ceasing.rate(cell.ncy, cell.need, cell.setting));
    const continuing = cell.count.minus(leaving);
    ceased = ceased.plus(leaving);
    if (cell.ncy + 1 > NCY_MAX) {
      agedOut = agedOut.plus(continuing);
      continue;
    }
    let staying = continuing;
    for (const rule of transitions.from(cell.ncy, cell.setting)) {
      const share = continuing.times(rule.rate);
      staying = staying.minus(share);
      moved = moved.plus(share);
      // A bespoke annual_cost belongs to the placement it was agreed for: a pupil who
      // moves setting is priced by the tariff for the new setting and band.
      next.add({ ncy: cell.ncy + 1, need: cell.need, setting: rule.toSetting, band: rule.toBand ?? cell.band, ...originOf(rule.origin ?? cell.origin) }, share);
    }
    const { count: _count, ...rest } = cell;
    next.add({ ...rest, ncy: cell.ncy + 1 }, staying);
  }
  let joined = ZERO;
  for (const cell of newPlans) {
    joined = joined.plus(cell.count);
    const { count, ...rest } = cell;
    next.add(rest, count);
  }
  const nextCells = next.toCells();
  // Closing is counted from the cells themselves so that the conservation check in
  // project.ts tests the stepping, not a restatement of it.
  const closing = nextCells.reduce((total, cell) => total.plus(cell.count), ZERO);
  return { cells: nextCells, flows: { opening, ceased, agedOut, moved, newPlans: joined, closing } };
}

function originOf(origin: Cell['origin']): Pick<Cell, 'origin'> {
  return origin ? { origin } : {};
}
