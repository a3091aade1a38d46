import { BALANCE_SIGNS } from './summary-section.js';
import type { Decimal } from 'decimal.js';
import type { NationalYear } from '../../core/batch/national.js';
import { Dec, ZERO } from '../../core/decimal.js';
import { NATIONAL_COLUMNS } from '../batch-csv.js';
import { withThousands } from '../../core/thousands.js';
import type { JsonOut } from '../json.js';
import { lineChart } from '../svg/line-chart.js';
import { stackedBars } from '../svg/stacked-bars.js';
import { BATCH_SUMMARY_COLUMNS } from '../batch-csv.js';
import { COUNT_COLUMNS, MONEY_COLUMNS, type Row } from '../rows.js';
import type { Sheet } from '../xlsx/write-workbook.js';
import {
  type FailedArea,
  failedAreasSections,
  failedAreasTable,
  failedCount,
} from './failed-areas.js';
import { batchProvenanceSection } from './batch-provenance.js';
import { areasSummed } from './national-areas.js';
import { areasByChanceSection } from './areas-by-chance.js';
import { nationalFanSections, type NationalRanges } from './national-ranges.js';
import { rangeOfOutcomesTables } from './range-of-outcomes-sheet.js';
import type { ReportWarning } from './report-model.js';
import type { ReportSection } from './section.js';
import { warningsSection } from './warnings-section.js';
import { toldSheet } from '../xlsx/told-sheet.js';
import type { ReportColumn, ReportTable } from './table-model.js';

export interface NationalReportInput {
  readonly scenarios: readonly string[];
  readonly national: readonly NationalYear[];
  /** Every modelled area's summary rows, with their scenario (BatchResult.rows). */
  readonly rows: readonly (Row & { readonly scenario: string })[];
  readonly manifest: JsonOut;
  /** The areas that failed (failures.csv), named so the totals are not read as complete. */
  readonly failures?: readonly FailedArea[];
  /** With batch --draws: intervals.csv's rows, unrounded, for the national fans and the areas' chances of a deficit. */
  readonly ranges?: NationalRanges;
  /** The run's warnings, as batch printed them (each with the areas it is of): the report says them too. */
  readonly warnings?: readonly ReportWarning[];
}

const name = (id: string) => (id === '' ? 'the model as given' : id);
/** national.csv's numbers of areas: whole numbers, and numbers in the workbook, not text. */
const AREA_COUNTS = new Set([
  'areas',
  'areas_in_year_deficit',
  'areas_cumulative_deficit',
  'areas_underlying_in_year_deficit',
]);
const kindOf = (key: string): ReportColumn['kind'] =>
  COUNT_COLUMNS.has(key)
    ? 'count'
    : MONEY_COLUMNS.has(key)
      ? 'money'
      : AREA_COUNTS.has(key)
        ? 'whole'
        : 'text';

/** Bins of £2,000 of cumulative deficit per EHCP at the horizon; a surplus is its own bin. */
const BIN = new Dec(2000);

/**
 * Each area's cumulative deficit per EHCP in January at its last year, by scenario; undefined for
 * a deficit over no EHCPs, which has no figure per EHCP (found by a review: it was counted as
 * "No deficit").
 */
function deficitPerEhcp(input: NationalReportInput, scenario: string): (Decimal | undefined)[] {
  const last = new Map<string, Row>();
  for (const row of input.rows)
    if (row.scenario === scenario) last.set(String(row['area_code']), row);
  return [...last.values()].map((row) => {
    const pupils = row['pupils_january'] as Decimal;
    const deficit = (row['cumulative_balance'] as Decimal).negated();
    if (!pupils.isZero()) return deficit.div(pupils);
    return deficit.gt(ZERO) ? undefined : ZERO;
  });
}

/**
 * At most this many bands above no deficit, the last open-ended ("£38,000 or more"): £40,000 of
 * deficit per EHCP is some five times the national average of 2025 (domain.md: £3.8bn over about
 * half a million plans). Found by a review: an area of few EHCPs and a large deficit (or an amount
 * typed with extra digits) asked for a band for every £2,000 up to it, and the report stopped with
 * an internal error (RangeError: Invalid array length).
 */
const MAX_BINS = 20;

type PerEhcp = readonly (Decimal | undefined)[];
const NO_EHCPS = 'A deficit, and no EHCPs';

function binsOf(values: readonly PerEhcp[]): { label: string; count: (v: PerEhcp) => number }[] {
  const figures = values.flat().filter((x): x is Decimal => x !== undefined);
  const top = Dec.max(ZERO, ...figures);
  const bins = Math.min(MAX_BINS, Math.max(1, top.div(BIN).ceil().toNumber()));
  const pounds = (k: number) => `£${withThousands(BIN.times(k).toFixed(0))}`;
  const open = (k: number) => k === bins - 1 && top.gt(BIN.times(bins));
  const noEhcps = values.some((v) => v.includes(undefined))
    ? [{ label: NO_EHCPS, count: (v: PerEhcp) => v.filter((x) => !x).length }]
    : [];
  return [
    { label: 'No deficit', count: (v) => v.filter((x) => x && !x.gt(ZERO)).length },
    ...Array.from({ length: bins }, (_, k) => ({
      label: open(k) ? `${pounds(k)} or more` : `${pounds(k)} to ${pounds(k + 1)}`,
      count: (v: PerEhcp) =>
        v.filter((x) => x && x.gt(BIN.times(k)) && (open(k) || x.lte(BIN.times(k + 1)))).length,
    })),
    ...noEhcps,
  ];
}

/** The national report: totals by year and scenario, the areas by deficit per EHCP, and the areas in deficit by year. */
export function nationalSections(input: NationalReportInput): ReportSection[] {
  const years = [...new Set(input.national.map((n) => n.financialYear))];
  const of = (scenario: string, year: string) =>
    input.national.find((n) => n.scenario === scenario && n.financialYear === year);
  const figure = (scenario: string, column: string) =>
    years.map((y) => of(scenario, y)?.totals[column] ?? ZERO);
  const yearColumns = (kind: ReportColumn['kind']): ReportColumn[] =>
    years.map((y) => ({ key: y, label: y, kind }));
  const table = (
    title: string,
    kind: ReportColumn['kind'],
    lines: { label: string; values: readonly (Decimal | string)[] }[],
  ): ReportTable => ({
    title,
    columns: [{ key: 'line', label: 'Scenario', kind: 'text' }, ...yearColumns(kind)],
    rows: lines.map((l) => ({
      cells: { line: l.label, ...Object.fromEntries(years.map((y, i) => [y, l.values[i]])) },
    })),
  });
  const cumulative = input.scenarios.map((s) => ({
    label: name(s),
    values: figure(s, 'cumulative_balance'),
  }));
  // Areas in deficit by scenario and year, on one of national.csv's counts.
  const areasIn = (count: 'cumulativeDeficits' | 'inYearDeficits' | 'underlyingInYearDeficits') =>
    input.scenarios.map((s) => ({
      label: name(s),
      values: years.map((y) => new Dec(of(s, y)?.[count] ?? 0)),
    }));
  const deficits = areasIn('cumulativeDeficits');
  const perEhcp = input.scenarios.map((s) => deficitPerEhcp(input, s));
  const bins = binsOf(perEhcp);
  const openBand = bins.find((b) => b.label.endsWith('or more'));
  const failures = input.failures ?? [];
  const summed = areasSummed(input.national, input.rows, input.scenarios, years, name);
  const warnings = warningsSection(input.warnings ?? []);
  // First, what the totals may not be: the areas left out of them, and the run's warnings.
  const caveats = [...failedAreasSections(failures), ...(warnings ? [warnings] : [])];
  // Every area failed: no year has a total, and charts of nothing read "undefined to undefined"
  // (found by a review). The page says why, with the failures and the provenance.
  if (years.length === 0)
    return [
      ...caveats,
      {
        id: 'national-balance',
        title: 'No area modelled',
        paragraphs: [
          'No area could be modelled, so there are no national totals, no areas by deficit and no areas in deficit by year: the section above and failures.csv say why each area failed.',
        ],
        tables: [],
      },
      batchProvenanceSection(input.manifest),
    ];
  return [
    ...caveats,
    {
      id: 'national-balance',
      title: 'National cumulative DSG balance',
      paragraphs: [
        `${summed.paragraph} ${BALANCE_SIGNS}`,
        ...(failures.length ? [`${failedCount(failures)} (see Areas that failed).`] : []),
      ],
      chart: lineChart({
        id: 'chart-national-balance',
        title: 'National cumulative DSG balance by scenario',
        desc: `Line chart of the cumulative high-needs DSG balance summed over all areas, ${years[0]} to ${years.at(-1)}, one line per scenario. The table after the chart gives the figures.`,
        categories: years,
        series: cumulative.map((c) => ({
          label: c.label,
          values: c.values.map((v) => v.toNumber()),
        })),
        unit: 'money',
      }),
      tables: [
        summed.table,
        table('National cumulative balance, £', 'money', cumulative),
        // Pupils are counts, not pounds: a table of their own, so no £ is put before them.
        table('National EHCPs in January', 'count', [
          ...input.scenarios.map((s) => ({ label: name(s), values: figure(s, 'pupils_january') })),
        ]),
        ...input.scenarios.map((s) => ({
          ...table(`National totals, £: ${name(s)}`, 'money', [
            { label: 'Spend', values: figure(s, 'spend_total') },
            { label: 'of which other spend (spend.csv)', values: figure(s, 'spend_other') },
            { label: 'Income', values: figure(s, 'income_total') },
            { label: 'of which HNB deductions', values: figure(s, 'income_hnb_deductions') },
            { label: 'of which import/export', values: figure(s, 'income_import_export') },
            { label: 'In-year balance', values: figure(s, 'in_year_balance') },
            {
              label:
                'Underlying in-year balance (before Safety Valve payments, the write-off grant and local authority contributions)',
              values: figure(s, 'underlying_in_year_balance'),
            },
            {
              label: 'General fund financing (outside the DSG balance)',
              values: figure(s, 'general_fund_financing'),
            },
          ]),
          columns: [
            { key: 'line', label: 'Figure', kind: 'text' as const },
            ...yearColumns('money'),
          ],
        })),
      ],
    },
    ...rangeSections(input),
    {
      id: 'deficit-per-ehcp',
      title: 'Areas by cumulative deficit per EHCP',
      paragraphs: [
        `Each area's cumulative deficit at the end of its last projected year, over its EHCPs that January, in bands of £2,000${openBand ? `, the last open-ended (${openBand.label})` : ''}${bins.at(-1)!.label === NO_EHCPS ? `; an area with a deficit and no EHCPs that January, which has no figure per EHCP, is counted apart (${NO_EHCPS})` : ''}.`,
      ],
      chart: stackedBars({
        id: 'chart-deficit-per-ehcp',
        title: `Areas by cumulative deficit per EHCP at the horizon: ${name(input.scenarios[0]!)}`,
        desc: `Bar chart of the number of areas in each £2,000 band of cumulative deficit per EHCP at the horizon, under ${name(input.scenarios[0]!)}. The table after the chart gives the numbers of areas for every scenario.`,
        categories: bins.map((b) => b.label),
        series: [
          {
            label: `Areas (${name(input.scenarios[0]!)})`,
            values: bins.map((b) => b.count(perEhcp[0]!)),
          },
        ],
        unit: 'count',
      }),
      tables: [
        {
          title: 'Number of areas by cumulative deficit per EHCP at the horizon',
          columns: [
            { key: 'band', label: 'Deficit per EHCP', kind: 'text' },
            ...input.scenarios.map((s) => ({
              key: `s:${s}`,
              label: name(s),
              kind: 'whole' as const,
            })),
          ],
          rows: bins.map((b) => ({
            cells: {
              band: b.label,
              ...Object.fromEntries(
                input.scenarios.map((s, i) => [`s:${s}`, new Dec(b.count(perEhcp[i]!))]),
              ),
            },
          })),
        },
      ],
    },
    {
      id: 'areas-in-deficit',
      title: 'Areas in deficit by year',
      chart: lineChart({
        id: 'chart-areas-in-deficit',
        title: 'Areas with a cumulative deficit, by year and scenario',
        desc: `Line chart of the number of areas with a cumulative DSG deficit at the end of each year, ${years[0]} to ${years.at(-1)}, one line per scenario. The table after the chart gives the numbers.`,
        categories: years,
        series: deficits.map((d) => ({
          label: d.label,
          values: d.values.map((v) => v.toNumber()),
        })),
        unit: 'count',
      }),
      tables: [
        table('Areas with a cumulative deficit', 'whole', deficits),
        table('Areas with an in-year deficit', 'whole', areasIn('inYearDeficits')),
        table(
          'Areas with an underlying in-year deficit (before Safety Valve payments, the write-off grant and local authority contributions)',
          'whole',
          areasIn('underlyingInYearDeficits'),
        ),
      ],
    },
    batchProvenanceSection(input.manifest),
  ];
}

/** With draws: each scenario's national fan, then the areas by their chance of a deficit. */
function rangeSections(input: NationalReportInput): ReportSection[] {
  if (!input.ranges) return [];
  const ranged = { ...input, ranges: input.ranges };
  return [...nationalFanSections(ranged, name), areasByChanceSection(ranged, name)];
}

/** The national workbook: national.csv and summary.csv as sheets, the distribution, and the inputs. */
export function nationalSheets(input: NationalReportInput): Sheet[] {
  const sections = nationalSections(input);
  // A section the page leaves out (every area failed: no distribution) has no sheet either.
  const tablesOf = (id: string) => sections.find((s) => s.id === id)?.tables ?? [];
  const failures = input.failures ?? [];
  const long = (
    title: string,
    columns: readonly string[],
    rows: readonly Record<string, Decimal | string | undefined>[],
  ): ReportTable => ({
    title,
    columns: columns.map((key) => ({ key, label: key, kind: kindOf(key) })),
    rows: rows.map((cells) => ({ cells })),
  });
  return [
    {
      name: 'National',
      tables: [
        long(
          `National totals by scenario and year (as national.csv)${failures.length ? `: ${failedCount(failures)} (sheet Failed areas)` : ''}`,
          NATIONAL_COLUMNS,
          input.national.map((n) => ({
            scenario: n.scenario,
            financial_year: n.financialYear,
            areas: new Dec(n.areas),
            ...n.totals,
            areas_in_year_deficit: new Dec(n.inYearDeficits),
            areas_cumulative_deficit: new Dec(n.cumulativeDeficits),
            areas_underlying_in_year_deficit: new Dec(n.underlyingInYearDeficits),
          })),
        ),
      ],
    },
    {
      name: 'Areas',
      tables: [
        long(
          'Every area by scenario and year (as summary.csv)',
          BATCH_SUMMARY_COLUMNS,
          input.rows as readonly Record<string, Decimal | string>[],
        ),
      ],
    },
    ...(failures.length ? [{ name: 'Failed areas', tables: [failedAreasTable(failures)] }] : []),
    // After the totals and the areas they add up: what their figures may not be.
    ...(input.warnings?.length
      ? [
          toldSheet(
            'Warnings',
            sections.find((s) => s.id === 'warnings')!,
          ),
        ]
      : []),
    ...(input.ranges && input.national.length > 0
      ? [
          {
            name: 'Range of outcomes',
            tables: rangeOfOutcomesTables({ ...input, ranges: input.ranges }),
          },
          { name: 'Chance of deficit', tables: tablesOf('areas-by-chance') },
        ]
      : []),
    { name: 'Deficit per EHCP', tables: tablesOf('deficit-per-ehcp') },
    { name: 'Areas in deficit', tables: tablesOf('areas-in-deficit') },
    { name: 'Inputs', tables: tablesOf('provenance') },
  ].filter((sheet) => sheet.tables.length > 0);
}
