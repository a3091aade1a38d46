import type { Decimal } from 'decimal.js';
import type { FinancialYear } from './period.js';
import type { FinancialYearResult } from './projection.js';

/**
 * The statutory override keeps DSG deficits out of councils' general funds until its last FY,
 * which is policy data (policy/statutory-override.json, or model.json's overrideEnd), never a
 * constant here: it has moved before. How a deficit still open after it is met is not decided
 * (domain brief §2.7: from 2028-29 SEND costs sit inside DfE's spending limits).
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

/**
 * The deficit no unusable reserve holds apart after the override's last FY, where the
 * projection runs past it: the cumulative deficit at the horizon, which from the next 1 April is
 * no longer held apart in an unusable reserve (domain brief §2.7; what replaces the override is
 * not decided, so the model says so and keeps the DSG balance as it is).
 */
export function deficitAfterOverride(
  years: readonly FinancialYearResult[],
  overrideEnd: FinancialYear | undefined,
):
  | {
      readonly from: FinancialYear;
      readonly financialYear: FinancialYear;
      readonly deficit: Decimal;
    }
  | undefined {
  if (overrideEnd === undefined) return undefined;
  const last = years[years.length - 1];
  if (!last || last.financialYear <= overrideEnd) return undefined;
  if (!last.cumulativeBalance.isNegative() || last.cumulativeBalance.isZero()) return undefined;
  return {
    from: overrideEnd + 1,
    financialYear: last.financialYear,
    deficit: last.cumulativeBalance.negated(),
  };
}
