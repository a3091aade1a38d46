import type { Decimal } from 'decimal.js';
import { type AreaYear, nationalTotals, type NationalYear } from '../core/batch/national.js';
import { Dec } from '../core/decimal.js';
import { neutraliseText } from '../core/spreadsheet-text.js';
import { plainCell } from './format-cell.js';

/** A summary row as summary.csv has it, cell by cell: figures rounded, text made spreadsheet-safe. */
export type PrintedRow = Readonly<Record<string, string>>;

/** A batch's rows as runBatch returns them: figures unrounded, with their scenario. */
type BatchRows = readonly (Readonly<Record<string, string | Decimal>> & {
  readonly scenario: string;
})[];

/**
 * Where a batch's figures are rounded, once, on the main thread: each row as summary.csv prints
 * it, and the national totals per scenario and year as the sums of those printed figures, so
 * national.csv reconciles to the penny with summary.csv.
 */
export function printBatch(result: {
  readonly rows: BatchRows;
  readonly scenarios: readonly string[];
  readonly stopped: boolean;
}): { printed: PrintedRow[]; national: NationalYear[] } {
  const printed: PrintedRow[] = [];
  const figures: AreaYear[] = [];
  for (const row of result.rows) {
    const cells: Record<string, string> = {};
    const rounded: Record<string, Decimal> = {};
    for (const [column, value] of Object.entries(row)) {
      if (typeof value === 'string') cells[column] = neutraliseText(value);
      else {
        cells[column] = plainCell(column, value);
        rounded[column] = new Dec(cells[column]);
      }
    }
    printed.push(cells);
    figures.push({
      area: String(row['area_code']),
      scenario: row.scenario,
      financialYear: String(row['financial_year']),
      figures: rounded,
    });
  }
  return {
    printed,
    national: result.stopped
      ? []
      : nationalTotals(figures, result.scenarios, {
          inYear: 'in_year_balance',
          cumulative: 'cumulative_balance',
          underlying: 'underlying_in_year_balance',
        }),
  };
}
