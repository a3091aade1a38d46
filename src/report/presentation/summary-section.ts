import { summaryFigures } from '../../core/summary-figures.js';
import type { ReportScenario } from './report-model.js';
import type { ReportSection } from './section.js';
import { wideTable } from './wide.js';

/**
 * The summary's money columns (README, "Output") in the order a reader adds them up: spend, then
 * income, then the balances (the underlying in-year balance beside the in-year one, though the CSV
 * has it last), then the general fund's financing, which is not DSG income and so sits outside the
 * balance (issue 16). Each label names its CSV column.
 */
const LINES = [
  ['spend_top_up', 'Top-up funding'],
  ['spend_place', 'Place funding paid by the authority'],
  ['spend_other', 'Other high-needs spend (spend.csv)'],
  ['spend_total', 'Total high-needs spend'],
  ['income_hnb', 'High needs block allocation (before deductions)'],
  ['income_hnb_deductions', 'Deductions for places funded directly by the DfE'],
  ['income_import_export', 'Import/export adjustment'],
  ['income_transfer', 'Transfer from the schools block'],
  ['income_safety_valve', 'Safety Valve payments'],
  ['income_other', 'Local authority contributions and other income'],
  ['income_write_off', 'Deficit write-off grant'],
  ['income_total', 'Total high-needs income'],
  ['in_year_balance', 'In-year balance (income less spend)'],
  [
    'underlying_in_year_balance',
    'Underlying in-year balance (before Safety Valve payments, the write-off grant and local authority contributions)',
  ],
  ['cumulative_balance', 'Cumulative DSG balance'],
  ['general_fund_financing', 'General fund financing of the deficit (outside the DSG balance)'],
] as const;

/** Which way the balances run, said where they are first shown (a forum trial had to ask). */
export const BALANCE_SIGNS =
  'A negative balance is a deficit; the DfE’s deductions are negative, as they are taken off income.';

/** Every money figure of `project`'s summary, by year, for each scenario (EHCPs are charted after). */
export function summarySection(scenarios: readonly ReportScenario[]): ReportSection {
  return {
    id: 'summary',
    title: 'Spend, income and balance',
    paragraphs: [
      `The figures of highneeds project for each scenario, line by line (the CSV column in brackets). ${BALANCE_SIGNS} General fund financing is what the authority pays towards the deficit from its own budget: it is not DSG income, so it does not change the DSG balance.`,
    ],
    tables: scenarios.map((s) => {
      const figures = s.projection.years.map(summaryFigures);
      return wideTable({
        title: `Spend, income and balance, £: ${s.scenario.label}`,
        first: 'Line',
        years: s.projection.years.map((y) => y.financialYear),
        kind: 'money',
        lines: LINES.map(([key, label]) => ({
          label: `${label} (${key})`,
          values: figures.map((f) => f[key]),
        })),
      });
    }),
  };
}
