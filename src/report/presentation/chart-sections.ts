import type { Decimal } from 'decimal.js';
import { ageGroupLabel, type AgeGroup } from '../../core/breakdown/age-group.js';
import type { CategoryYear } from '../../core/breakdown/breakdown.js';
import { formatFinancialYear } from '../../core/period.js';
import { lineChart } from '../svg/line-chart.js';
import { stackedBars } from '../svg/stacked-bars.js';
import { pupilsJanuary, type ReportScenario } from './report-model.js';
import type { ReportSection } from './section.js';
import { wideTable, type WideLine } from './wide.js';

const yearsOf = (s: ReportScenario) => s.projection.years.map((y) => y.financialYear);
const labelsOf = (s: ReportScenario) => yearsOf(s).map(formatFinancialYear);
const toNumber = (values: readonly Decimal[]) => values.map((v) => v.toNumber());

/** Cumulative and in-year balance, one line per scenario. */
export function balanceSections(scenarios: readonly ReportScenario[]): ReportSection[] {
  const first = scenarios[0]!;
  const measures = [
    {
      id: 'cumulative-balance',
      title: 'Cumulative DSG balance by scenario',
      pick: (s: ReportScenario) => s.projection.years.map((y) => y.cumulativeBalance),
      desc: 'the cumulative high-needs DSG balance at the end of each financial year (negative: a deficit)',
    },
    {
      id: 'in-year-balance',
      title: 'In-year balance by scenario',
      pick: (s: ReportScenario) => s.projection.years.map((y) => y.inYearBalance),
      desc: 'high-needs income less spend in each financial year (negative: spend above income)',
    },
  ];
  return measures.map((measure) => {
    const lines: WideLine[] = scenarios.map((s) => ({
      label: s.scenario.label,
      values: measure.pick(s),
    }));
    return {
      id: measure.id,
      title: measure.title,
      chart: lineChart({
        id: `chart-${measure.id}`,
        title: measure.title,
        desc: `Line chart of ${measure.desc}, ${labelsOf(first)[0]} to ${labelsOf(first).at(-1)}, one line per scenario: ${scenarios.map((s) => s.scenario.label).join('; ')}. The table after the chart gives the figures.`,
        categories: labelsOf(first),
        series: lines.map((l) => ({ label: l.label, values: toNumber(l.values as Decimal[]) })),
        unit: 'money',
      }),
      tables: [
        wideTable({
          title: `${measure.title}, £`,
          first: 'Scenario',
          years: yearsOf(first),
          kind: 'money',
          lines,
        }),
      ],
    };
  });
}

/** Spend by setting, EHCPs and spend by age group and by need, and the flows: for one scenario (the plan). */
export function breakdownSections(
  plan: ReportScenario,
  settingLabel: (id: string) => string,
): ReportSection[] {
  const years = yearsOf(plan);
  const categories = labelsOf(plan);
  const of = `in "${plan.scenario.label}"`;
  const settingIds = plan.projection.years[0]!.settings.map((s) => s.setting);
  const spendLines: WideLine[] = settingIds.map((id, k) => ({
    label: settingLabel(id),
    values: plan.projection.years.map((y) =>
      y.settings[k]!.spendTopUp.plus(y.settings[k]!.spendPlace),
    ),
  }));
  // spend.csv's lines are spend too (spend_other): a line of their own, so the total is spend_total.
  const other: WideLine[] = plan.projection.years.some((y) => !y.spendOther.isZero())
    ? [
        {
          label: 'Other high-needs spend (spend.csv lines)',
          values: plan.projection.years.map((y) => y.spendOther),
          fixed: true,
        },
      ]
    : [];
  const pupilLines: WideLine[] = settingIds.map((id, k) => ({
    label: settingLabel(id),
    values: plan.projection.years.map((y) => y.settings[k]!.pupilsJanuary),
  }));
  const spend: ReportSection = {
    id: 'spend-by-setting',
    title: 'Spend by setting',
    // A trial asked why the breakdowns showed a scenario labelled "for goal-seek": it was the last.
    paragraphs: [
      `Top-up and place funding by setting ${of}, stacked. This and the breakdowns and flows after it are of the plan: the last of the scenarios chosen (highneeds report --scenarios a,b chooses them, the plan last).`,
    ],
    chart: stackedBars({
      id: 'chart-spend-by-setting',
      title: `Spend by setting ${of}`,
      desc: `Stacked bar chart of high-needs spend (top-up and place funding) by setting in each financial year ${of}. The table after the chart gives the figures.`,
      categories,
      series: spendLines.map((l) => ({ label: l.label, values: toNumber(l.values as Decimal[]) })),
      unit: 'money',
    }),
    tables: [
      wideTable({
        title: `Spend by setting ${of}, £`,
        first: 'Setting',
        years,
        kind: 'money',
        lines: [...spendLines, ...other],
        total: 'Total spend',
        reconcile: true,
      }),
      wideTable({
        title: `EHCPs in January by setting ${of}`,
        first: 'Setting',
        years,
        kind: 'count',
        lines: pupilLines,
        total: 'Total EHCPs',
        reconcile: true,
        totals: pupilsJanuary(plan),
      }),
    ],
  };
  const dimension = (
    id: string,
    name: string,
    pick: (y: ReportScenario['breakdown'][number]) => readonly CategoryYear[],
    label: (key: string) => string,
  ): ReportSection => {
    const keys = pick(plan.breakdown[0]!).map((c) => c.key);
    const linesOf = (field: 'pupilsJanuary' | 'spendTopUp'): WideLine[] =>
      keys.map((key, k) => ({
        label: label(key),
        values: plan.breakdown.map((y) => pick(y)[k]![field]),
      }));
    const pupils = linesOf('pupilsJanuary');
    const place: WideLine = {
      label: 'Place funding (paid per place, not per pupil)',
      values: plan.projection.years.map((y) => y.spendPlace),
      // spend_place is a figure of the summary: it keeps the value printed there.
      fixed: true,
    };
    return {
      id,
      title: `EHCPs and spend by ${name}`,
      paragraphs: [
        `EHCPs in each January and top-up spend in each financial year by ${name} ${of}. Place funding is paid per commissioned place, so it has a line of its own and the lines add up to the total spend.`,
      ],
      chart: stackedBars({
        id: `chart-${id}`,
        title: `EHCPs in January by ${name} ${of}`,
        desc: `Stacked bar chart of the number of EHCPs in January of each financial year by ${name} ${of}. The table after the chart gives the figures.`,
        categories,
        series: pupils.map((l) => ({ label: l.label, values: toNumber(l.values as Decimal[]) })),
        unit: 'count',
      }),
      tables: [
        wideTable({
          title: `EHCPs in January by ${name} ${of}`,
          first: name[0]!.toUpperCase() + name.slice(1),
          years,
          kind: 'count',
          lines: pupils,
          total: 'Total EHCPs',
          reconcile: true,
          totals: pupilsJanuary(plan),
        }),
        wideTable({
          title: `Spend by ${name} ${of}, £`,
          first: name[0]!.toUpperCase() + name.slice(1),
          years,
          kind: 'money',
          lines: [...linesOf('spendTopUp'), place, ...other],
          total: 'Total spend',
          reconcile: true,
        }),
      ],
    };
  };
  return [
    spend,
    dimension(
      'by-age-group',
      'age group',
      (y) => y.byAgeGroup,
      (key) => ageGroupLabel(key as AgeGroup),
    ),
    dimension(
      'by-need',
      'primary need',
      (y) => y.byNeed,
      (key) => key,
    ),
    flowsSection(plan, of),
  ];
}

function flowsSection(plan: ReportScenario, of: string): ReportSection {
  const years = yearsOf(plan);
  const byAy = new Map(plan.projection.academicYears.map((ay) => [ay.academicYear, ay.flows]));
  const flows = years.map((fy) => byAy.get(fy)!);
  const lines: WideLine[] = [
    // The January before is a figure of the summary, as printed there; the flows share the rest.
    { label: 'EHCPs at the January before', values: flows.map((f) => f.opening), fixed: true },
    { label: 'New plans', values: flows.map((f) => f.newPlans) },
    { label: 'Plans ceased', values: flows.map((f) => f.ceased.negated()) },
    { label: 'Aged out (past NCY 20)', values: flows.map((f) => f.agedOut.negated()) },
  ];
  const moved: WideLine = {
    label: 'Moved setting (within the area)',
    values: flows.map((f) => f.moved),
  };
  return {
    id: 'flows',
    title: 'Flows: new plans, ceased plans and moves',
    paragraphs: [
      `How the number of EHCPs changes from one January to the next ${of}: the EHCPs a year before, plus new plans, less plans that ceased and pupils who aged out, gives the EHCPs in January. Moves between settings stay inside the area and do not change the total.`,
    ],
    chart: lineChart({
      id: 'chart-flows',
      title: `New, ceased and aged-out plans ${of}`,
      desc: `Line chart of new plans, ceased plans, pupils aged out and pupils who moved setting in the year to each January ${of}. The table after the chart gives the figures.`,
      categories: labelsOf(plan),
      series: [
        { label: 'New plans', values: flows.map((f) => f.newPlans.toNumber()) },
        { label: 'Plans ceased', values: flows.map((f) => f.ceased.toNumber()) },
        { label: 'Aged out', values: flows.map((f) => f.agedOut.toNumber()) },
        { label: 'Moved setting', values: flows.map((f) => f.moved.toNumber()) },
      ],
      unit: 'count',
    }),
    tables: [
      wideTable({
        title: `Flows into each January ${of}`,
        first: 'Flow',
        years,
        kind: 'count',
        lines,
        total: 'EHCPs in January',
        reconcile: true,
        totals: pupilsJanuary(plan),
      }),
      wideTable({
        title: 'Moves between settings',
        first: 'Flow',
        years,
        kind: 'count',
        lines: [moved],
      }),
    ],
  };
}
