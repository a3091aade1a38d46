import type { BacktestRow } from './backtest.js';

/** error = projected − actual; error % of actual (undefined where nobody was there). */
export const errorOf = (row: BacktestRow): number => row.projected - row.actual;
export const errorPercent = (row: BacktestRow): number | undefined =>
  row.actual === 0 ? undefined : ((row.projected - row.actual) / row.actual) * 100;

export interface HorizonSummary {
  readonly horizon: number;
  /** Origins with a total for this horizon. */
  readonly origins: number;
  /** Mean absolute % error of the total, and its mean signed % error (bias: + = over-projected). */
  readonly mape: number;
  readonly bias: number;
  /**
   * With intervals: the share of the totals whose actual lies inside their interval, over the same
   * rows as mape and bias (one per origin, so a coarse share: 3 origins give 0, 33, 67 or 100%).
   */
  readonly coverage?: number;
  /** With intervals: the same share over every row at this horizon, the total and each setting and age group. */
  readonly coverageAll?: number;
}

/** The share of rows with an interval whose actual lies inside it; undefined when none has one. */
function coveredShare(rows: readonly BacktestRow[]): number | undefined {
  const withIntervals = rows.filter((r) => r.interval);
  if (withIntervals.length === 0) return undefined;
  const covered = withIntervals.filter(
    (r) => r.interval!.low <= r.actual && r.actual <= r.interval!.high,
  ).length;
  return covered / withIntervals.length;
}

/** MAPE, bias and coverage of the total by horizon (issue 15), in horizon order; means taken in origin order. */
export function summarise(rows: readonly BacktestRow[]): HorizonSummary[] {
  const horizons = [...new Set(rows.map((r) => r.horizon))].sort((a, b) => a - b);
  return horizons.map((horizon) => {
    const totals = rows.filter((r) => r.horizon === horizon && r.breakdown === 'total');
    const percents = totals.flatMap((r) => {
      const p = errorPercent(r);
      return p === undefined ? [] : [p];
    });
    const mean = (xs: number[]) =>
      xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
    const coverage = coveredShare(totals);
    const coverageAll = coveredShare(rows.filter((r) => r.horizon === horizon));
    return {
      horizon,
      origins: totals.length,
      mape: mean(percents.map(Math.abs)),
      bias: mean(percents),
      ...(coverage !== undefined ? { coverage } : {}),
      ...(coverageAll !== undefined ? { coverageAll } : {}),
    };
  });
}
