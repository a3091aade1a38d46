import type { Decimal } from 'decimal.js';
import { type Issue, warning } from './issue.js';
import { poundsText } from './money-text.js';
import { formatFinancialYear } from './period.js';
import type { WriteOff } from './write-off.js';

/** The write-off's basis when funding.csv's opening deficit is the lowest figure. */
export const OPENING_BALANCE_BASIS = "funding.csv's opening_balance";

/** The model's own cumulative balance at the end of the balance year, and whether that is the opening balance. */
export interface OwnBalance {
  readonly balance: Decimal | undefined;
  readonly atOpening: boolean;
}

/**
 * WRITE_OFF_ABOVE_DEFICIT: the lowest reported eligible deficit is more than the model's own
 * deficit at the balance date, or the area is in surplus then. The grant covers 90% of the
 * deficit, and where the s251, DSG note, s151 assurance, revenue outturn and accounts figures
 * differ the lowest is used (domain brief §2.7): at the opening date the opening balance is such
 * a figure and has been used (src/core/write-off.ts); at a projected date it is an estimate, so
 * the reported figure stands and the projection up to then is what to check.
 */
export function aboveDeficitWarning(
  writeOff: WriteOff,
  own: OwnBalance,
  used: { readonly deficit: Decimal },
): Issue | undefined {
  const reported = writeOff.eligibleDeficit ?? [];
  const { balance, atOpening } = own;
  if (!reported.length || balance === undefined) return undefined;
  const lowest = reported.reduce((a, b) => (b.deficit.lessThan(a.deficit) ? b : a));
  if (!lowest.deficit.greaterThan(balance.negated())) return undefined;
  const end = formatFinancialYear(writeOff.balanceYear);
  const standing = balance.isNegative()
    ? `a deficit of ${poundsText(balance.negated())}`
    : `a surplus of ${poundsText(balance)}`;
  const paid = `${writeOff.share.toFixed()} × ${poundsText(used.deficit)} = ${poundsText(writeOff.share.times(used.deficit))}`;
  const figure = `$.writeOff.eligibleDeficit's lowest figure, ${poundsText(lowest.deficit)} (${lowest.source})`;
  return atOpening
    ? warning(
        'WRITE_OFF_ABOVE_DEFICIT',
        `${figure}, is more than the balance at the end of ${end} in funding.csv's opening_balance, ${standing}; the lowest figure is used, so the write-off is ${paid}`,
        lowest.origin,
        'where the s251, DSG note, s151 assurance, revenue outturn and accounts figures differ, the lowest is used: check the opening balance and the reported figures',
      )
    : warning(
        'WRITE_OFF_ABOVE_DEFICIT',
        `${figure}, is more than the projected balance at the end of ${end}, ${standing}; the reported figure is used, as a projection is not a reported figure, so the write-off is ${paid}`,
        lowest.origin,
        `check the projection up to the end of ${end} against the reported figures`,
      );
}
