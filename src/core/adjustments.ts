import type { Decimal } from 'decimal.js';
import type { Cell } from './model.js';
import type { AcademicYear } from './period.js';

/**
 * Changes a scenario makes inside a projection, where a change to the model's data alone
 * cannot express them (src/core/scenario/compile.ts builds these). All optional: a
 * projection without adjustments is the model as given.
 */
export interface Adjustments {
  /** A multiplier on the ceasing rate of `cell` at the end of AY `ay` (the result is kept within 0–1). */
  readonly ceasingFactor?: (ay: AcademicYear, cell: Cell) => Decimal;
  /** The new plans joining in AY `ay`, after levers. */
  readonly newPlans?: (ay: AcademicYear, cells: readonly Cell[]) => Cell[];
  /** The cohort of AY `ay` after its step: moves of existing pupils. Must conserve pupils. */
  readonly cohort?: (ay: AcademicYear, cells: readonly Cell[]) => Cell[];
  /** Commissioned places added to (or, negative, removed from) a place-funded setting in AY `ay`. */
  readonly extraPlaces?: (ay: AcademicYear, setting: string) => Decimal | undefined;
}
