import { counted } from '../../core/words.js';
import type { Decimal } from 'decimal.js';
import { Dec } from '../../core/decimal.js';
import { formatFinancialYear } from '../../core/period.js';
import type { IntervalRow } from '../../core/simulate/intervals.js';
import type { RangesInput } from './national-ranges.js';
import type { ReportSection } from './section.js';
import type { ReportTable } from './table-model.js';

const SHARES = [
  ['0.5', 'more than 50% of draws'],
  ['0.9', 'more than 90% of draws'],
] as const;

/** Each area's cumulative balance at its horizon (its last year) under a scenario, worst chance first. */
function atHorizon(rows: readonly IntervalRow[], scenario: string): IntervalRow[] {
  const last = new Map<string, IntervalRow>();
  for (const row of rows)
    if (row.scenario === scenario && row.measure === 'cumulative_balance')
      last.set(row.areaCode, row);
  return [...last.values()].sort(
    (a, b) =>
      b.pDeficit!.comparedTo(a.pDeficit!) ||
      a.quantiles.p50.comparedTo(b.quantiles.p50) ||
      (a.areaCode < b.areaCode ? -1 : a.areaCode > b.areaCode ? 1 : 0),
  );
}

/**
 * The areas by their chance of a cumulative deficit: how many are more likely than not (and more
 * than nine in ten) to be in deficit in each year, and every area at its horizon, worst first, with
 * its median, its 80% range and its projection (summary.csv).
 */
export function areasByChanceSection(
  input: RangesInput,
  name: (id: string) => string,
): ReportSection {
  const { ranges, scenarios } = input;
  const years = [...new Set(input.national.map((n) => n.financialYear))];
  const cumulative = ranges.areas.filter((r) => r.measure === 'cumulative_balance');
  const count = (scenario: string, year: string, share: string) =>
    cumulative.filter(
      (r) =>
        r.scenario === scenario &&
        formatFinancialYear(r.financialYear) === year &&
        r.pDeficit!.gt(share),
    ).length;
  const nameOf = new Map(input.rows.map((r) => [String(r['area_code']), String(r['area_name'])]));
  const projection = (scenario: string, code: string, year: string) =>
    input.rows.find(
      (r) =>
        r.scenario === scenario &&
        String(r['area_code']) === code &&
        String(r['financial_year']) === year,
    )?.['cumulative_balance'] as Decimal | undefined;
  const counts: ReportTable = {
    title: 'Number of areas by chance of a cumulative deficit, by year',
    note: "Each year counts the areas with figures for that year (national.csv's areas column).",
    columns: [
      { key: 'line', label: 'Scenario: areas in deficit in', kind: 'text' },
      ...years.map((y) => ({ key: y, label: y, kind: 'whole' as const })),
    ],
    rows: scenarios.flatMap((s) =>
      SHARES.map(([share, words]) => ({
        cells: {
          line: `${name(s)}: ${words}`,
          ...Object.fromEntries(years.map((y) => [y, new Dec(count(s, y, share))])),
        },
      })),
    ),
  };
  const worst = scenarios.map((s) => atHorizon(cumulative, s));
  const over = (s: number, share: string) => worst[s]!.filter((r) => r.pDeficit!.gt(share)).length;
  const horizon = (s: number) =>
    `under ${name(scenarios[s]!)}, ${over(s, '0.5')} of ${worst[s]!.length} ${worst[s]!.length === 1 ? 'area is' : 'areas are'} in deficit in more than half of the draws and ${over(s, '0.9')} in more than nine draws in ten`;
  return {
    id: 'areas-by-chance',
    title: 'Areas by chance of a cumulative deficit',
    paragraphs: [
      `Each area's share of its ${counted(ranges.draws, 'draw')} (seed ${ranges.seed}) ending a year with a cumulative deficit (intervals.csv's p_deficit). At each area's horizon (its last projected year), ${scenarios.map((_, i) => horizon(i)).join('; ')}. The lists below run from the area most likely to be in deficit; each area's draws are independent of every other's, and with few draws a share moves by several points between seeds.`,
    ],
    tables: [
      counts,
      ...scenarios.map((s, i): ReportTable => ({
        title: `Areas by chance of a cumulative deficit at their horizon, £: ${name(s)}`,
        columns: [
          { key: 'area', label: 'Area', kind: 'text' },
          { key: 'name', label: 'Name', kind: 'text' },
          { key: 'year', label: 'Horizon', kind: 'text' },
          { key: 'p_deficit', label: 'Share of draws in deficit', kind: 'share' },
          { key: 'p10', label: '10th percentile', kind: 'money' },
          { key: 'p50', label: 'Median', kind: 'money' },
          { key: 'p90', label: '90th percentile', kind: 'money' },
          { key: 'projected', label: 'Projection (summary.csv)', kind: 'money' },
        ],
        rows: worst[i]!.map((r) => {
          const year = formatFinancialYear(r.financialYear);
          return {
            cells: {
              area: r.areaCode,
              name: nameOf.get(r.areaCode) ?? '',
              year,
              p_deficit: r.pDeficit,
              p10: r.quantiles.p10,
              p50: r.quantiles.p50,
              p90: r.quantiles.p90,
              projected: projection(s, r.areaCode, year),
            },
          };
        }),
      })),
    ],
  };
}
