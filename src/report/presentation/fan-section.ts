import type { DrawnInputs } from '../../core/simulate/drawn-inputs.js';
import { counted } from '../../core/words.js';
import { drawnInWords, drawsRates } from '../drawn-inputs.js';
import { fanChart } from '../svg/fan-chart.js';
import type { FanRow } from './report-model.js';
import type { ReportSection } from './section.js';
import type { ReportColumn } from './table-model.js';

/** The measures a fan shows, in order, with their labels and kinds. */
export const FAN_MEASURES = [
  ['cumulative_balance', 'Cumulative DSG balance', 'money'],
  ['in_year_balance', 'In-year balance', 'money'],
  ['spend_total', 'Total high-needs spend', 'money'],
  ['pupils_january', 'EHCPs in January', 'count'],
] as const;

/**
 * The fan of outcomes from `highneeds simulate` rows (one per financial year and measure): a
 * chart of the cumulative balance's quantiles, and every measure's quantiles as tables.
 */
export function fanSection(
  rows: readonly FanRow[],
  draws: string,
  scenario: string,
  /** The rows and levers drawn from their uncertainty (drawnInputs), said in words. */
  drawn: DrawnInputs,
): ReportSection {
  const tables = FAN_MEASURES.flatMap(([measure, label, kind]) => {
    const mine = rows.filter((r) => r.measure === measure);
    if (!mine.length) return [];
    const figure = (key: string, title: string): ReportColumn => ({ key, label: title, kind });
    return [
      {
        title: `${label}: the distribution over ${counted(draws, 'draw')}${kind === 'money' ? ', £' : ''}`,
        columns: [
          { key: 'year', label: 'Financial year', kind: 'text' as const },
          figure('p2_5', '2.5th'),
          figure('p10', '10th'),
          figure('p25', '25th'),
          figure('p50', 'Median'),
          figure('p75', '75th'),
          figure('p90', '90th'),
          figure('p97_5', '97.5th'),
          figure('mean', 'Mean'),
          { key: 'p_deficit', label: 'Share of draws in deficit', kind: 'share' as const },
        ],
        rows: mine.map((r) => ({
          cells: {
            year: r.financialYear,
            p2_5: r.p2_5,
            p10: r.p10,
            p25: r.p25,
            p50: r.p50,
            p75: r.p75,
            p90: r.p90,
            p97_5: r.p97_5,
            mean: r.mean,
            p_deficit: r.pDeficit,
          },
        })),
      },
    ];
  });
  return {
    id: 'fan',
    title: 'The range of outcomes',
    paragraphs: [
      // It said "draws of the model's uncertain rates" of a model with none (an analyst's trial);
      // the scenario's name quoted, as every other section quotes it (an officer's trial).
      `From ${counted(draws, 'simulated draw')} under the plan scenario, "${scenario}": the bands hold the middle 50%, 80% and 95% of the draws in each year, the line is the median. A wide fan is the model saying it does not know; plan for the lower bands too.`,
      drawnInWords(drawn),
      // What the bands leave out, in the report itself: a forum read 95% bands as 95% sure (an
      // officer's trial, on a history whose backtest held such bands at 0% three years ahead).
      // "Chance in those rates" only when some rate or lever was drawn: otherwise it contradicted
      // the line above, that none was (a review).
      `The bands are the spread of outcomes if the model's rates are right, ${drawsRates(drawn) ? "with the uncertainty they carry: chance in those rates and in which pupils' plans start, end or move" : "taken as known: chance in which pupils' plans start, end or move alone"}. They are not a change of policy, of prices or of trend, nor a method wrong all along; those are scenarios. How often such bands held in the past is what highneeds backtest --draws says of the authority's own history.`,
    ],
    ...cumulativeFan(rows, draws, {
      id: 'chart-fan',
      title: 'Cumulative DSG balance: range of outcomes',
    }),
    tables,
  };
}

/**
 * The fan chart of the cumulative balance's quantiles, if the rows have it: the single-area
 * report's and each scenario's in the national report, which marks its projection on it.
 */
export function cumulativeFan(
  rows: readonly FanRow[],
  draws: string,
  chart: {
    readonly id: string;
    readonly title: string;
    /** The projection of each year's cumulative balance, as a dashed line over the fan. */
    readonly marked?: { readonly label: string; readonly values: readonly number[] };
    /** Leave zero off the axis when the whole fan and the marked line are on one side of it. */
    readonly zoom?: boolean;
  },
): { chart?: string } {
  const cumulative = rows.filter((r) => r.measure === 'cumulative_balance');
  if (!cumulative.length) return {};
  const { marked } = chart;
  const values = [
    ...cumulative.flatMap((r) => [r.p2_5.toNumber(), r.p97_5.toNumber()]),
    ...(marked?.values ?? []),
  ];
  const zoomed = chart.zoom === true && (values.every((v) => v > 0) || values.every((v) => v < 0));
  return {
    chart: fanChart({
      id: chart.id,
      title: chart.title,
      desc: `Fan chart of the cumulative DSG balance over ${counted(draws, 'simulated draw')}, ${cumulative[0]!.financialYear} to ${cumulative.at(-1)!.financialYear}: nested bands for the middle 95%, 80% and 50% of draws and a line for the median${marked ? `, and a dashed line with markers for the ${marked.label.toLowerCase()}` : ''}.${zoomed ? ' The axis does not start at zero.' : ''} The table after the chart gives the figures.`,
      points: cumulative.map((r) => ({
        category: r.financialYear,
        p2_5: r.p2_5.toNumber(),
        p10: r.p10.toNumber(),
        p25: r.p25.toNumber(),
        p50: r.p50.toNumber(),
        p75: r.p75.toNumber(),
        p90: r.p90.toNumber(),
        p97_5: r.p97_5.toNumber(),
      })),
      unit: 'money',
      ...(marked ? { marked } : {}),
      ...(zoomed ? { zero: false } : {}),
    }),
  };
}
