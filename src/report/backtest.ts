import type { BacktestRow } from '../core/calibrate/backtest.js';
import { errorOf, errorPercent, type HorizonSummary } from '../core/calibrate/backtest-summary.js';
import { csvText } from '../core/csv-text.js';
import { double2dp } from '../core/rounding.js';
import type { Issue } from '../core/issue.js';
import { issuesOut, jsonText, rawNumber, warningLines, type JsonOut } from './json.js';
import { fitTable, fitText } from './fit-width.js';

const percent = (row: BacktestRow): string => {
  const p = errorPercent(row);
  return p === undefined ? '' : double2dp(p);
};
const covered = (row: BacktestRow): string =>
  row.interval ? String(row.interval.low <= row.actual && row.actual <= row.interval.high) : '';

const ROW_COLUMNS = [
  'origin_january',
  'target_january',
  'horizon',
  'breakdown',
  'group',
  'actual',
  'projected',
  'error',
  'error_pct',
];
const INTERVAL_COLUMNS = ['low', 'high', 'covered'];

function cells(row: BacktestRow, intervals: boolean): string[] {
  return [
    String(row.origin),
    String(row.target),
    String(row.horizon),
    row.breakdown,
    row.group,
    double2dp(row.actual),
    double2dp(row.projected),
    double2dp(errorOf(row)),
    percent(row),
    ...(intervals
      ? [
          row.interval ? double2dp(row.interval.low) : '',
          row.interval ? double2dp(row.interval.high) : '',
          covered(row),
        ]
      : []),
  ];
}

/** One row per origin, target January and group: the backtest's CSV. */
export function backtestCsv(rows: readonly BacktestRow[]): string {
  const intervals = rows.some((r) => r.interval);
  return csvText([
    [...ROW_COLUMNS, ...(intervals ? INTERVAL_COLUMNS : [])],
    ...rows.map((r) => cells(r, intervals)),
  ]);
}

const summaryCells = (s: HorizonSummary): string[] => [
  String(s.horizon),
  String(s.origins),
  double2dp(s.mape),
  double2dp(s.bias),
  ...(s.coverage !== undefined ? [double2dp(s.coverage * 100)] : []),
  ...(s.coverageAll !== undefined ? [double2dp(s.coverageAll * 100)] : []),
];
/** coverage_pct is of the totals, as mape_pct and bias_pct are; coverage_all_pct of every row (docs/calibration.md). */
const COVERAGE_COLUMNS = ['coverage_pct', 'coverage_all_pct'];
const SUMMARY_COLUMNS = ['horizon', 'origins', 'mape_pct', 'bias_pct'];

/** Mean absolute % error, bias and coverage of the total by horizon, and coverage of every row (--summary). */
export function summaryCsv(summary: readonly HorizonSummary[]): string {
  const coverage = summary.some((s) => s.coverage !== undefined);
  return csvText([
    [...SUMMARY_COLUMNS, ...(coverage ? COVERAGE_COLUMNS : [])],
    ...summary.map(summaryCells),
  ]);
}

/**
 * A cell as JSON: the figures as number literals, as every other JSON output writes them (a
 * scripter's trial found these alone as text, "289.00", which sorts and adds as words), the
 * group as text, `covered` as true or false, an empty cell as null.
 */
function jsonCell(column: string, text: string): JsonOut {
  if (column === 'breakdown' || column === 'group') return text;
  if (text === '') return null;
  return column === 'covered' ? text === 'true' : rawNumber(text);
}

export function backtestJson(
  rows: readonly BacktestRow[],
  summary: readonly HorizonSummary[],
  /** The history's warnings, as every JSON output carries them: `warnings` and `issues` (README). */
  warnings: readonly Issue[],
): string {
  const intervals = rows.some((r) => r.interval);
  const columns = [...ROW_COLUMNS, ...(intervals ? INTERVAL_COLUMNS : [])];
  const summaryColumns = [
    ...SUMMARY_COLUMNS,
    ...(summary.some((s) => s.coverage !== undefined) ? COVERAGE_COLUMNS : []),
  ];
  const record = (names: string[], values: string[]): JsonOut =>
    Object.fromEntries(names.map((name, i) => [name, jsonCell(name, values[i] ?? '')]));
  // The house's writer (src/report/json.ts): an issue's line and column are number literals.
  return jsonText({
    summary: summary.map((s) => record(summaryColumns, summaryCells(s))),
    rows: rows.map((r) => record(columns, cells(r, intervals))),
    warnings: warningLines(warnings),
    issues: issuesOut(warnings),
  });
}

/** What the summary's columns mean, in words for a reader who will not open docs/calibration.md. */
const LEGEND = [
  'MAPE: the average size of the error of the total, whichever way, as a % of what happened.',
  'bias: the average error with its sign: negative, the method projected too few pupils; positive, too many.',
];
const COVERAGE_LEGEND =
  'coverage: the share of the Januaries whose actual total lay inside its 95% interval (all rows: each setting and age group too); near 95% the intervals are honest, well below it they are too narrow.';

/**
 * The terminal table: MAPE and bias by horizon, then the total at each origin and target January,
 * fitted to `width` as every terminal table is (its 116-column title and 60-odd-column tables ran
 * past an 80- or 60-column terminal: a user trial); no width, one line per row.
 */
export function backtestTable(
  rows: readonly BacktestRow[],
  summary: readonly HorizonSummary[],
  width?: number,
): string {
  const pad = ([header, ...body]: string[][]) =>
    fitTable(
      {
        columns: header!.map((text, i) => ({
          header: text,
          align: i === 0 ? ('left' as const) : ('right' as const),
          key: i === 0,
        })),
        rows: body,
      },
      width,
    ).join('\n');
  const coverage = summary.some((s) => s.coverage !== undefined);
  const head = pad([
    [
      'horizon',
      'origins',
      'MAPE %',
      'bias %',
      ...(coverage ? ['coverage %', 'coverage, all rows %'] : []),
    ],
    ...summary.map(summaryCells),
  ]);
  const intervals = rows.some((r) => r.interval);
  const totals = pad([
    [
      'origin',
      'target',
      'horizon',
      'actual',
      'projected',
      'error',
      'error %',
      ...(intervals ? ['95% low', '95% high', 'inside'] : []),
    ],
    ...rows
      .filter((r) => r.breakdown === 'total')
      .map((r) => [
        String(r.origin),
        String(r.target),
        String(r.horizon),
        double2dp(r.actual),
        double2dp(r.projected),
        double2dp(errorOf(r)),
        percent(r),
        // Each total's interval, which the coverage above counts (a finance officer's trial found
        // the coverage with no interval to show for it).
        ...(intervals
          ? [
              r.interval ? double2dp(r.interval.low) : '',
              r.interval ? double2dp(r.interval.high) : '',
              r.interval ? (covered(r) === 'true' ? 'yes' : 'no') : '',
            ]
          : []),
      ]),
  ]);
  const title = fitText(
    'Backtest: projected against actual pupils with plans each January (origin = the January each projection starts from)',
    width,
  );
  const legend = [...LEGEND, ...(coverage ? [COVERAGE_LEGEND] : [])].map((line) =>
    fitText(line, width),
  );
  return `${title}\n\n${head}\n\n${legend.join('\n')}\n\n${totals}\n\n${fitText('(by setting and age group: --format csv or json)', width)}\n`;
}
