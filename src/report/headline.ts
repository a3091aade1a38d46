import type { Decimal } from 'decimal.js';
import { type FinancialYear, formatFinancialYear } from '../core/period.js';
import { ZERO } from '../core/decimal.js';
import { deficitAfterOverride, deficitAtOverrideEnd } from '../core/override.js';
import type { Projection } from '../core/projection.js';
import type { WriteOffResult } from '../core/write-off.js';
import { OPENING_BALANCE_BASIS } from '../core/write-off-above-deficit.js';
import {
  firstUnderlyingInYearBalance,
  hasSafetyValveIncome,
  hasLaContribution,
  hasWriteOffIncome,
} from '../core/underlying-balance.js';
import { andList } from '../core/words.js';

export interface Headline {
  /** The first projected FY whose underlying in-year balance is zero or better, if any (core/underlying-balance.ts). */
  readonly firstInYearBalance?: FinancialYear;
  /** Whether the projection has Safety Valve income, which "first reached" leaves out: the text then says so. */
  readonly beforeSafetyValve: boolean;
  /** Whether it has the write-off grant, which "first reached" leaves out too: the text then says so. */
  readonly beforeWriteOff: boolean;
  /** Whether it has the authority's own contributions (la_contribution), which it leaves out too. */
  readonly beforeContributions?: boolean;
  readonly horizon: FinancialYear;
  readonly cumulativeAtHorizon: Decimal;
  /** A cumulative deficit still open when the statutory override ends (the model's overrideEnd), if the projection reaches then. */
  readonly deficitAtOverrideEnd?: {
    readonly financialYear: FinancialYear;
    readonly deficit: Decimal;
  };
  /** The deficit at the horizon, where it comes after the override's end: from then no unusable reserve holds it apart, and how it is met is not decided (domain brief §2.7). */
  readonly deficitAfterOverride?: {
    readonly from: FinancialYear;
    readonly financialYear: FinancialYear;
    readonly deficit: Decimal;
  };
  /** The general-fund cost of carrying the deficit, summed to the horizon, when the model gives a rate. */
  readonly generalFundFinancing?: Decimal;
}

export function headline(projection: Projection): Headline {
  // One definition with the Safety Valve assessment: before Safety Valve payments and the write-off (docs/scenarios.md).
  const first = firstUnderlyingInYearBalance(projection.years);
  const atOverrideEnd = deficitAtOverrideEnd(projection.years, projection.overrideEnd);
  const afterOverride = deficitAfterOverride(projection.years, projection.overrideEnd);
  const last = projection.years[projection.years.length - 1];
  return {
    ...(first !== undefined ? { firstInYearBalance: first } : {}),
    beforeSafetyValve: hasSafetyValveIncome(projection.years),
    beforeWriteOff: hasWriteOffIncome(projection.years),
    ...(hasLaContribution(projection.years) ? { beforeContributions: true } : {}),
    horizon: projection.horizon,
    cumulativeAtHorizon: last ? last.cumulativeBalance : projection.openingBalance,
    ...(atOverrideEnd ? { deficitAtOverrideEnd: atOverrideEnd } : {}),
    ...(afterOverride ? { deficitAfterOverride: afterOverride } : {}),
    ...(projection.financingRate
      ? {
          generalFundFinancing: projection.years.reduce(
            (total, y) => total.plus(y.generalFundFinancing),
            ZERO,
          ),
        }
      : {}),
  };
}

export function financingText(
  total: Decimal,
  rate: Decimal,
  horizon: FinancialYear,
  money: (amount: Decimal) => string,
): string {
  return `carrying the deficit costs the general fund £${money(total)} to the end of ${formatFinancialYear(horizon)} (at ${rate.times(100).toFixed()}% a year; outside the DSG balance)`;
}

type LeftOut = Pick<Headline, 'beforeSafetyValve' | 'beforeWriteOff' | 'beforeContributions'>;

/**
 * What the underlying in-year balance leaves out of the summary's in_year_balance, where the
 * projection has it: "Safety Valve payments", "the write-off grant", "the authority's
 * contributions", those of them it has, or nothing.
 */
export function leftOutOfInYear(value: LeftOut): string | undefined {
  const parts = [
    ...(value.beforeSafetyValve ? ['Safety Valve payments'] : []),
    ...(value.beforeWriteOff ? ['the write-off grant'] : []),
    ...(value.beforeContributions ? ['local authority contributions'] : []),
  ];
  return parts.length ? andList(parts) : undefined;
}

/**
 * What a Safety Valve agreement's in-year target leaves out of in_year_balance: its payments, and
 * the write-off grant and local authority contributions where the projection has them (compare's
 * text and the report's table alike).
 */
export const agreementBasis = (projection: Projection): string =>
  leftOutOfInYear({
    beforeSafetyValve: true,
    beforeWriteOff: hasWriteOffIncome(projection.years),
    beforeContributions: hasLaContribution(projection.years),
  })!;

/**
 * "in-year balance", naming its basis when Safety Valve payments or the write-off grant are left
 * out of it: the summary's in_year_balance includes them, so a year with the grant can show a
 * surplus there while the headline, on the underlying basis, says there is none.
 */
const inYearBalanceName = (value: LeftOut): string => {
  const left = leftOutOfInYear(value);
  return left ? `underlying in-year balance (before ${left})` : 'in-year balance';
};

/** "in-year balance first reached in 2028-29", or "no in-year balance by 2030-31", with its basis named. */
export function balanceText(value: Headline): string {
  const name = inYearBalanceName(value);
  return value.firstInYearBalance === undefined
    ? `no ${name} by ${formatFinancialYear(value.horizon)}`
    : `${name} first reached in ${formatFinancialYear(value.firstInYearBalance)}`;
}

export function headlineText(value: Headline, money: (amount: Decimal) => string): string {
  const balance = balanceText(value);
  const cumulative =
    value.cumulativeAtHorizon.isNegative() && !value.cumulativeAtHorizon.isZero()
      ? 'cumulative deficit'
      : 'cumulative surplus';
  return `${balance}; ${cumulative} of £${money(value.cumulativeAtHorizon.abs())} at the end of ${formatFinancialYear(value.horizon)}`;
}

export function overrideText(
  value: NonNullable<Headline['deficitAtOverrideEnd']>,
  money: (amount: Decimal) => string,
): string {
  return `cumulative deficit of £${money(value.deficit)} still open at the end of ${formatFinancialYear(value.financialYear)}, when the statutory override ends`;
}

/** "from 2028-29 the statutory override no longer holds the DSG deficit apart …": what then is not decided. */
export function afterOverrideText(
  value: NonNullable<Headline['deficitAfterOverride']>,
  money: (amount: Decimal) => string,
): string {
  return `from ${formatFinancialYear(value.from)} the statutory override no longer holds the DSG deficit apart, and how a deficit still open then is met is not decided (£${money(value.deficit)} at the end of ${formatFinancialYear(value.financialYear)})`;
}

/** Where the deficit a write-off grant is a share of came from, in words: "as projected", "funding.csv's opening_balance", "lowest reported, …". */
export function writeOffBasisWords(value: WriteOffResult): string {
  // The opening balance is the model's own figure, whether or not reported figures were given beside it.
  return value.basis === 'projection'
    ? 'as projected'
    : value.basis === OPENING_BALANCE_BASIS
      ? value.basis
      : `lowest reported, ${value.basis}`;
}

export function writeOffText(value: WriteOffResult, money: (amount: Decimal) => string): string {
  const basis = writeOffBasisWords(value);
  return `write-off (High Needs Stability Grant) in ${formatFinancialYear(value.paidIn)}: ${value.share.toFixed()} × the £${money(value.eligibleDeficit)} deficit at the end of ${formatFinancialYear(value.balanceYear)} (${basis}) = £${money(value.amount)}`;
}
