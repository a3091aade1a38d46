import { counted } from '../core/words.js';
import type { Decimal } from 'decimal.js';
import type { Issue } from '../core/issue.js';
import { formatFinancialYear } from '../core/period.js';
import { toCount2dp, toCountWhole, toPence } from '../core/rounding.js';
import { Dec } from '../core/decimal.js';
import { type IntervalRow, QUANTILES, type ThresholdRow } from '../core/simulate/intervals.js';
import type { Simulation } from '../core/simulate/simulate.js';
import { renderPrintedCsv } from './csv.js';
import { fitTable, fitText } from './fit-width.js';
import { withThousands } from '../core/thousands.js';
import { issuesOut, jsonText, rawNumber, warningLines } from './json.js';
import { neutraliseText } from '../core/spreadsheet-text.js';
import { thresholdCells, thresholdColumns } from './threshold-columns.js';
import { checkIntervalArguments } from './intervals-arguments.js';
import type { DrawnInputs } from '../core/simulate/drawn-inputs.js';
import { drawnInWords, drawnJson, drawsRates } from './drawn-inputs.js';

/** intervals.csv's columns, in order (docs/simulate.md, "Output"). */
export const INTERVAL_COLUMNS = [
  'area_code',
  'scenario',
  'financial_year',
  'measure',
  'mean',
  ...QUANTILES.map(([column]) => column),
  'p_deficit',
] as const;

/** A probability on output: 4 decimal places, half-up (a share of draws; 1,000 draws give 3). */
const probability = (value: Decimal): string => value.toFixed(4, Dec.ROUND_HALF_UP);

/** A row's cells as printed: pupils to 2 dp, money to pence, text made spreadsheet-safe. */
export function printedIntervalRow(row: IntervalRow): Record<string, string> {
  const figure = row.measure === 'pupils_january' ? toCount2dp : toPence;
  return {
    area_code: neutraliseText(row.areaCode),
    scenario: neutraliseText(row.scenario),
    financial_year: formatFinancialYear(row.financialYear),
    measure: row.measure,
    mean: figure(row.mean),
    ...Object.fromEntries(QUANTILES.map(([column]) => [column, figure(row.quantiles[column])])),
    p_deficit: row.pDeficit ? probability(row.pDeficit) : '',
  };
}

/** intervals.csv; with threshold rows (simulate --threshold), a `p_below_<pounds>` column after the fixed ones for each. */
export function renderIntervalsCsv(
  rows: readonly IntervalRow[],
  thresholds: readonly ThresholdRow[] = [],
): string {
  checkIntervalArguments(rows, thresholds);
  return renderPrintedCsv(
    [...INTERVAL_COLUMNS, ...thresholdColumns(thresholds)],
    rows.map((row) => ({ ...printedIntervalRow(row), ...thresholdCells(row, thresholds) })),
  );
}

/** The simulation as JSON: its settings, the interval rows (figures rounded as in the CSV) and the threshold probabilities. */
export function renderIntervalsJson(
  simulation: Simulation,
  drawn: DrawnInputs,
  warnings: readonly Issue[],
): string {
  return jsonText({
    area: simulation.areaCode,
    scenario: simulation.scenario,
    draws: rawNumber(String(simulation.draws)),
    seed: rawNumber(String(simulation.seed)),
    drawn: drawnJson(drawn),
    intervals: simulation.rows.map((row) => {
      const cells = printedIntervalRow(row);
      return Object.fromEntries(
        INTERVAL_COLUMNS.map((column) => [
          column,
          ['area_code', 'scenario', 'financial_year', 'measure'].includes(column)
            ? cells[column]!
            : cells[column] === ''
              ? null
              : rawNumber(cells[column]!),
        ]),
      );
    }),
    thresholds: simulation.thresholds.map((row) => ({
      financial_year: formatFinancialYear(row.financialYear),
      threshold: rawNumber(toPence(row.threshold)),
      probability_below: rawNumber(probability(row.probability)),
    })),
    warnings: warningLines(warnings),
    issues: issuesOut(warnings),
  });
}

/**
 * Whose range the range columns are, and what P(deficit) is, in words: a finance officer's trial
 * read "80% of draws" beside pupils and spend with no word of which it was the range of.
 */
const TABLE_LEGEND = [
  '80% and 95% of draws: where the middle 80% and 95% of the draws leave the cumulative balance at the end of the year (negative: a deficit).',
  'P(deficit): the share of draws whose cumulative balance ends the year below zero (1.0000: every draw).',
  'P(< X): the share of draws whose cumulative balance ends the year below X (--threshold).',
];
/**
 * What a range is, after what was drawn: "chance in the rates" only when some rate or lever was
 * drawn (a review found "no rate row or lever gives its uncertainty, so the ranges are that
 * chance alone" followed by "the ranges are chance in the rates and the pupils").
 */
const whatARangeIs = (drawn: DrawnInputs): string =>
  `The ranges are chance in ${drawsRates(drawn) ? 'the rates and the pupils' : 'the pupils alone'} if the model is right, not a change of policy, prices or trend: docs/simulate.md, "What an interval means, and what it does not".`;

/** The legend, with what was drawn (an analyst's trial could not tell which levers had ranges) before what a range is. */
const legend = (thresholds: boolean, drawn: DrawnInputs): string[] => [
  ...TABLE_LEGEND.filter((line) => thresholds || !line.startsWith('P(<')),
  drawnInWords(drawn),
  whatARangeIs(drawn),
];

/**
 * The terminal fan summary: per year the median pupils and spend, the median and the 80% and 95%
 * ranges of the cumulative balance, the chance of a deficit and of being below each threshold,
 * fitted to the width (src/report/fit-width.ts), then what the ranges are in words.
 */
export function renderIntervalsTable(
  simulation: Simulation,
  /** The rows and levers the draws took from their ranges (drawnInputs), said under the table. */
  drawn: DrawnInputs,
  width?: number,
  /** The area's name, which heads the table as project's does ("Example Borough (999)"). */
  areaName?: string,
): string {
  const byYear = (measure: IntervalRow['measure'], fy: number) =>
    simulation.rows.find((r) => r.measure === measure && r.financialYear === fy)!;
  const money = (value: Decimal) => withThousands(value.toFixed(0, Dec.ROUND_HALF_UP));
  const range = (
    row: IntervalRow,
    low: 'p10' | 'p2_5',
    high: 'p90' | 'p97_5',
    show: (v: Decimal) => string,
  ) => `${show(row.quantiles[low])} to ${show(row.quantiles[high])}`;
  const thresholds = [...new Set(simulation.thresholds.map((t) => t.threshold.toString()))];
  const below = (fy: number, threshold: string): ThresholdRow =>
    simulation.thresholds.find(
      (t) => t.financialYear === fy && t.threshold.toString() === threshold,
    )!;
  const columns = [
    { header: 'year', align: 'left' as const, key: true },
    { header: 'pupils (median)', align: 'right' as const },
    { header: 'spend (median)', align: 'right' as const },
    { header: 'cumulative balance (median)', align: 'right' as const },
    { header: '80% of draws', align: 'right' as const },
    { header: '95% of draws', align: 'right' as const },
    { header: 'P(deficit)', align: 'right' as const },
    ...thresholds.map((t) => ({
      header: `P(< ${withThousands(toPence(new Dec(t)))})`,
      align: 'right' as const,
    })),
  ];
  const rows = simulation.financialYears.map((fy) => {
    const pupils = byYear('pupils_january', fy);
    const spend = byYear('spend_total', fy);
    const balance = byYear('cumulative_balance', fy);
    return [
      formatFinancialYear(fy),
      withThousands(toCountWhole(pupils.quantiles.p50)),
      money(spend.quantiles.p50),
      money(balance.quantiles.p50),
      range(balance, 'p10', 'p90', money),
      range(balance, 'p2_5', 'p97_5', money),
      probability(balance.pDeficit!),
      ...thresholds.map((t) => probability(below(fy, t).probability)),
    ];
  });
  const area = areaName ? `${areaName} (${simulation.areaCode})` : simulation.areaCode;
  const title = `${area}${simulation.scenario ? `, scenario ${simulation.scenario}` : ''}: ${counted(simulation.draws, 'draw')}, seed ${simulation.seed}; £`;
  // The title wraps as the table fits: a long area name ran past the edge (a user trial).
  return `${[fitText(title, width), '', ...fitTable({ columns, rows }, width), '', ...legend(thresholds.length > 0, drawn).map((line) => fitText(line, width))].join('\n')}\n`;
}
