import type { Decimal } from 'decimal.js';
import { ZERO } from '../decimal.js';
import type { AreaFactors } from './factors.js';

/**
 * What DfE takes out of an area's block to fund places and adjustments directly (domain brief
 * §2.2, "Deductions"): academy place recoupment, the £6,000 of each NMSS place, FE and specialist
 * post-16 places, and the hospital adjustment; import/export is not among them (it is in the
 * allocation). Undefined when the area gives none, so the output has no block after deductions.
 */
export const DEDUCTION_PARTS = [
  ['academyPlaceDeduction', 'academy places'],
  ['nmssPlaceDeduction', 'NMSS places'],
  ['fePlaceDeduction', 'FE places'],
  ['specialistPost16PlaceDeduction', 'specialist post-16 places'],
  ['hospitalDeduction', 'hospital adjustment'],
] as const;

export function placeDeductions(area: AreaFactors): Decimal | undefined {
  const given = DEDUCTION_PARTS.map(([key]) => area[key]).filter(
    (value): value is Decimal => value !== undefined,
  );
  return given.length ? given.reduce((total, value) => total.plus(value), ZERO) : undefined;
}
