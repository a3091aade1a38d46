import { backtest as rollingOrigin, type BacktestRow } from '../core/calibrate/backtest.js';
import { summarise, type HorizonSummary } from '../core/calibrate/backtest-summary.js';
import { drawnIntervals } from '../core/calibrate/drawn-intervals.js';
import { checkOptionNames } from '../core/option-names.js';
import { checkDraws } from '../core/simulate/simulate-arguments.js';
import type { LoadedHistory } from './load-history.js';

/** `highneeds backtest`'s rows and its summary by horizon. */
export interface Backtest {
  readonly rows: readonly BacktestRow[];
  readonly summary: readonly HorizonSummary[];
}

/**
 * `highneeds backtest` as a function (docs/calibration.md, "Backtest"), on a history read by
 * `loadHistory` (with `minimumJanuaries: 3`): rolling-origin projections against what happened,
 * and mean absolute % error and bias by horizon. With `draws`, each row's 95% interval from
 * simulate's seeded draws (`seed`, default 1) and the coverage. Pure and deterministic.
 */
export function backtest(
  loaded: LoadedHistory,
  options: { readonly draws?: number; readonly seed?: number } = {},
): Backtest {
  checkOptionNames<typeof options>(
    'backtest',
    options,
    { draws: true, seed: true },
    '{ draws: 200, seed: 1 }',
  );
  // As the CLI (--seed needs --draws) and simulate check them: a seed alone, or draws as text
  // ('200') or 0, were taken without a word (an analyst's trial).
  if (options.draws === undefined && options.seed !== undefined)
    throw new TypeError(
      'backtest: seed goes with draws, such as { draws: 200, seed: 1 }: without draws nothing is drawn',
    );
  if (options.draws !== undefined)
    checkDraws('backtest', ['draws', options.draws], ['seed', options.seed ?? 1]);
  const rows = rollingOrigin(loaded.history, {
    weight: loaded.weight,
    population: loaded.population,
    settings: loaded.settings,
    ...(options.draws !== undefined
      ? { intervals: drawnIntervals(options.draws, options.seed ?? 1) }
      : {}),
  });
  return { rows, summary: summarise(rows) };
}
