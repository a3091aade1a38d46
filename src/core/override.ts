import type { Decimal } from 'decimal.js';
import type { FinancialYear } from './period.js';
import type { FinancialYearResult } from './projection.js';

/**
 * The statutory override keeps DSG deficits out of councils' general funds until its last FY,
 * which is policy data (policy/statutory-override.json, or model.json's overrideEnd), never a
 * constant here: it has moved before. A deficit still open then falls on the general fund
 * unless the rules change.
 */
export function deficitAtOverrideEnd(
  years: readonly FinancialYearResult[],
  overrideEnd: FinancialYear | undefined,
): { readonly financialYear: FinancialYear; readonly deficit: Decimal } | undefined {
  if (overrideEnd === undefined) return undefined;
  const year = years.find((y) => y.financialYear === overrideEnd);
  if (!year || !year.cumulativeBalance.isNegative() || year.cumulativeBalance.isZero())
    return undefined;
  return { financialYear: year.financialYear, deficit: year.cumulativeBalance.negated() };
}
