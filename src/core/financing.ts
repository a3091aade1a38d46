import type { Decimal } from 'decimal.js';
import { Dec, TWO, ZERO } from './decimal.js';
import type { FinancialYearResult } from './projection.js';

/** One FY's financing: the deficits at its start and end (zero in surplus), and the cost. */
export interface FinancingOfYear {
  readonly openingDeficit: Decimal;
  readonly closingDeficit: Decimal;
  readonly cost: Decimal;
}

/** rate × the average of the opening and closing deficits; zero without a rate. */
export function financingOfYear(
  rate: Decimal | undefined,
  opening: Decimal,
  closing: Decimal,
): FinancingOfYear {
  const openingDeficit = deficit(opening);
  const closingDeficit = deficit(closing);
  return {
    openingDeficit,
    closingDeficit,
    cost: rate ? rate.times(openingDeficit.plus(closingDeficit)).div(TWO) : ZERO,
  };
}

/**
 * What carrying the deficit costs the general fund (docs/methodology.md, "Carrying the deficit"):
 * each FY, rate × the average of the opening and closing cumulative deficits, a deficit being
 * the negated balance when negative and zero otherwise. Councils borrow or forgo interest on the
 * cash a DSG deficit ties up (West Berkshire: about £1.5m a year; domain brief §2.5). It is a
 * general-fund cost, so it is reported beside the DSG balance and never changes it.
 */
export function withFinancing(
  years: readonly FinancialYearResult[],
  openingBalance: Decimal,
  rate: Decimal | undefined,
): FinancialYearResult[] {
  let opening = openingBalance;
  return years.map((year) => {
    const closing = year.cumulativeBalance;
    const { cost } = financingOfYear(rate, opening, closing);
    opening = closing;
    return { ...year, generalFundFinancing: cost };
  });
}

const deficit = (balance: Decimal): Decimal => Dec.max(ZERO, balance.negated());
