import {
  checkOptionNames,
  checkPath,
  checkPaths,
  type OptionNames,
} from '../../core/option-names.js';
import { described } from '../../core/scenario/scenario-argument.js';
import { checkDraws } from '../../core/simulate/simulate-arguments.js';
import type { BatchOptions } from './run.js';

const BATCH_OPTION_NAMES: OptionNames<BatchOptions> = {
  jobs: true,
  scenarios: true,
  failFast: true,
  limits: true,
  libraryDir: true,
  tariffFile: true,
  hnbFrom: true,
  allowOutside: true,
  onProgress: true,
  draws: true,
  checkRanges: true,
};

/**
 * A library caller's runBatch options, checked before any thread starts, as simulate's are
 * (core/simulate/simulate-arguments.ts): a scenario id given as a string would otherwise fail
 * deep inside ("wanted.filter is not a function"), jobs 0, which the CLI refuses, would run
 * on one thread as if nothing were wrong, and draws: 5 would draw with no count (its count and
 * seed are checked as simulate's are). Throws a TypeError or RangeError naming what to pass.
 */
export function checkBatchOptions(options: BatchOptions): void {
  checkOptionNames('runBatch', options, BATCH_OPTION_NAMES, '{ jobs: 2 }');
  checkPaths('runBatch', 'hnbFrom', options.hnbFrom);
  checkPath('runBatch', 'tariffFile', options.tariffFile);
  checkPath('runBatch', 'libraryDir', options.libraryDir);
  const { scenarios, jobs, draws } = options as {
    scenarios?: unknown;
    jobs?: unknown;
    draws?: { count?: unknown; seed?: unknown };
  };
  if (draws !== undefined && (typeof draws !== 'object' || draws === null))
    throw new TypeError(
      `runBatch: draws must be { count, seed }, whole numbers (count 1 or more), such as { count: 1000, seed: 1 }, not ${described(draws)}`,
    );
  if (draws !== undefined)
    checkDraws('runBatch', ['draws.count', draws.count], ['draws.seed', draws.seed]);
  if (
    scenarios !== undefined &&
    (!Array.isArray(scenarios) || !scenarios.every((id) => typeof id === 'string'))
  )
    throw new TypeError(
      `runBatch: scenarios must be an array of scenario ids, such as ${JSON.stringify(typeof scenarios === 'string' ? scenarios.split(',') : ['mitigated'])}, not ${described(scenarios)}`,
    );
  // An empty list modelled no scenario, so every area "failed" with no issue (found by a user trial).
  if (Array.isArray(scenarios) && scenarios.length === 0)
    throw new RangeError(
      'runBatch: scenarios names no scenario; give their ids, such as ["mitigated"], or leave scenarios out to run them all',
    );
  if (jobs === undefined) return;
  if (typeof jobs !== 'number')
    throw new TypeError(`runBatch: jobs must be a whole number of threads, not ${described(jobs)}`);
  if (!Number.isInteger(jobs) || jobs < 1)
    throw new RangeError(
      `runBatch: jobs must be a whole number of threads, 1 or more (1 models every area on this thread), not ${jobs}`,
    );
}
