import type { Decimal } from 'decimal.js';
import type { FinancialYear } from './period.js';
import type { FinancialYearResult } from './projection.js';

/**
 * The in-year balance before Safety Valve payments, the one-off write-off grant and the
 * authority's own contributions (la_contribution): each goes to the cumulative deficit, not to
 * the high-needs block's in-year position (domain brief §2.5: cumulative = previous + in-year
 * result + SV or other grant receipts; §2.6: the authority must reach in-year balance, and may
 * add money from its general fund; Kent's agreement: in-year spend in line with in-year grant
 * funding, with a contribution from the council to the deficit).
 */
export const underlyingInYearBalance = (year: FinancialYearResult): Decimal =>
  year.inYearBalance
    .minus(year.income.safetyValve)
    .minus(year.income.writeOff)
    .minus(year.income.laContribution);

/** A year whose underlying in-year balance is zero or better (a negative zero counts as zero). */
export function meetsInYearBalance(year: FinancialYearResult): boolean {
  const balance = underlyingInYearBalance(year);
  return !balance.isNegative() || balance.isZero();
}

/**
 * The one meaning of "in-year balance first reached", used by the headline and the Safety
 * Valve assessment alike (docs/scenarios.md): the first year that meets it (meetsInYearBalance).
 */
export function firstUnderlyingInYearBalance(
  years: readonly FinancialYearResult[],
): FinancialYear | undefined {
  return years.find(meetsInYearBalance)?.financialYear;
}

/** Whether any projected year has Safety Valve income, so the headline must say its basis. */
export const hasSafetyValveIncome = (years: readonly FinancialYearResult[]): boolean =>
  years.some((year) => !year.income.safetyValve.isZero());

/** Whether any projected year has the write-off grant, which the underlying balance leaves out too. */
export const hasWriteOffIncome = (years: readonly FinancialYearResult[]): boolean =>
  years.some((year) => !year.income.writeOff.isZero());

/** Whether any projected year has the authority's own contributions, which the underlying balance leaves out too. */
export const hasLaContribution = (years: readonly FinancialYearResult[]): boolean =>
  years.some((year) => !year.income.laContribution.isZero());

/**
 * Whether any year's underlying in-year balance differs from its in-year balance (it has Safety
 * Valve, write-off or contribution income): where the terminal tables show it, beside the in-year balance.
 */
export const hasLeftOutIncome = (years: readonly FinancialYearResult[]): boolean =>
  hasSafetyValveIncome(years) || hasWriteOffIncome(years) || hasLaContribution(years);
