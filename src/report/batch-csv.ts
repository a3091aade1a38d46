import type { Decimal } from 'decimal.js';
import type { NationalYear } from '../core/batch/national.js';
import { type Issue, locationText } from '../core/issue.js';
import { renderCsv, renderPrintedCsv } from './csv.js';
import { COUNT_COLUMNS, MONEY_COLUMNS, type Row, SUMMARY_COLUMNS } from './rows.js';

/** summary.csv: the project summary columns (src/report/rows.ts) with the scenario before the year. */
export const BATCH_SUMMARY_COLUMNS: readonly string[] = SUMMARY_COLUMNS.flatMap((column) =>
  column === 'financial_year' ? ['scenario', column] : [column],
);

/** The summary's figures, in its order: what national.csv totals. */
const FIGURE_COLUMNS: readonly string[] = SUMMARY_COLUMNS.filter(
  (column) => COUNT_COLUMNS.has(column) || MONEY_COLUMNS.has(column),
);

/** Figures added after the area counts, so that scripts reading national.csv by position keep working. */
const AFTER_COUNTS: readonly string[] = ['underlying_in_year_balance'];

export const NATIONAL_COLUMNS: readonly string[] = [
  'scenario',
  'financial_year',
  'areas',
  ...FIGURE_COLUMNS.filter((column) => !AFTER_COUNTS.includes(column)),
  'areas_in_year_deficit',
  'areas_cumulative_deficit',
  ...AFTER_COUNTS,
  'areas_underlying_in_year_deficit',
];

const FAILURE_COLUMNS: readonly string[] = ['area_code', 'area_name', 'error'];

export function renderBatchSummary(rows: readonly Row[]): string {
  return renderCsv(BATCH_SUMMARY_COLUMNS, rows);
}

/** summary.csv from rows printed already (BatchResult.printed): the same bytes as renderBatchSummary of BatchResult.rows. */
export function renderPrintedSummary(rows: readonly Readonly<Record<string, string>>[]): string {
  return renderPrintedCsv(BATCH_SUMMARY_COLUMNS, rows);
}

export function renderNational(national: readonly NationalYear[]): string {
  return renderCsv(
    NATIONAL_COLUMNS,
    national.map((year) => {
      const row: Record<string, string | Decimal> = {
        scenario: year.scenario,
        financial_year: year.financialYear,
        areas: String(year.areas),
      };
      for (const column of FIGURE_COLUMNS)
        if (year.totals[column]) row[column] = year.totals[column]!;
      row['areas_in_year_deficit'] = String(year.inYearDeficits);
      row['areas_cumulative_deficit'] = String(year.cumulativeDeficits);
      row['areas_underlying_in_year_deficit'] = String(year.underlyingInYearDeficits);
      return row;
    }),
  );
}

/** One row per error of each failed area: `file:line:column: CODE: message`. */
export function renderFailures(
  areas: readonly {
    readonly code: string;
    readonly name: string;
    readonly issues: readonly Issue[];
  }[],
): string {
  return renderCsv(
    FAILURE_COLUMNS,
    areas.flatMap((area) =>
      area.issues
        .filter((issue) => issue.severity === 'error')
        .map((issue) => ({ area_code: area.code, area_name: area.name, error: issueText(issue) })),
    ),
  );
}

/** An error as failures.csv gives it: `file:line:column: CODE: message`. */
export function issueText(issue: Issue): string {
  const where = issue.location ? locationText(issue.location) : '';
  return `${where ? `${where}: ` : ''}${issue.code}: ${issue.message}`;
}
