import type { IntervalSource } from '../../core/calibrate/backtest.js';
import { drawnIntervals } from '../../core/calibrate/drawn-intervals.js';
import { UsageError } from '../../core/errors.js';
import { wholeOption } from '../whole-option.js';

/**
 * Where `backtest --draws N --seed S` gets its intervals: simulate's seeded draws of each
 * origin's calibrated model (src/core/calibrate/drawn-intervals.ts). Without --draws, none.
 */
export function intervalSource(
  draws: string | undefined,
  seed: string | undefined,
): IntervalSource | undefined {
  if (draws === undefined) {
    if (seed !== undefined) throw new UsageError('--seed needs --draws');
    return undefined;
  }
  return drawnIntervals(
    wholeOption('--draws', draws, 1000, [1, 100_000]),
    wholeOption('--seed', seed, 1, [0, Number.MAX_SAFE_INTEGER]),
  );
}
