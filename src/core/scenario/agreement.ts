import type { Decimal } from 'decimal.js';
import { ZERO } from '../decimal.js';
import type { FundingRow } from '../model.js';
import type { FinancialYear } from '../period.js';
import type { Projection } from '../projection.js';
import type { Agreement, Instalment } from './types.js';
import { firstUnderlyingInYearBalance, meetsInYearBalance } from '../underlying-balance.js';

/**
 * The agreement's money in the ledger: paid and due instalments in their own year, a
 * back-dated one in the year it is paid, a withheld one not at all; local contributions
 * as la_contribution. `drop` leaves out instalments by index (the at-risk ones).
 */
export function agreementFunding(
  agreement: Agreement,
  drop: ReadonlySet<number> = new Set(),
): FundingRow[] {
  const rows: FundingRow[] = [];
  agreement.instalments.forEach((instalment, index) => {
    if (drop.has(index) || instalment.status === 'withheld') return;
    const year =
      instalment.status === 'backdated'
        ? (instalment.paidIn ?? instalment.financialYear)
        : instalment.financialYear;
    rows.push({
      financialYear: year,
      line: 'safety_valve',
      amount: instalment.amount,
      ...(instalment.origin ? { origin: instalment.origin } : {}),
    });
  });
  for (const contribution of agreement.localContributions)
    rows.push({
      financialYear: contribution.financialYear,
      line: 'la_contribution',
      amount: contribution.amount,
    });
  return rows;
}

interface TargetResult {
  readonly target: 'in-year balance' | 'cumulative deficit cleared';
  readonly by: FinancialYear;
  readonly met: boolean;
  /** When missed: the first year that misses it (for the in-year target, the first from `by` on whose underlying balance is negative). */
  readonly missedIn?: FinancialYear;
}

export interface AgreementAssessment {
  readonly firstInYearBalance?: FinancialYear;
  readonly targets: readonly TargetResult[];
  /** Indexes of due instalments in or after the first year a target is missed. */
  readonly atRisk: readonly number[];
  readonly atRiskTotal: Decimal;
  readonly instalmentsTotal: Decimal;
}

/**
 * Whether the projection keeps the agreement: the underlying in-year balance (before Safety
 * Valve payments and the write-off grant) ≥ 0 in the target year and every year after it; the
 * cumulative balance ≥ 0 by the clearing year. When a target is missed, the instalments still due
 * from the first year that misses it are at risk: DfE releases each instalment after reviewing
 * the plan's progress and suspends payments when it goes off track (domain brief §2.6), so an
 * instalment due in a year the plan is still on track is not.
 */
export function assessAgreement(agreement: Agreement, projection: Projection): AgreementAssessment {
  const years = projection.years;
  // The promise is about the underlying position (core/underlying-balance.ts), and "first
  // reached" has one meaning everywhere: the headline uses the same function.
  const firstInYearBalance = firstUnderlyingInYearBalance(years);
  const inYearMissedIn = years.find(
    (y) => y.financialYear >= agreement.inYearBalanceBy && !meetsInYearBalance(y),
  )?.financialYear;
  const targets: TargetResult[] = [
    {
      target: 'in-year balance',
      by: agreement.inYearBalanceBy,
      met: inYearMissedIn === undefined,
      ...(inYearMissedIn !== undefined ? { missedIn: inYearMissedIn } : {}),
    },
  ];
  if (agreement.clearDeficitBy !== undefined) {
    const at = years.find((y) => y.financialYear === agreement.clearDeficitBy);
    const met = at !== undefined && !at.cumulativeBalance.isNegative();
    targets.push({
      target: 'cumulative deficit cleared',
      by: agreement.clearDeficitBy,
      met,
      ...(met ? {} : { missedIn: agreement.clearDeficitBy }),
    });
  }
  const missedFrom = targets
    .filter((t) => !t.met)
    .map((t) => t.missedIn ?? t.by)
    .sort((a, b) => a - b)[0];
  const atRisk =
    missedFrom === undefined
      ? []
      : agreement.instalments.flatMap((i: Instalment, index) =>
          i.status === 'due' && i.financialYear >= missedFrom ? [index] : [],
        );
  return {
    ...(firstInYearBalance !== undefined ? { firstInYearBalance } : {}),
    targets,
    atRisk,
    atRiskTotal: atRisk.reduce((t, i) => t.plus(agreement.instalments[i]!.amount), ZERO),
    instalmentsTotal: agreement.instalments.reduce((t, i) => t.plus(i.amount), ZERO),
  };
}
