import type { Decimal } from 'decimal.js';
import { formatFinancialYear } from '../core/period.js';
import type { FinancialYearResult, Projection } from '../core/projection.js';
import { summaryFigures } from '../core/summary-figures.js';
import {
  FLOW_TOTAL_FIELDS,
  flowsByFinancialYear,
  SETTING_FLOW_COLUMNS,
  settingFlowCells,
} from './flows.js';

/** The summary contract: these columns, in this order (README, "Output"). */
export const SUMMARY_COLUMNS = [
  'area_code',
  'area_name',
  'financial_year',
  'pupils_january',
  'spend_top_up',
  'spend_place',
  'spend_total',
  'income_hnb',
  'income_transfer',
  'income_safety_valve',
  'income_other',
  'income_write_off',
  'income_total',
  'in_year_balance',
  'cumulative_balance',
  // Added by issue 16, after the columns scripts already read by position (README, "Output").
  'spend_other',
  'income_hnb_deductions',
  'income_import_export',
  'general_fund_financing',
  // Added after issue 16's, for the same reason: the in-year balance before Safety Valve
  // payments and the write-off grant (src/core/underlying-balance.ts).
  'underlying_in_year_balance',
] as const;

/** The flows come after the first six columns, so scripts reading those by header or by position keep working. */
export const DETAIL_COLUMNS = [
  'area_code',
  'financial_year',
  'setting',
  'pupils_january',
  'spend_top_up',
  'spend_place',
  ...SETTING_FLOW_COLUMNS,
  // Added by issue 16: the DfE's place funding of a "dfe" setting, and spend.csv's lines (one row each, setting empty).
  'place_dfe',
  'line',
  's251',
  'spend_other',
] as const;

/** Which columns are counts (2 dp) and which money (pence); every other column is text. JSON's `flows` fields are counts too. */
export const COUNT_COLUMNS: ReadonlySet<string> = new Set([
  'pupils_january',
  ...SETTING_FLOW_COLUMNS,
  ...FLOW_TOTAL_FIELDS,
]);
export const MONEY_COLUMNS: ReadonlySet<string> = new Set([
  // Every figure of the summary but the count is money, and --detail's DfE place funding.
  ...SUMMARY_COLUMNS.slice(3).filter((column) => !COUNT_COLUMNS.has(column)),
  'place_dfe',
]);

export type Cell = string | Decimal;
export type Row = Record<string, Cell>;

/** Unrounded rows; renderers round each figure at output. */
export function summaryRows(projection: Projection): Row[] {
  return projection.years.map((year) => ({
    area_code: projection.area.code,
    area_name: projection.area.name,
    financial_year: formatFinancialYear(year.financialYear),
    ...summaryFigures(year),
  }));
}

/** A year's spend.csv lines as rows (--detail). */
function otherSpendRows(projection: Projection, year: FinancialYearResult): Row[] {
  return year.otherSpend.map((line) => ({
    area_code: projection.area.code,
    financial_year: formatFinancialYear(year.financialYear),
    setting: '',
    line: line.line,
    s251: line.s251 ?? '',
    spend_other: line.amount,
  }));
}

export function detailRows(projection: Projection): Row[] {
  const flows = flowsByFinancialYear(projection);
  return projection.years.flatMap((year) => [
    ...year.settings.map((setting) => ({
      area_code: projection.area.code,
      financial_year: formatFinancialYear(year.financialYear),
      setting: setting.setting,
      pupils_january: setting.pupilsJanuary,
      spend_top_up: setting.spendTopUp,
      spend_place: setting.spendPlace,
      ...settingFlowCells(flows.get(year.financialYear)!, setting.setting),
      place_dfe: setting.placeDfe,
    })),
    ...otherSpendRows(projection, year),
  ]);
}
