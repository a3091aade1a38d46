import type { Decimal } from 'decimal.js';
import { type FinancialYear, formatFinancialYear } from '../core/period.js';
import type { Projection } from '../core/projection.js';

export interface Headline {
  /** The first projected FY whose in-year balance is zero or better, if any. */
  readonly firstInYearBalance?: FinancialYear;
  readonly horizon: FinancialYear;
  readonly cumulativeAtHorizon: Decimal;
}

export function headline(projection: Projection): Headline {
  const first = projection.years.find((year) => !year.inYearBalance.isNegative() || year.inYearBalance.isZero());
  const last = projection.years[projection.years.length - 1];
  return {
    ...(first ? { firstInYearBalance: first.financialYear } : {}),
    horizon: projection.horizon,
    cumulativeAtHorizon: last ? last.cumulativeBalance : projection.openingBalance,
  };
}

export function headlineText(value: Headline, money: (amount: Decimal) => string): string {
  const balance = value.firstInYearBalance === undefined
    ? `no in-year balance by ${formatFinancialYear(value.horizon)}`
    : `in-year balance first reached in ${formatFinancialYear(value.firstInYearBalance)}`;
  const cumulative = value.cumulativeAtHorizon.isNegative() && !value.cumulativeAtHorizon.isZero() ? 'cumulative deficit' : 'cumulative surplus';
  return `${balance}; ${cumulative} of £${money(value.cumulativeAtHorizon.abs())} at the end of ${formatFinancialYear(value.horizon)}`;
}
