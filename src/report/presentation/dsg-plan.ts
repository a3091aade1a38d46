import type { Decimal } from 'decimal.js';
import { ageGroupLabel, type AgeGroup } from '../../core/breakdown/age-group.js';
import { ZERO } from '../../core/decimal.js';
import type { FinancialYearResult } from '../../core/projection.js';
import type { TariffSetting } from '../../core/tariff.js';
import {
  categoriesOf,
  categoryOf,
  type DsgPlanMap,
  type IncomeColumn,
} from '../../core/dsg-plan-map.js';
import { INCOME_COLUMNS } from '../../core/summary-figures.js';
import { hasLaContribution, underlyingInYearBalance } from '../../core/underlying-balance.js';
import { pupilsJanuary, type ReportScenario } from './report-model.js';
import type { ReportSection } from './section.js';
import type { ReportColumn, ReportRow, ReportTable } from './table-model.js';
import { reconcileLines } from './reconcile-lines.js';
import { cellsOf, wideTable, yearColumns } from './wide.js';

const INCOME: Record<IncomeColumn, (y: FinancialYearResult) => Decimal> = {
  income_hnb: (y) => y.income.hnb,
  income_hnb_deductions: (y) => y.income.hnbDeductions,
  income_import_export: (y) => y.income.importExport,
  income_transfer: (y) => y.income.transfer,
  income_safety_valve: (y) => y.income.safetyValve,
  income_other: (y) => y.income.other,
  income_write_off: (y) => y.income.writeOff,
};

/**
 * The DSG management plan's shape (https://www.gov.uk/government/publications/dedicated-schools-grant-dsg-deficit-management-plan):
 * for each scenario, the financial summary by year — income by line (gross HNB, deductions,
 * import/export, transfers, other), spend by line (top-ups and place funding by placement category,
 * each spend.csv line), the in-year and cumulative position, as formulas over the lines, and the
 * general fund's financing as a memo outside the balance — and EHCPs in January by placement
 * category and by age group.
 */
export function dsgPlanSection(
  scenarios: readonly ReportScenario[],
  settings: readonly TariffSetting[],
  map: DsgPlanMap,
): ReportSection {
  const categories = categoriesOf(map, settings);
  const labelOf = new Map(settings.map((s) => [s.id, s.label]));
  const tables = scenarios.flatMap((s) => {
    // DBV's two forecasts: unmitigated, trends carry on; mitigated, after the planned levers. By
    // position alone (the first unmitigated), `report --scenarios mitigated,safety-valve` showed
    // the DBV workstreams as "(unmitigated)" (found by an officer's trial).
    const kind = s.scenario.levers.length || s.scenario.agreement ? 'mitigated' : 'unmitigated';
    const title = `${s.scenario.label} (${kind})`;
    return [
      financialSummary(s, title, categories, map, labelOf),
      placements(s, title, categories, map, labelOf),
      wideTable({
        title: `EHCPs in January by age group: ${title}`,
        first: 'Age group',
        years: s.projection.years.map((y) => y.financialYear),
        kind: 'count',
        lines: s.breakdown[0]!.byAgeGroup.map((c, k) => ({
          label: ageGroupLabel(c.key as AgeGroup),
          values: s.breakdown.map((y) => y.byAgeGroup[k]!.pupilsJanuary),
        })),
        total: 'Total EHCPs',
        reconcile: true,
        totals: pupilsJanuary(s),
      }),
    ];
  });
  const mapped = [...map.settings.entries()].filter(([id]) => labelOf.has(id));
  const unmapped = settings.filter((s) => !map.settings.has(s.id)).map((s) => s.id);
  return {
    id: 'dsg-plan',
    title: 'DSG management plan',
    paragraphs: [
      `Laid out in the shape of the DfE's DSG management plan template: a scenario with levers or a Safety Valve agreement is shown as mitigated, one without as unmitigated. ${mapWords(map)}`,
      `Settings mapped: ${mapped.map(([id, category]) => `${id} → ${category}`).join('; ')}.${unmapped.length ? ` Not in the map, shown under their own label: ${unmapped.join(', ')}.` : ''}`,
    ],
    tables,
  };
}

/**
 * Which map laid the plan out, and how to change it. An officer's trial found the model's own map
 * named by its path from the working folder (so the report's bytes changed with where it was run),
 * and told to copy it "next to the model", where it already was.
 */
function mapWords(map: DsgPlanMap): string {
  return map.own
    ? "Our settings and income lines are mapped to the template's categories by the model's own dsg-plan-map.csv: edit it to change them."
    : "Our settings and income lines are mapped to the template's categories by the default map shipped with highneeds (templates/dsg-plan-map.csv in its package): to change them, copy that file into the model folder as dsg-plan-map.csv and edit it. The row names are that map's reading of the template, not the published wording of the DfE: check them against your copy of the template.";
}

function financialSummary(
  s: ReportScenario,
  title: string,
  categories: readonly string[],
  map: DsgPlanMap,
  labelOf: ReadonlyMap<string, string>,
): ReportTable {
  const years = s.projection.years;
  const columns = [
    { key: 'line', label: 'Line', kind: 'text' as const },
    ...yearColumns(
      years.map((y) => y.financialYear),
      'money',
    ),
  ];
  const rows: ReportRow[] = [];
  const push = (label: string, values: readonly (Decimal | undefined)[]) => {
    rows.push({ cells: cellsOf({ label, values }, columns) });
    return rows.length - 1;
  };
  const opening = push('Cumulative balance brought forward', [s.projection.openingBalance]);
  const incomeLabels = [...new Set(INCOME_COLUMNS.map((c) => map.income.get(c) ?? c))];
  // The lines are rounded so that they add up to the summary's totals (reconcile-lines.ts).
  const incomeRows = reconcileLines(
    incomeLabels.map((label) => ({
      label,
      values: years.map((y) =>
        INCOME_COLUMNS.filter((c) => (map.income.get(c) ?? c) === label).reduce(
          (t, c) => t.plus(INCOME[c](y)),
          ZERO,
        ),
      ),
    })),
  ).map((line) => push(line.label, line.values));
  const sumOf = (label: string, of: readonly number[]) => {
    rows.push({
      cells: { line: label },
      formula: { terms: of.map((row) => ({ row, sign: 1 as const })) },
      strong: true,
    });
    return rows.length - 1;
  };
  const income = sumOf('Total high-needs income', incomeRows);
  // Inside other income; the underlying position leaves it out (core/underlying-balance.ts).
  const contributions = hasLaContribution(years)
    ? push(
        'Memo: of which local authority contributions (la_contribution)',
        years.map((y) => y.income.laContribution),
      )
    : undefined;
  const ofCategory = (y: FinancialYearResult, category: string) =>
    y.settings.filter(
      (st) => categoryOf(map, st.setting, labelOf.get(st.setting) ?? st.setting) === category,
    );
  const topUps = categories.map((category) => ({
    label: `Top-ups: ${category}`,
    values: years.map((y) =>
      ofCategory(y, category).reduce((t, st) => t.plus(st.spendTopUp), ZERO),
    ),
  }));
  // Place funding the authority pays (a "dfe" setting's places are the DfE's: not spend, issue 16).
  const places = categories
    .map((category) => ({
      label: `Place funding: ${category}`,
      values: years.map((y) =>
        ofCategory(y, category).reduce((t, st) => t.plus(st.spendPlace), ZERO),
      ),
    }))
    .filter((line) => line.values.some((v) => !v.isZero()));
  // An officer's trial read Total high-needs spend £44,320,495.51 here beside £44,320,495.52 in
  // the summary: the lines were rounded each alone. Rounded together, they add up to it.
  const spendRows = reconcileLines([...topUps, ...places, ...otherSpendLines(years)]).map((line) =>
    push(line.label, line.values),
  );
  const spend = sumOf('Total high-needs spend', spendRows);
  rows.push({
    cells: { line: 'In-year position (income less spend)' },
    formula: {
      terms: [
        { row: income, sign: 1 },
        { row: spend, sign: -1 },
      ],
    },
    strong: true,
  });
  const inYear = rows.length - 1;
  rows.push(
    underlyingRow(years, columns, inYear, { incomeLabels, incomeRows, map, contributions }),
  );
  rows.push({
    cells: { line: 'Cumulative position carried forward' },
    formula: {
      terms: [
        { row: opening, sign: 1 },
        { row: inYear, sign: 1 },
      ],
    },
    strong: true,
  });
  // Each later year brings forward the position the year before carried (a forum trial read a
  // blank there and could not add the column up).
  rows[opening] = {
    ...rows[opening]!,
    formula: { terms: [{ row: rows.length - 1, sign: 1, previous: true }], first: 'value' },
  };
  push(
    'Memo: general fund financing of the deficit (outside the DSG balance)',
    years.map((y) => y.generalFundFinancing),
  );
  return {
    title: `Financial summary, £: ${title}`,
    // The totals are the summary's; the positions add them up, as the plan's own template does,
    // and the summary rounds each position from the exact value: the two can differ by a penny.
    note: "The income and spend lines are rounded to the penny so that they add up to the summary's totals (largest remainder; a line may differ by a penny from the same figure rounded on its own). The positions are sums of those totals, so a position here can differ by a penny or so from the same figure in the summary, which is rounded from the exact value.",
    columns,
    rows,
  };
}

/** What the underlying in-year position leaves out: they reach the cumulative balance only (domain brief §2.5). */
const LEFT_OUT: readonly IncomeColumn[] = ['income_safety_valve', 'income_write_off'];

/**
 * The in-year position before Safety Valve payments, the write-off grant and the authority's own
 * contributions (the summary's underlying_in_year_balance): the in-year position less their
 * rows (the contributions' memo row), as a formula, when the map gives Safety Valve and the
 * write-off rows of their own; when it puts them in a row with other income, the figure itself,
 * rounded from the exact value as the summary's is.
 */
function underlyingRow(
  years: readonly FinancialYearResult[],
  columns: readonly ReportColumn[],
  inYear: number,
  income: {
    readonly incomeLabels: readonly string[];
    readonly incomeRows: readonly number[];
    readonly map: DsgPlanMap;
    /** The memo row of la_contribution, where any year has one. */
    readonly contributions: number | undefined;
  },
): ReportRow {
  const { incomeLabels, incomeRows, map, contributions } = income;
  const lineOf = (c: IncomeColumn) => map.income.get(c) ?? c;
  const labels = [...new Set(LEFT_OUT.map(lineOf))];
  const label = `Underlying in-year position (before Safety Valve payments${contributions === undefined ? ' and the write-off grant' : ', the write-off grant and local authority contributions'})`;
  const own = labels.every((l) =>
    INCOME_COLUMNS.every((c) => lineOf(c) !== l || LEFT_OUT.includes(c)),
  );
  if (!own)
    return {
      cells: cellsOf({ label, values: years.map(underlyingInYearBalance) }, columns),
      strong: true,
    };
  return {
    cells: { line: label },
    formula: {
      terms: [
        { row: inYear, sign: 1 },
        ...labels.map((l) => ({ row: incomeRows[incomeLabels.indexOf(l)]!, sign: -1 as const })),
        ...(contributions === undefined ? [] : [{ row: contributions, sign: -1 as const }]),
      ],
    },
    strong: true,
  };
}

/** spend.csv's lines across the years, by s251 code and line, in the order they first appear. */
function otherSpendLines(
  years: readonly FinancialYearResult[],
): { label: string; values: Decimal[] }[] {
  const labelOf = (line: { line: string; s251?: string }) =>
    line.s251 ? `${line.s251} ${line.line}` : line.line;
  const labels = [...new Set(years.flatMap((y) => y.otherSpend.map(labelOf)))];
  return labels.map((label) => ({
    label,
    values: years.map((y) =>
      y.otherSpend.filter((l) => labelOf(l) === label).reduce((t, l) => t.plus(l.amount), ZERO),
    ),
  }));
}

function placements(
  s: ReportScenario,
  title: string,
  categories: readonly string[],
  map: DsgPlanMap,
  labelOf: ReadonlyMap<string, string>,
): ReportTable {
  return wideTable({
    title: `EHCPs in January by placement category: ${title}`,
    first: 'Placement',
    years: s.projection.years.map((y) => y.financialYear),
    kind: 'count',
    lines: categories.map((category) => ({
      label: category,
      values: s.projection.years.map((y) =>
        y.settings
          .filter(
            (st) => categoryOf(map, st.setting, labelOf.get(st.setting) ?? st.setting) === category,
          )
          .reduce((t, st) => t.plus(st.pupilsJanuary), ZERO),
      ),
    })),
    total: 'Total EHCPs',
    // Its total is the summary's pupils_january, as the age groups' is (a trial found them a hundredth apart).
    reconcile: true,
    totals: pupilsJanuary(s),
  });
}
