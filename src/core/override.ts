import type { Decimal } from 'decimal.js';
import type { FinancialYear } from './period.js';
import type { FinancialYearResult } from './projection.js';

/**
 * The statutory override, which keeps DSG deficits out of councils' general funds, runs to
 * the end of 2027-28 (domain brief §2.7 and glossary; written answer 64037). A deficit still
 * open then falls on the general fund unless the rules change.
 */
const STATUTORY_OVERRIDE_ENDS: FinancialYear = 2027;

/** The cumulative deficit open at the end of the override's last year, when the projection reaches it. */
export function deficitAtOverrideEnd(
  years: readonly FinancialYearResult[],
): { readonly financialYear: FinancialYear; readonly deficit: Decimal } | undefined {
  const year = years.find((y) => y.financialYear === STATUTORY_OVERRIDE_ENDS);
  if (!year || !year.cumulativeBalance.isNegative() || year.cumulativeBalance.isZero())
    return undefined;
  return { financialYear: year.financialYear, deficit: year.cumulativeBalance.negated() };
}
