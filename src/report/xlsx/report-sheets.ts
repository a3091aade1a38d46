import { drawnInputs } from '../../core/simulate/drawn-inputs.js';
import { breakdownColumns, breakdownRows, type BreakdownKind } from '../breakdown-rows.js';
import { FLOW_TOTAL_FIELDS, flowsByFinancialYear, flowTotalCells } from '../flows.js';
import { formatFinancialYear } from '../../core/period.js';
import { underlyingInYearBalance } from '../../core/underlying-balance.js';
import {
  COUNT_COLUMNS,
  DETAIL_COLUMNS,
  MONEY_COLUMNS,
  SUMMARY_COLUMNS,
  detailRows,
  summaryRows,
  type Row,
} from '../rows.js';
import { dsgPlanSection } from '../presentation/dsg-plan.js';
import { fanSection } from '../presentation/fan-section.js';
import { headlineSection } from '../presentation/headline-section.js';
import {
  assumptionsSection,
  provenanceSection,
  switchedTariffSections,
  tariffSection,
} from '../presentation/reference-sections.js';
import { safetyValveSection, savingsSection } from '../presentation/scenario-sections.js';
import type { ReportModel, ReportScenario } from '../presentation/report-model.js';
import type { ReportColumn, ReportTable } from '../presentation/table-model.js';
import type { Sheet } from './write-workbook.js';
import { warningsSection } from '../presentation/warnings-section.js';
import { toldSheet } from './told-sheet.js';

/** Which figure columns are counts and which money, as the CSV has them (src/report/rows.ts). */
const kindOf = (key: string): ReportColumn['kind'] =>
  COUNT_COLUMNS.has(key) ? 'count' : MONEY_COLUMNS.has(key) ? 'money' : 'text';

/**
 * A long table with the CSV's column names: one row per scenario and row of the CSV, so each
 * sheet can be checked against (and filtered like) `highneeds project --format csv`.
 */
function longTable(
  title: string,
  columns: readonly string[],
  scenarios: readonly ReportScenario[],
  rowsOf: (s: ReportScenario) => Row[],
): ReportTable {
  const keys = ['scenario', ...columns.filter((c) => c !== 'area_code' && c !== 'area_name')];
  return {
    title,
    columns: keys.map((key) => ({
      key,
      label: key,
      kind: key === 'scenario' ? 'text' : kindOf(key),
    })),
    rows: scenarios.flatMap((s) =>
      rowsOf(s).map((row) => ({ cells: { ...row, scenario: s.scenario.id } })),
    ),
  };
}

const CHANGE_COLUMNS = ['spend_change', 'in_year_change', 'cumulative_change'] as const;

/** The workbook's sheets: Summary, Warnings (when the run gave any), one per breakdown, Scenarios, Savings, Safety Valve, DSG plan, Tariff, Assumptions, Inputs. */
export function reportSheets(report: ReportModel, draws?: string): Sheet[] {
  const { scenarios } = report;
  const code = report.model.area.code;
  const breakdown = (kind: BreakdownKind) => (s: ReportScenario) =>
    breakdownRows(code, s.breakdown, kind);
  const first = scenarios[0]!.projection;
  const scenarioRows: ReportTable = {
    title: `Scenarios side by side, with the change from "${scenarios[0]!.scenario.id}"`,
    columns: [
      { key: 'scenario', label: 'scenario', kind: 'text' },
      { key: 'financial_year', label: 'financial_year', kind: 'text' },
      ...[
        'spend_total',
        'income_total',
        'in_year_balance',
        'cumulative_balance',
        ...CHANGE_COLUMNS,
        'underlying_in_year_balance',
      ].map((key) => ({ key, label: key, kind: 'money' as const })),
    ],
    rows: scenarios.flatMap(({ scenario, projection }) =>
      projection.years.map((y, i) => ({
        cells: {
          scenario: scenario.id,
          financial_year: formatFinancialYear(y.financialYear),
          spend_total: y.spendTotal,
          income_total: y.income.total,
          in_year_balance: y.inYearBalance,
          cumulative_balance: y.cumulativeBalance,
          spend_change: y.spendTotal.minus(first.years[i]!.spendTotal),
          in_year_change: y.inYearBalance.minus(first.years[i]!.inYearBalance),
          cumulative_change: y.cumulativeBalance.minus(first.years[i]!.cumulativeBalance),
          underlying_in_year_balance: underlyingInYearBalance(y),
        },
      })),
    ),
  };
  const optional = (
    name: string,
    section: { tables: readonly ReportTable[] } | undefined,
  ): Sheet[] => (section ? [{ name, tables: section.tables }] : []);
  const warnings = warningsSection(report.warnings ?? []);
  return [
    {
      name: 'Summary',
      tables: [
        longTable(
          'Spend, income and balance by financial year, £ (EHCPs in January)',
          SUMMARY_COLUMNS,
          scenarios,
          (s) => summaryRows(s.projection),
        ),
        ...headlineSection(scenarios, report.area).tables,
      ],
    },
    // Beside the summary: what its figures may not be.
    ...(warnings ? [toldSheet('Warnings', warnings)] : []),
    {
      name: 'Settings',
      tables: [
        longTable('By setting: EHCPs in January, spend and flows', DETAIL_COLUMNS, scenarios, (s) =>
          detailRows(s.projection),
        ),
      ],
    },
    {
      name: 'Needs',
      tables: [
        longTable(
          'By primary need: EHCPs in January and top-up spend (place funding is by setting)',
          breakdownColumns('need'),
          scenarios,
          breakdown('need'),
        ),
      ],
    },
    {
      name: 'Age groups',
      tables: [
        longTable(
          'By age group (age = NCY + 4 on 31 August): EHCPs in January and top-up spend',
          breakdownColumns('age-group'),
          scenarios,
          breakdown('age-group'),
        ),
      ],
    },
    {
      name: 'Flows',
      tables: [
        longTable(
          'Flows into each January: opening + new_plans - ceased - aged_out = closing',
          ['financial_year', ...FLOW_TOTAL_FIELDS],
          scenarios,
          (s) => {
            const flows = flowsByFinancialYear(s.projection);
            return s.projection.years.map((y) => ({
              financial_year: formatFinancialYear(y.financialYear),
              ...flowTotalCells(flows.get(y.financialYear)!),
            }));
          },
        ),
      ],
    },
    { name: 'Scenarios', tables: [scenarioRows] },
    ...optional('Savings', savingsSection(scenarios)),
    ...optional('Safety Valve', safetyValveSection(scenarios)),
    ...(report.fan
      ? [
          toldSheet(
            'Range of outcomes',
            fanSection(
              report.fan,
              draws ?? 'the',
              scenarios.at(-1)!.scenario.label,
              drawnInputs(report.model, scenarios.at(-1)!.scenario),
            ),
          ),
        ]
      : []),
    toldSheet('DSG plan', dsgPlanSection(scenarios, report.model.tariff.settings, report.dsgMap)),
    toldSheet('Tariff', tariffSection(report.model.tariff)),
    ...switchedTariffSections(scenarios, report.model.tariff).map((section, i) =>
      toldSheet(`Switched tariff ${i + 1}`, section),
    ),
    toldSheet('Assumptions', assumptionsSection(report.model, scenarios)),
    { name: 'Inputs', tables: provenanceSection(report.manifest).tables },
  ];
}
