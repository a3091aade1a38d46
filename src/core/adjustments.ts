import type { Decimal } from 'decimal.js';
import type { Cell } from './model.js';
import type { AcademicYear } from './period.js';

/**
 * Changes a scenario makes inside a projection, where a change to the model's data alone
 * cannot express them (src/core/scenario/compile.ts builds these). All optional: a
 * projection without adjustments is the model as given.
 */
export interface Adjustments {
  /**
   * A multiplier on the ceasing rate of `cell` at the end of AY `ay` (the result is kept within
   * 0–1). It may read `cell` only during the call: a step reuses one object for every slot.
   * A projection asks it once per slot and AY and keeps the answer for that projection.
   */
  readonly ceasingFactor?: (ay: AcademicYear, cell: Pick<Cell, 'ncy' | 'need' | 'setting' | 'band'>) => Decimal;
  /** The new plans joining in AY `ay`, after levers. */
  readonly newPlans?: (ay: AcademicYear, cells: readonly Cell[]) => readonly Cell[];
  /** Moves of existing pupils in AY `ay`, after its step, applied in order; none, or an empty list, moves nobody. */
  readonly moves?: (ay: AcademicYear) => readonly PlacementMove[];
  /** Commissioned places added to (or, negative, removed from) a place-funded setting in AY `ay`. */
  readonly extraPlaces?: (ay: AcademicYear, setting: string) => Decimal | undefined;
}

/**
 * A share of the pupils who match moving to another placement. A moved pupil is priced by the
 * tariff of the new placement: any bespoke cost stays behind, shrinking with the pupils who stay.
 */
export interface PlacementMove {
  /** Whether a cell's pupils are among those who move. Given one object for every slot (src/core/step.ts): it must not keep it. */
  readonly matches: (cell: Pick<Cell, 'ncy' | 'need' | 'setting' | 'band'>) => boolean;
  /** The share of the matching pupils who move, 0–1. */
  readonly fraction: Decimal;
  readonly toSetting: string;
  /** Absent: pupils keep their band. */
  readonly toBand?: string;
}
