import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  explainFigure,
  explainRun,
  InputError,
  loadModel,
  loadNff,
  loadScenarios,
  openNationalArea,
  renderIntervalsCsv,
  runBatch,
  simulate,
} from '../../src/index.js';
import type { ExplainRun, Issue } from '../../src/index.js';
import { ROOT } from '../helpers/exec.js';

/** A library caller's mistakes say what to pass (TypeError/RangeError), never read as a bug. */
const model = loadModel(path.join(ROOT, 'fixtures/example')).model!;
const result = explainRun(model);
const run = result.run!;
const national = path.join(ROOT, 'fixtures/national');

describe('explainFigure with what a caller may get wrong', () => {
  it('takes the year as 2027 or as its text "2027-28", with the same tree', () => {
    const byNumber = explainFigure(run, { figure: 'spend_total', year: 2027 });
    const byText = explainFigure(run, { figure: 'spend_total', year: '2027-28' });
    expect(byText.financialYear).toBe(2027);
    expect(byText.tree.value.eq(byNumber.tree.value)).toBe(true);
  });

  it("explainRun's whole result instead of its run: a TypeError that says to pass .run", () => {
    expect(() =>
      explainFigure(result as unknown as ExplainRun, { figure: 'spend_total', year: 2027 }),
    ).toThrow(
      new TypeError(
        "explainFigure: pass the run inside explainRun's result, explainRun(model).run, not the result { run, issues }",
      ),
    );
  });

  it.each([
    [
      { figure: 'spend_totl', year: 2027 },
      /figure "spend_totl" is not a figure of the summary; figures: pupils_january, /,
    ],
    [
      { figure: 'spend_total', year: 2040 },
      /year 2040 is not a projected financial year; give one as 2026 or "2026-27": years 2026-27, /,
    ],
    [
      { figure: 'spend_total', year: '2040-41' },
      /year "2040-41" is not a projected financial year/,
    ],
    [
      { figure: 'spend_top_up', year: 2027, setting: 'nope' },
      /setting "nope" is not a setting of the projection; settings: mainstream, /,
    ],
    [
      { figure: 'income_hnb', year: 2027, setting: 'mainstream' },
      /income_hnb is not given by setting; with a setting, figures: /,
    ],
  ])('%j: a RangeError naming what there is', (request, message) => {
    expect(() => explainFigure(run, request as never)).toThrow(RangeError);
    expect(() => explainFigure(run, request as never)).toThrow(message);
  });
});

describe('runBatch with what a caller may get wrong', () => {
  it.each([
    [
      { scenarios: 'mitigated' },
      TypeError,
      'runBatch: scenarios must be an array of scenario ids, such as ["mitigated"], not the string "mitigated"',
    ],
    [
      { jobs: 0 },
      RangeError,
      'runBatch: jobs must be a whole number of threads, 1 or more (1 models every area on this thread), not 0',
    ],
    [
      { jobs: 1, draws: 5 },
      TypeError,
      'runBatch: draws must be { count, seed }, whole numbers (count 1 or more), such as { count: 1000, seed: 1 }, not 5',
    ],
    // Found by a user trial: every area "failed" with no issue, and the batch resolved.
    [
      { scenarios: [] },
      RangeError,
      'runBatch: scenarios names no scenario; give their ids, such as ["mitigated"], or leave scenarios out to run them all',
    ],
    [
      { jobs: 1, draws: { count: 0, seed: 1 } },
      RangeError,
      'runBatch: draws.count must be a whole number, 1 or more, such as 1000, not 0',
    ],
    [
      { jobs: 1, draws: { count: 10, seed: -1 } },
      RangeError,
      'runBatch: draws.seed must be a whole number from 0 to 9,007,199,254,740,991, such as 1, not -1',
    ],
  ])('%j: a %o that says what to pass', async (options, kind, message) => {
    await expect(runBatch(national, options as never)).rejects.toThrow(new kind(message));
  });

  it("an InputError's message names the first problems, not only how many", async () => {
    const failed = await runBatch(national, { jobs: 1, scenarios: ['nope'] }).catch(
      (e: unknown) => e,
    );
    // The library's own export: a caller tells a problem with the input from a bug by it.
    expect(failed).toBeInstanceOf(InputError);
    expect((failed as InputError).message).toBe(
      '1 error in the input: UNKNOWN_SCENARIO: scenario "nope" is not defined',
    );
  });

  // Found by an analyst's trial: "3 problems in the input: UNKNOWN_SCENARIO: …; and 2 more" read
  // as three errors; the two more were warnings of the national files.
  it("an InputError's message counts errors and warnings apart", () => {
    const at = (severity: 'error' | 'warning', code: string) =>
      ({ severity, code, message: code.toLowerCase() }) as Issue;
    expect(
      new InputError([at('error', 'UNKNOWN_SCENARIO'), at('warning', 'A'), at('warning', 'B')])
        .message,
    ).toBe(
      '1 error in the input: UNKNOWN_SCENARIO: unknown_scenario; and 2 warnings (error.issues has them all)',
    );
    const errors = ['E1', 'E2', 'E3', 'E4'].map((code) => at('error', code));
    expect(new InputError([...errors, at('warning', 'W')]).message).toBe(
      '4 errors in the input: E1: e1; E2: e2; E3: e3; and 1 more error and 1 warning (error.issues has them all)',
    );
  });
});

// Found by a user trial: simulate drew 0, -5 or 2.5 draws (a 0% chance of a deficit, NaN means) where the CLI
// and runBatch refuse them; it checks them with runBatch's own check.
describe('simulate with draws or a seed runBatch would refuse', () => {
  it.each([
    [
      { draws: 0, seed: 1 },
      RangeError,
      'draws must be a whole number, 1 or more, such as 1000, not 0',
    ],
    [
      { draws: -5, seed: 1 },
      RangeError,
      'draws must be a whole number, 1 or more, such as 1000, not -5',
    ],
    [
      { draws: Number.NaN, seed: 1 },
      RangeError,
      'draws must be a whole number, 1 or more, such as 1000, not NaN',
    ],
    [
      { draws: 2.5, seed: 1 },
      RangeError,
      'draws must be a whole number, 1 or more, such as 1000, not 2.5',
    ],
    [
      { draws: '10', seed: 1 },
      TypeError,
      'draws must be a whole number, 1 or more, such as 1000, not the string "10"',
    ],
    [
      { draws: 10 },
      TypeError,
      'seed must be a whole number from 0 to 9,007,199,254,740,991, such as 1, not undefined',
    ],
    [
      { draws: 10, seed: 1.5 },
      RangeError,
      'seed must be a whole number from 0 to 9,007,199,254,740,991, such as 1, not 1.5',
    ],
    [
      { draws: 10, seed: -1 },
      RangeError,
      'seed must be a whole number from 0 to 9,007,199,254,740,991, such as 1, not -1',
    ],
  ])('%j: a %o', (options, kind, message) => {
    expect(() => simulate(model, options as never)).toThrow(new kind(`simulate: ${message}`));
  });

  it('a whole number of draws from a whole seed simulates', () => {
    expect(simulate(model, { draws: 2, seed: 0 }).simulation?.draws).toBe(2);
  });
});

describe('renderIntervalsCsv and loadScenarios with what a caller may get wrong', () => {
  // Found by a user trial: the first failed inside with "Cannot read properties of undefined",
  // the second read every scenario as if its second argument were not there.
  const simulation = simulate(model, { draws: 2, seed: 1, thresholds: [-30000000] }).simulation!;

  it('renderIntervalsCsv: thresholds as amounts, not the rows simulate returned, are a TypeError', () => {
    expect(() => renderIntervalsCsv(simulation.rows, [-30000000] as never)).toThrow(
      new TypeError(
        'renderIntervalsCsv: thresholds must be the threshold rows simulate returned, simulate(model, { draws, seed, thresholds: [-30000000] }).simulation.thresholds, not an array holding -30000000',
      ),
    );
    expect(() => renderIntervalsCsv(simulation as never)).toThrow(
      new TypeError(
        'renderIntervalsCsv: rows must be the interval rows simulate returned, simulate(model, { draws, seed }).simulation.rows, not an object without its fields (scenarios.json as parsed JSON, perhaps)',
      ),
    );
    expect(renderIntervalsCsv(simulation.rows, simulation.thresholds)).toMatch(
      /,p_below_-30000000\n/,
    );
  });

  it("loadScenarios: a scenario's id for its options is a TypeError that says how to pick one", () => {
    expect(() => loadScenarios(path.join(ROOT, 'fixtures/example'), 'mitigated' as never)).toThrow(
      new TypeError(
        'loadScenarios: options must be an object such as { model }, not the string "mitigated"; to pick a scenario: loadScenarios(dir).scenarios.find((s) => s.id === "mitigated")',
      ),
    );
    expect(loadScenarios(path.join(ROOT, 'fixtures/example'), {}).scenarios?.length).toBe(4);
  });
});

// Found by a review: a code given as a number, or the options second, failed as
// "area.trim is not a function".
describe('openNationalArea with what a caller may get wrong', () => {
  it.each([
    [202, 'the number 202 (give it as text: "202")'],
    [
      { scenariosFile: 'x.json' },
      'an object (the options come third: openNationalArea(dir, "N02", options))',
    ],
    [undefined, 'undefined'],
  ])('area %j: a TypeError that says what to pass', async (area, what) => {
    await expect(openNationalArea(national, area as never)).rejects.toThrow(
      new TypeError(
        `openNationalArea: area must be a code of the areas table or an area's name, such as "N02", not ${what}`,
      ),
    );
  });
});

// Found by a scripter's trial: the label for the year was refused in the name of
// formatFinancialYear, which the caller had not called.
describe('loadNff with what a caller may get wrong', () => {
  it("the year's label, not its number: a TypeError in loadNff's name that says how to get it", () => {
    const worked = path.join(ROOT, 'fixtures/nff/worked');
    expect(() =>
      loadNff(
        path.join(worked, 'nff-factors.csv'),
        path.join(worked, 'nff-parameters'),
        '2025-26' as unknown as number,
      ),
    ).toThrow(
      new TypeError(
        'loadNff: a year is the whole number of the calendar year it starts in (2026 for 2026-27), not the string "2025-26"; parseFinancialYear("2026-27") gives 2026 from the text',
      ),
    );
  });
});
