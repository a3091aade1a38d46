import type { Decimal } from 'decimal.js';
import { ONE, ZERO } from './decimal.js';
import { error, type Issue } from './issue.js';
import type { FundingLine, FundingRow } from './model.js';
import { type FinancialYear, formatFinancialYear } from './period.js';

export interface YearIncome {
  readonly hnb: Decimal;
  /** Whether the HNB allocation was given for this year or grown from an earlier one. */
  readonly hnbBasis: 'given' | 'grown';
  readonly transfer: Decimal;
  readonly safetyValve: Decimal;
  /** la_contribution + other_income. */
  readonly other: Decimal;
  /** The 2026 write-off grant, in the year paid (src/core/write-off.ts adds it after the roll-up). */
  readonly writeOff: Decimal;
  readonly total: Decimal;
}

/**
 * The funding lines each summed income figure adds up, row by row in the file's order.
 * `highneeds explain` reads the same table, so a line added here is explained with the rest.
 */
export const INCOME_LINES = {
  transfer: ['block_transfer'],
  safetyValve: ['safety_valve'],
  other: ['la_contribution', 'other_income'],
} as const satisfies Partial<Record<keyof YearIncome, readonly FundingLine[]>>;

/** The rows of a year on any of `lines`, in the funding's order: the parts of one income figure. */
export function lineRows(
  funding: readonly FundingRow[],
  year: FinancialYear,
  lines: readonly FundingLine[],
): FundingRow[] {
  return funding.filter((row) => row.financialYear === year && lines.includes(row.line));
}

const rowsTotal = (rows: readonly FundingRow[]): Decimal =>
  rows.reduce((total, row) => total.plus(row.amount), ZERO);

/** A year's HNB allocation: the last one given on or before it, grown by `growth` for each year since. */
export interface HnbOfYear {
  /** The hnb_allocation row grown from; absent when there is none to grow from. */
  readonly from?: FundingRow;
  readonly years: number;
  readonly amount: Decimal;
}

export function hnbOfYear(
  funding: readonly FundingRow[],
  year: FinancialYear,
  growth: Decimal,
): HnbOfYear {
  let from: FundingRow | undefined;
  for (const row of funding)
    if (
      row.line === 'hnb_allocation' &&
      row.financialYear <= year &&
      (!from || row.financialYear >= from.financialYear)
    )
      from = row;
  if (!from) return { years: 0, amount: ZERO };
  const years = year - from.financialYear;
  return { from, years, amount: from.amount.times(ONE.plus(growth).pow(years)) };
}

/**
 * Income by FY from funding.csv (docs/methodology.md, "Income and balances").
 * A year with no hnb_allocation takes the last given one grown by hnbGrowth a year;
 * every other line is summed as given and never carried into another year.
 */
export function incomeByYear(
  funding: readonly FundingRow[],
  years: readonly FinancialYear[],
  hnbGrowth: Decimal,
  issues: Issue[],
): Map<FinancialYear, YearIncome> {
  const result = new Map<FinancialYear, YearIncome>();
  // Located in the model's own funding.csv; reported once, for the first year, since later years grow from it.
  const file = funding.find((row) => row.origin)?.origin?.file ?? 'funding.csv';
  let reported = false;
  for (const year of years) {
    const lines = (names: readonly FundingLine[]): Decimal =>
      rowsTotal(lineRows(funding, year, names));
    const { from, amount: hnb } = hnbOfYear(funding, year, hnbGrowth);
    if (from === undefined) {
      if (!reported)
        issues.push(
          error(
            'MISSING_HNB_ALLOCATION',
            `no hnb_allocation for ${formatFinancialYear(year)} or any earlier year to grow from`,
            { file },
            'add an hnb_allocation row for the first projected year',
          ),
        );
      reported = true;
    }
    const transfer = lines(INCOME_LINES.transfer);
    const safetyValve = lines(INCOME_LINES.safetyValve);
    const other = lines(INCOME_LINES.other);
    result.set(year, {
      hnb,
      hnbBasis: from?.financialYear === year ? 'given' : 'grown',
      transfer,
      safetyValve,
      other,
      writeOff: ZERO,
      total: hnb.plus(transfer).plus(safetyValve).plus(other),
    });
  }
  return result;
}
