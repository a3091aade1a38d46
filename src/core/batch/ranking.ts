import type { Decimal } from 'decimal.js';

/** An area's position at its own horizon under one scenario, as printed (rounded). */
export interface HorizonPosition {
  readonly area: string;
  readonly name: string;
  readonly financialYear: string;
  readonly pupils: Decimal;
  readonly cumulativeBalance: Decimal;
}

export interface DeficitPerPupil extends HorizonPosition {
  /** Cumulative balance ÷ pupils: negative, unrounded. */
  readonly perPupil: Decimal;
}

/** The areas with the largest cumulative deficit per pupil (most negative first; ties by area code). Areas in surplus or without pupils are left out. */
export function largestDeficitsPerPupil(
  positions: readonly HorizonPosition[],
  limit = 10,
): DeficitPerPupil[] {
  return positions
    .filter(
      (p) =>
        p.cumulativeBalance.isNegative() &&
        !p.cumulativeBalance.isZero() &&
        p.pupils.greaterThan(0),
    )
    .map((p) => ({ ...p, perPupil: p.cumulativeBalance.div(p.pupils) }))
    .sort(
      (a, b) =>
        a.perPupil.comparedTo(b.perPupil) || (a.area < b.area ? -1 : a.area > b.area ? 1 : 0),
    )
    .slice(0, limit);
}
