import { formatFinancialYear } from '../../core/period.js';
import type { IntervalRow } from '../../core/simulate/intervals.js';
import type { FanRow } from './report-model.js';

/** `simulate`'s interval rows as the report's fan rows: the same unrounded figures, rounded only when rendered. */
export function fanRowsOf(rows: readonly IntervalRow[]): FanRow[] {
  return rows.map((row) => ({
    financialYear: formatFinancialYear(row.financialYear),
    measure: row.measure,
    mean: row.mean,
    ...row.quantiles,
    ...(row.pDeficit ? { pDeficit: row.pDeficit } : {}),
  }));
}
