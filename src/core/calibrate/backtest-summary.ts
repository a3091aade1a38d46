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
  /** With intervals: the share of every row at this horizon (total and each group) whose actual lies inside. */
  readonly coverage?: number;
}

/** MAPE and bias of the total by horizon (issue 15), in horizon order; means taken in origin order. */
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
    const withIntervals = rows.filter((r) => r.horizon === horizon && r.interval);
    const covered = withIntervals.filter(
      (r) => r.interval!.low <= r.actual && r.actual <= r.interval!.high,
    ).length;
    return {
      horizon,
      origins: totals.length,
      mape: mean(percents.map(Math.abs)),
      bias: mean(percents),
      ...(withIntervals.length ? { coverage: covered / withIntervals.length } : {}),
    };
  });
}
