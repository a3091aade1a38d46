import type { Decimal } from 'decimal.js';
import { ONE, ZERO } from './decimal.js';
import type { SpendRow } from './model.js';
import type { FinancialYear } from './period.js';
import type { OtherSpendLine } from './projection.js';

/** One spend.csv line in one FY: the row it is spent from, and the growth applied to it. */
export interface SpendLineOfYear {
  readonly from: SpendRow;
  /** The row's own growth, else assumptions.otherSpendGrowth (absent = 0). */
  readonly growth: Decimal;
  readonly growthFrom: 'row' | 'assumptions';
  readonly years: number;
  readonly amount: Decimal;
}

/**
 * A line in a year: its last row given on or before the year, grown a year by that row's
 * `growth`, else by `defaultGrowth`, for each year since; undefined before its first given year.
 * `rows` are the line's rows, in any order.
 */
export function spendLineOfYear(
  rows: readonly SpendRow[],
  year: FinancialYear,
  defaultGrowth: Decimal = ZERO,
): SpendLineOfYear | undefined {
  const sorted = [...rows].sort((a, b) => a.financialYear - b.financialYear);
  const from = sorted.filter((row) => row.financialYear <= year).pop();
  if (!from) return undefined;
  const growth = from.growth ?? defaultGrowth;
  const years = year - from.financialYear;
  return {
    from,
    growth,
    growthFrom: from.growth ? 'row' : 'assumptions',
    years,
    amount: from.amount.times(ONE.plus(growth).pow(years)),
  };
}

/** spend.csv's rows by line, lines in the order of their first row. */
export function spendLines(rows: readonly SpendRow[]): Map<string, SpendRow[]> {
  const byLine = new Map<string, SpendRow[]>();
  for (const row of rows) {
    const list = byLine.get(row.line) ?? [];
    list.push(row);
    byLine.set(row.line, list);
  }
  return byLine;
}

/**
 * spend.csv's lines by FY (docs/methodology.md, "Other spend lines"): a line given for a year is
 * spent as given; a later year with no row takes the line's last given amount grown a year by
 * that row's `growth`, else by assumptions.otherSpendGrowth (absent = 0). A line starts in its
 * first given year. Lines keep the order of their first row.
 */
export function otherSpendByYear(
  rows: readonly SpendRow[],
  years: readonly FinancialYear[],
  defaultGrowth: Decimal = ZERO,
): Map<FinancialYear, OtherSpendLine[]> {
  const result = new Map<FinancialYear, OtherSpendLine[]>(years.map((y) => [y, []]));
  for (const [line, list] of spendLines(rows)) {
    for (const year of years) {
      const of = spendLineOfYear(list, year, defaultGrowth);
      if (!of) continue;
      result.get(year)!.push({
        line,
        ...(of.from.s251 ? { s251: of.from.s251 } : {}),
        amount: of.amount,
        basis: of.years === 0 ? 'given' : 'grown',
      });
    }
  }
  return result;
}
