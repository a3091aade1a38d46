import type { Decimal } from 'decimal.js';
import { Dec, ZERO } from './decimal.js';
import { InternalError } from './errors.js';
import type { Issue, Location } from './issue.js';
import type { FinancialYear } from './period.js';
import type { FinancialYearResult } from './projection.js';
import {
  aboveDeficitWarning,
  OPENING_BALANCE_BASIS,
  type OwnBalance,
} from './write-off-above-deficit.js';

/**
 * The 2026 write-off: the High Needs Stability Grant, a s31 grant paid in autumn 2026 that
 * covers 90% of an eligible area's high-needs DSG deficit at the end of 2025-26. Where the
 * s251, DSG note, s151 assurance, revenue outturn and accounts figures differ, the lowest is
 * used (domain brief §2.7; explanatory note on the government's approach to DSG deficits).
 */
export interface WriteOff {
  /** The share of the eligible deficit paid (0.9). */
  readonly share: Decimal;
  /** The deficit is measured at the end of this financial year (2025-26). */
  readonly balanceYear: FinancialYear;
  /** The financial year the grant is received (2026-27). */
  readonly paidIn: FinancialYear;
  /**
   * The eligible deficit as reported by each source (a deficit of £12m is 12000000); the lowest is
   * used, funding.csv's opening deficit among them when the balance date is the opening one.
   */
  readonly eligibleDeficit?: readonly ReportedDeficit[];
}

export interface ReportedDeficit {
  readonly source: string;
  readonly deficit: Decimal;
  /** Where model.json gives the figure, for a warning about it. */
  readonly origin?: Location;
}

export interface WriteOffResult {
  readonly share: Decimal;
  readonly balanceYear: FinancialYear;
  readonly paidIn: FinancialYear;
  /** The deficit the share was applied to, and where it came from: a source's name, funding.csv's opening_balance, or "projection". */
  readonly eligibleDeficit: Decimal;
  readonly basis: string;
  readonly amount: Decimal;
}

/**
 * Adds the write-off as its own income line in the year paid, and carries it into that
 * year's in-year balance and every later cumulative balance. Without a write-off, or with
 * one paid outside the projection (the reader warns), the years are returned as they were.
 * A reported deficit above the model's own at the balance date is a warning in `issues`.
 */
export function applyWriteOff(
  years: readonly FinancialYearResult[],
  openingBalance: Decimal,
  writeOff: WriteOff | undefined,
  issues: Issue[] = [],
): { years: readonly FinancialYearResult[]; writeOff?: WriteOffResult } {
  if (!writeOff || !years.some((y) => y.financialYear === writeOff.paidIn)) return { years };
  const atOpening = writeOff.balanceYear === years[0]!.financialYear - 1;
  const own: OwnBalance = {
    balance: atOpening
      ? openingBalance
      : years.find((y) => y.financialYear === writeOff.balanceYear)?.cumulativeBalance,
    atOpening,
  };
  const { deficit, basis } = eligible(own, writeOff);
  const warning = aboveDeficitWarning(writeOff, own, { deficit });
  if (warning) issues.push(warning);
  const amount = writeOff.share.times(deficit);
  const result: WriteOffResult = {
    share: writeOff.share,
    balanceYear: writeOff.balanceYear,
    paidIn: writeOff.paidIn,
    eligibleDeficit: deficit,
    basis,
    amount,
  };
  // The balances are made again as the roll-up makes them (in-year = income − spend; cumulative =
  // the year before + in-year), so every balance is its chain of parts (`highneeds explain`).
  let previous = openingBalance;
  return {
    writeOff: result,
    years: years.map((year) => {
      if (year.financialYear < writeOff.paidIn) {
        previous = year.cumulativeBalance;
        return year;
      }
      const paid = year.financialYear === writeOff.paidIn;
      const income = paid
        ? { ...year.income, writeOff: amount, total: year.income.total.plus(amount) }
        : year.income;
      const inYearBalance = paid ? income.total.minus(year.spendTotal) : year.inYearBalance;
      previous = previous.plus(inYearBalance);
      return { ...year, income, inYearBalance, cumulativeBalance: previous };
    }),
  };
}

/**
 * The lowest reported figure; without any, the model's own deficit at the balance date (0 for a
 * surplus): funding.csv's opening balance at the opening date, else the projection's. At the opening balance date funding.csv's opening_balance is a figure for the
 * same deficit, so it is one of the reported ones: where the figures differ, the lowest is used
 * (domain brief §2.7), and a write-off never covers more than the deficit the model carries. A
 * projected balance is not a reported figure, so it never lowers the reported ones.
 */
function eligible(own: OwnBalance, writeOff: WriteOff): { deficit: Decimal; basis: string } {
  const reported = writeOff.eligibleDeficit ?? [];
  const deficit = own.balance && Dec.max(ZERO, own.balance.negated());
  if (reported.length) {
    const figures =
      own.atOpening && deficit
        ? [...reported, { source: OPENING_BALANCE_BASIS, deficit }]
        : reported;
    const lowest = figures.reduce((a, b) => (b.deficit.lessThan(a.deficit) ? b : a));
    return { deficit: lowest.deficit, basis: lowest.source };
  }
  if (!deficit)
    throw new InternalError(
      `write-off balance year ${writeOff.balanceYear} is outside the projection and no eligibleDeficit was given; the reader checks this`,
    );
  // At the opening date the deficit is funding.csv's, as given, not projected: say so.
  return { deficit, basis: own.atOpening ? OPENING_BALANCE_BASIS : 'projection' };
}
