import { error, warning, type Issue } from '../core/issue.js';
import type { SpendRow } from '../core/model.js';
import { type FinancialYear, formatFinancialYear } from '../core/period.js';
import { decimalCell, financialYearCell, requiredText } from './cell-parsers.js';
import type { CsvTable } from './csv-table.js';
import { flushNormalisations } from './normalise.js';

export const SPEND_COLUMNS = {
  required: ['financial_year', 'line', 'amount'],
  optional: ['area', 's251', 'growth', 'note'],
} as const;

/**
 * spend.csv: the high-needs spend lines besides top-ups and places (s251 1.2.4–1.2.13 and any
 * other), by FY. A row before the projection is kept (a later year grows from it); one after
 * the horizon is ignored with a warning; a line twice in a year is an error.
 */
export function readSpend(
  table: CsvTable,
  years: { first: FinancialYear; last: FinancialYear },
  issues: Issue[],
): SpendRow[] {
  const seen = new Map<string, number>();
  const rows = table.rows.flatMap((row): SpendRow[] => {
    const before = issues.length;
    const financialYear = financialYearCell(row, 'financial_year', issues);
    const line = requiredText(row, 'line', issues);
    const amount = decimalCell(row, 'amount', issues, { kind: 'amount' });
    const growth =
      row.get('growth') === ''
        ? undefined
        : // A growth is a rate: 3% as 0.03, as areas.csv's growths and every model CSV's rates.
          decimalCell(row, 'growth', issues, { growth: true, kind: 'rate' });
    const s251 = row.get('s251');
    if (issues.length > before || financialYear === undefined || !line || !amount) return [];
    const key = `${financialYear}\u0000${line}`;
    if (seen.has(key)) {
      issues.push(
        error(
          'DUPLICATE_ROW',
          `spend line "${line}" is already given on line ${seen.get(key)} for ${formatFinancialYear(financialYear)}`,
          row.at(),
          'give each line once a year; split it into lines with their own names if it has parts',
        ),
      );
      return [];
    }
    seen.set(key, row.line);
    if (financialYear > years.last) {
      issues.push(
        warning(
          'YEAR_OUT_OF_RANGE',
          `spend line "${line}" for ${formatFinancialYear(financialYear)} is after the horizon ${formatFinancialYear(years.last)}; the row is ignored`,
          row.at('financial_year'),
        ),
      );
      return [];
    }
    return [
      {
        financialYear,
        line,
        amount,
        ...(s251 ? { s251 } : {}),
        ...(growth ? { growth } : {}),
        origin: row.at(),
      },
    ];
  });
  flushNormalisations(issues);
  return rows;
}
