import { InputError, UsageError } from '../core/errors.js';
import type { Issue } from '../core/issue.js';
import { checkOptionNames } from '../core/option-names.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import {
  type HistoryFiles,
  type HistoryWords,
  type LoadedHistory,
  readHistory,
} from './load-history.js';

/** The files and prior weight as a library caller names them (the CLI's words are its options: a scripter's trial was told `--population FILE is required`). */
const LIBRARY_WORDS: HistoryWords = {
  transitions: '{ transitions }',
  snapshots: '{ snapshots }',
  population: '{ population }',
  priorWeight: 'priorWeight',
};

/**
 * Reads a history for `calibrate` and `backtest` from the library, as `loadModel` reads a model:
 * the history with any warnings, or no history and every problem found (located, as the CLI prints
 * them). Throws UsageError when the files asked for cannot make a history (neither or both of
 * `transitions` and `snapshots`, no `population`, a `priorWeight` that is not a number from 0).
 * `minimumJanuaries`: 2 for calibrate (the default), 3 for backtest.
 */
export function loadHistory(
  files: HistoryFiles,
  options: { readonly minimumJanuaries?: number; readonly limits?: Limits } = {},
): { history?: LoadedHistory; issues: readonly Issue[] } {
  // A misspelt file (cost for costs) was read as none given: calibrate wrote a tariff with no costs.
  checkOptionNames<HistoryFiles>(
    'loadHistory',
    files,
    {
      transitions: true,
      snapshots: true,
      population: true,
      codes: true,
      costs: true,
      priorWeight: true,
    },
    "{ transitions: 'transitions.csv', population: 'population.csv' }",
  );
  checkOptionNames<typeof options>(
    'loadHistory',
    options,
    { minimumJanuaries: true, limits: true },
    '{ minimumJanuaries: 3 }',
  );
  try {
    const history = readHistory(
      files,
      options.minimumJanuaries ?? 2,
      options.limits ?? DEFAULT_LIMITS,
      undefined,
      LIBRARY_WORDS,
    );
    return { history, issues: history.issues };
  } catch (problem) {
    if (problem instanceof InputError) return { issues: problem.issues };
    if (problem instanceof UsageError) throw new UsageError(`loadHistory: ${problem.message}`);
    throw problem;
  }
}
