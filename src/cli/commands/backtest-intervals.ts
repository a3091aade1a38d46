import type { IntervalSource } from '../../core/calibrate/backtest.js';
import { UsageError } from '../../core/errors.js';

/**
 * Where `backtest --draws N --seed S` gets its intervals: simulate's seeded draws of each origin's
 * model (issue 15, item 3), which this branch does not have. The backtest reports coverage from
 * whatever IntervalSource this returns (src/core/calibrate/backtest.ts); until simulate is wired in
 * here, --draws is refused rather than answered with made-up intervals.
 */
export function intervalSource(
  draws: string | undefined,
  seed: string | undefined,
): IntervalSource | undefined {
  if (draws === undefined && seed === undefined) return undefined;
  throw new UsageError(
    '--draws needs highneeds simulate to draw the intervals, which this build does not include yet; run backtest without --draws',
  );
}
