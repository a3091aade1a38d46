import type { Decimal } from 'decimal.js';
import { warning, type Issue } from './issue.js';
import type { FinancialYearResult } from './projection.js';
import type { Tariff } from './tariff.js';

/**
 * ZERO_SPEND when the tariff prices every pupil at £0: no top-up, no place funding (paid, or
 * deducted for the DfE) in any year, though there are pupils. The tariff stub calibrate writes
 * projects so until it is filled in, and gave nil spend and nil balances with a warning of the
 * funding alone (found by a user trial). Once per model, at the tariff.
 */
export function nilSpendWarning(
  years: readonly FinancialYearResult[],
  dfePlaces: ReadonlyMap<unknown, Decimal>,
  tariff: Tariff,
): Issue | undefined {
  if (!years.some((year) => year.pupilsJanuary.greaterThan(0))) return undefined;
  if (years.some((year) => !year.spendTopUp.isZero() || !year.spendPlace.isZero()))
    return undefined;
  if ([...dfePlaces.values()].some((amount) => !amount.isZero())) return undefined;
  return warning(
    'ZERO_SPEND',
    `the tariff prices every pupil at £0: no top-up or place funding in any year, so spend is nil but for spend.csv's lines`,
    tariff.source ? { file: tariff.source } : undefined,
    "give the tariff's top-ups and place values (the stub highneeds calibrate writes has them at 0 until filled in)",
  );
}
