import type { Decimal } from 'decimal.js';
import type { FinancialYearResult } from './projection.js';
import { underlyingInYearBalance } from './underlying-balance.js';

/**
 * The income lines of the summary that add up to income_total, in the order a plan lists them:
 * the HNB (gross), the DfE's deductions for places it funds and import/export after it (issue 16).
 */
export const INCOME_COLUMNS = [
  'income_hnb',
  'income_hnb_deductions',
  'income_import_export',
  'income_transfer',
  'income_safety_valve',
  'income_other',
  'income_write_off',
] as const;

/**
 * A financial year's summary figures, unrounded, by the summary's column names (README,
 * "Output"): what `project` prints per year and what a batch worker sends back for each area.
 * The one list, so a batch and a projection cannot disagree on what a figure is.
 */
export function summaryFigures(year: FinancialYearResult): Record<string, Decimal> {
  return {
    pupils_january: year.pupilsJanuary,
    spend_top_up: year.spendTopUp,
    spend_place: year.spendPlace,
    spend_total: year.spendTotal,
    income_hnb: year.income.hnb,
    income_transfer: year.income.transfer,
    income_safety_valve: year.income.safetyValve,
    income_other: year.income.other,
    income_write_off: year.income.writeOff,
    income_total: year.income.total,
    in_year_balance: year.inYearBalance,
    cumulative_balance: year.cumulativeBalance,
    // Appended after the first twelve, so scripts reading columns by position keep working.
    spend_other: year.spendOther,
    income_hnb_deductions: year.income.hnbDeductions,
    income_import_export: year.income.importExport,
    general_fund_financing: year.generalFundFinancing,
    // Appended last for the same reason: the in-year balance before Safety Valve payments and the
    // write-off grant, the DSG management plan's in-year position (domain brief §2.5).
    underlying_in_year_balance: underlyingInYearBalance(year),
  };
}
