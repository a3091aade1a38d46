import { counted } from '../../core/words.js';
import type { Decimal } from 'decimal.js';
import type { NationalYear } from '../../core/batch/national.js';
import { Dec } from '../../core/decimal.js';
import { poundsText } from '../../core/money-text.js';
import { formatFinancialYear } from '../../core/period.js';
import type { IntervalRow } from '../../core/simulate/intervals.js';
import type { BatchIntervalRows } from '../national-intervals.js';
import type { Row } from '../rows.js';
import { fanRowsOf } from './fan-rows.js';
import { cumulativeFan, FAN_MEASURES } from './fan-section.js';
import type { ReportSection } from './section.js';
import type { ReportTable } from './table-model.js';

/** batch --draws's interval rows, as intervals.csv has them unrounded, with how they were drawn. */
export interface NationalRanges extends BatchIntervalRows {
  readonly draws: number;
  readonly seed: number;
}

/** What the range sections read from the national report's input (national-report.ts). */
export interface RangesInput {
  readonly scenarios: readonly string[];
  readonly national: readonly NationalYear[];
  readonly rows: readonly (Row & { readonly scenario: string })[];
  readonly ranges: NationalRanges;
}

/** What the draws are, said once where the ranges begin: they are the models' spread, not a forecast. */
function rangesCaveat(ranges: NationalRanges): string[] {
  return [
    `From ${counted(ranges.draws, 'simulated draw')} (seed ${ranges.seed}) of every area's model, as intervals.csv gives them: each draw takes the rates from what the model says is known about them (observed counts and exposure, or a planner's low–high range), draws pupils one by one and new plans as counts, and costs them exactly. A national draw is the sum of the same draw of every area with figures for that year, as national.csv sums their projections.`,
    `Read the national fan with care. Each area is drawn independently of the others, so their highs and lows largely cancel in the sum, and the national range is far narrower, beside its size, than any area's. It is the spread that chance pupil by pupil and each area's stated uncertainty about its own rates give, if each model is right; it is not a forecast guarantee. What moves every area at once (a change of policy or funding, tribunal decisions, prices) and the uncertainty of a rate given with no observed counts or range are not in it (docs/simulate.md, "What an interval means"). Where the whole fan is on one side of zero, the chart's axis leaves zero out so that the bands can be seen.`,
  ];
}

const FIGURES = [
  ['p2_5', '2.5th percentile'],
  ['p10', '10th percentile'],
  ['p25', '25th percentile'],
  ['p50', 'Median'],
  ['p75', '75th percentile'],
  ['p90', '90th percentile'],
  ['p97_5', '97.5th percentile'],
] as const;

/**
 * Each scenario's national fan: the national rows of intervals.csv as a fan chart with
 * national.csv's projection marked, and each measure's quantiles, mean, projection and share of
 * draws in deficit with the years across (as the national totals are laid out: national
 * figures are too wide for a quantile a column).
 */
export function nationalFanSections(input: RangesInput, name: (id: string) => string) {
  const { ranges } = input;
  const draws = String(ranges.draws);
  return input.scenarios.map((scenario, i): ReportSection => {
    const rows = ranges.national.filter((r) => r.scenario === scenario);
    const projected = (measure: string, year: string): Decimal | undefined =>
      input.national.find((n) => n.scenario === scenario && n.financialYear === year)?.totals[
        measure
      ];
    const cumulative = rows.filter((r) => r.measure === 'cumulative_balance');
    const years = cumulative.map((r) => formatFinancialYear(r.financialYear));
    const marked = years.map((y) => projected('cumulative_balance', y));
    const last = cumulative.at(-1);
    const shown = marked.at(-1);
    const tables = FAN_MEASURES.map(([measure, label, kind]): ReportTable => {
      const of = (year: string) =>
        rows.find((r) => r.measure === measure && formatFinancialYear(r.financialYear) === year);
      const line = (
        title: string,
        value: (row: IntervalRow | undefined, year: string) => Decimal | undefined,
        rowKind?: 'share',
      ) => ({
        cells: { line: title, ...Object.fromEntries(years.map((y) => [y, value(of(y), y)])) },
        ...(rowKind ? { kind: rowKind } : {}),
      });
      const balance = measure === 'cumulative_balance' || measure === 'in_year_balance';
      return {
        title: `${label}, national total under ${name(scenario)}: the distribution over ${counted(draws, 'draw')}${kind === 'money' ? ', £' : ''}`,
        columns: [
          { key: 'line', label: 'Figure', kind: 'text' },
          ...years.map((y) => ({ key: y, label: y, kind })),
        ],
        rows: [
          ...FIGURES.map(([key, title]) => line(title, (r) => r?.quantiles[key])),
          line('Mean', (r) => r?.mean),
          line('Projection (national.csv)', (_, y) => projected(measure, y)),
          ...(balance ? [line('Share of draws in deficit', (r) => r?.pDeficit, 'share')] : []),
        ],
      };
    });
    return {
      id: `national-range-${i + 1}`,
      title: `National range of outcomes: ${name(scenario)}`,
      paragraphs: [
        ...(i === 0 ? rangesCaveat(ranges) : []),
        ...(last
          ? [
              `Under ${name(scenario)}, the national cumulative balance at the end of ${years.at(-1)} has a median of ${poundsText(last.quantiles.p50)} over the draws; 80% of them lie between ${poundsText(last.quantiles.p10)} and ${poundsText(last.quantiles.p90)}, the middle 95% span ${spanText(last)}, and ${shareText(last.pDeficit!)} of them are in deficit.${shown ? ` The projection (national.csv) is ${poundsText(shown)}.` : ''}`,
            ]
          : []),
      ],
      ...cumulativeFan(fanRowsOf(rows), draws, {
        id: `chart-national-range-${i + 1}`,
        title: `National cumulative DSG balance: range of outcomes, ${name(scenario)}`,
        zoom: true,
        ...(marked.every((v) => v !== undefined)
          ? {
              marked: {
                label: 'Projection (national.csv)',
                values: marked.map((v) => v!.toNumber()),
              },
            }
          : {}),
      }),
      tables,
    };
  });
}

/** The width of the middle 95% of draws, and beside the median's size (how narrow a national fan is). */
function spanText(row: IntervalRow): string {
  const width = row.quantiles.p97_5.minus(row.quantiles.p2_5);
  const median = row.quantiles.p50.abs();
  return `${poundsText(width)}${median.isZero() ? '' : ` (${width.div(median).times(100).toFixed(1, Dec.ROUND_HALF_UP)}% of the median's size)`}`;
}

/** A share of draws as a percentage, as the tables show it (4 decimal places of a share). */
const shareText = (share: Decimal): string => `${share.times(100).toFixed(2, Dec.ROUND_HALF_UP)}%`;
