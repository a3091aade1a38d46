import type { Decimal } from 'decimal.js';
import { ONE, ZERO } from './decimal.js';
import type { SpendRow } from './model.js';
import type { FinancialYear } from './period.js';
import type { OtherSpendLine } from './projection.js';

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
  const byLine = new Map<string, SpendRow[]>();
  for (const row of rows) {
    const list = byLine.get(row.line) ?? [];
    list.push(row);
    byLine.set(row.line, list);
  }
  const result = new Map<FinancialYear, OtherSpendLine[]>(years.map((y) => [y, []]));
  for (const [line, list] of byLine) {
    const sorted = [...list].sort((a, b) => a.financialYear - b.financialYear);
    for (const year of years) {
      const from = sorted.filter((row) => row.financialYear <= year).pop();
      if (!from) continue;
      const growth = from.growth ?? defaultGrowth;
      result.get(year)!.push({
        line,
        ...(from.s251 ? { s251: from.s251 } : {}),
        amount: from.amount.times(ONE.plus(growth).pow(year - from.financialYear)),
        basis: from.financialYear === year ? 'given' : 'grown',
      });
    }
  }
  return result;
}
