import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  backtest,
  calibrate,
  formatAcademicYear,
  formatFinancialYear,
  loadHistory,
  loadModel,
  loadScenarios,
  projectModel,
  runBatch,
  simulate,
  UsageError,
} from '../../src/index.js';
import { ROOT } from '../helpers/exec.js';

/**
 * Found by a user trial scripting the library from plain JavaScript: an option the function does
 * not take was dropped without a word, so the figures were of another run than the one asked for
 * (projectModel(dir, 'mitigated') projected the model as given; simulate's `threshold` gave no
 * threshold rows; runBatch's `scenario` ran every scenario). Each is now a TypeError that says
 * what to pass.
 */
const example = path.join(ROOT, 'fixtures/example');
const model = loadModel(example).model!;
const history = loadHistory(
  {
    transitions: path.join(ROOT, 'fixtures/history/transitions.csv'),
    population: path.join(ROOT, 'fixtures/history/population.csv'),
    codes: path.join(ROOT, 'fixtures/history/codes.csv'),
  },
  { minimumJanuaries: 3 },
).history!;

describe('a library option the function does not take', () => {
  it.each([
    [
      'projectModel, a scenario id for its options',
      () => projectModel(example, 'mitigated' as never),
      'projectModel: options must be an object such as { scenario: "mitigated" }, not the string "mitigated"',
    ],
    [
      "projectModel, the CLI's --tariff name",
      () => projectModel(example, { tariff: 'national-illustrative' } as never),
      'projectModel: there is no option "tariff"; did you mean "tariffFile"? (options: tariffFile, libraryDir, limits, hnbFrom, allowOutside, policyDir, scenario)',
    ],
    [
      'projectModel, a Scenario for its scenario id',
      () => projectModel(example, { scenario: { id: 'mitigated' } } as never),
      `projectModel: scenario must be the id of a scenario in the folder's scenarios.json, such as "mitigated", not an object (a Scenario that loadScenarios read is projected by projectScenario(model, scenario))`,
    ],
    [
      'loadModel, one hnbFrom file alone',
      () => loadModel(example, { hnbFrom: 'nff.csv' } as never),
      'loadModel: hnbFrom must be an array of file paths, such as ["nff.csv"], not the string "nff.csv"',
    ],
    [
      'projectModel, a tariffFile that is not a path',
      () => projectModel(example, { tariffFile: 5 } as never),
      'projectModel: tariffFile must be a file or folder path, such as "tariff.json", not 5',
    ],
    [
      'loadModel, an empty policyDir',
      () => loadModel(example, { policyDir: '' }),
      'loadModel: policyDir must be a file or folder path, such as "tariff.json", not an empty string',
    ],
    [
      'simulate, threshold for thresholds',
      () => simulate(model, { draws: 2, seed: 1, threshold: [-30000000] } as never),
      'simulate: there is no option "threshold"; did you mean "thresholds"? (options: draws, seed, scenario, thresholds, cache, onDraw)',
    ],
    [
      'loadScenarios, files for file',
      () => loadScenarios(example, { files: 'other.json' } as never),
      'loadScenarios: there is no option "files"; did you mean "file"? (options: file, libraryDir, allowOutside, model)',
    ],
    [
      'calibrate, fitYear for fitYears',
      () => calibrate(history, { fitYear: { first: 2020, last: 2022 } } as never),
      'calibrate: there is no option "fitYear"; did you mean "fitYears"? (options: fitYears, horizon, area, outDir)',
    ],
    [
      'backtest, draw for draws',
      () => backtest(history, { draw: 10 } as never),
      'backtest: there is no option "draw"; did you mean "draws"? (options: draws, seed)',
    ],
    [
      'loadHistory, cost for costs among its files: no costs read, without a word',
      () =>
        loadHistory({
          transitions: path.join(ROOT, 'fixtures/history/transitions.csv'),
          population: path.join(ROOT, 'fixtures/history/population.csv'),
          cost: path.join(ROOT, 'fixtures/history/costs.csv'),
        } as never),
      'loadHistory: there is no option "cost"; did you mean "costs"? (options: transitions, snapshots, population, codes, costs, priorWeight)',
    ],
    [
      'loadHistory, an option it does not know',
      () => loadHistory({ transitions: 't.csv' }, { strict: true } as never),
      'loadHistory: there is no option "strict" (options: minimumJanuaries, limits)',
    ],
  ])('%s: a TypeError that says what to pass', (_, call, message) => {
    expect(call).toThrow(new TypeError(message));
  });

  it('runBatch, scenario for scenarios: rejects before any area is read', async () => {
    await expect(
      runBatch(path.join(ROOT, 'fixtures/national'), { scenario: 'mitigated' } as never),
    ).rejects.toThrow(
      new TypeError(
        'runBatch: there is no option "scenario"; did you mean "scenarios"? (options: jobs, scenarios, failFast, limits, libraryDir, tariffFile, hnbFrom, allowOutside, onProgress, draws, checkRanges)',
      ),
    );
    await expect(
      runBatch(path.join(ROOT, 'fixtures/national'), { hnbFrom: 'nff.csv' } as never),
    ).rejects.toThrow(
      new TypeError(
        'runBatch: hnbFrom must be an array of file paths, such as ["nff.csv"], not the string "nff.csv"',
      ),
    );
    await expect(
      runBatch(path.join(ROOT, 'fixtures/national'), { tariffFile: ['t.json'] } as never),
    ).rejects.toThrow(
      new TypeError(
        'runBatch: tariffFile must be a file or folder path, such as "tariff.json", not an array',
      ),
    );
  });

  it('the options each takes still run, as before', () => {
    const one = projectModel(example, { scenario: 'mitigated', allowOutside: false });
    expect(one.projection?.years.length).toBe(5);
    expect(
      simulate(model, { draws: 2, seed: 1, thresholds: [-30000000] }).simulation?.thresholds,
    ).not.toHaveLength(0);
  });
});

// Found by the same trial: the kind of a note for many cells was an internal key with a NUL byte
// and the column after it ("percent\u0000rate"), which a script writing issues to a CSV carried along.
describe("a note for many cells: its kind is the rule's name", () => {
  it('"£100,000.00" read as 100000.00: { kind: "separators", count: 1 }', () => {
    const { issues } = loadModel(path.join(ROOT, 'fixtures/errors/NUMBER_NORMALISED'));
    expect(issues.map((issue) => [issue.code, issue.cells])).toEqual([
      ['NUMBER_NORMALISED', { kind: 'separators', count: 1 }],
    ]);
  });
});

// Found by the same trial: calibrate's fit years outside the history threw an error class the
// package did not export, so a script could not tell it from a bug.
describe('UsageError, exported', () => {
  const thrown = (call: () => unknown): unknown => {
    try {
      call();
    } catch (error) {
      return error;
    }
    return undefined;
  };

  it('calibrate with fit years outside the history throws it', () => {
    const error = thrown(() => calibrate(history, { fitYears: { first: 1990, last: 2000 } }));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      'fit years 1990-2000 are outside the history: its rows run from 2019 to 2024',
    );
  });

  it('loadHistory with neither transitions nor snapshots throws it', () => {
    const population = path.join(ROOT, 'fixtures/history/population.csv');
    expect(thrown(() => loadHistory({ population }))).toBeInstanceOf(UsageError);
  });
});

// Found by the same trial: the text of a CSV cell gave "2026-61" (as "2026" + 1 is "20261").
describe('formatFinancialYear and formatAcademicYear given text', () => {
  it('a TypeError that says to parse it, where a number gives the label', () => {
    expect(formatFinancialYear(2026)).toBe('2026-27');
    expect(formatAcademicYear(2025)).toBe('2025/26');
    expect(() => formatFinancialYear('2026' as never)).toThrow(
      new TypeError(
        'formatFinancialYear: a year is the whole number of the calendar year it starts in (2026 for 2026-27), not the string "2026"; parseFinancialYear("2026-27") gives 2026 from the text',
      ),
    );
    expect(() => formatAcademicYear(2025.5)).toThrow(TypeError);
  });
});
