import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  breakdownScenario,
  explainRun,
  loadModel,
  loadScenarios,
  type Model,
  projectScenario,
  renderCsv,
  renderIntervalsCsv,
  simulate,
  SUMMARY_COLUMNS,
  summaryRows,
} from '../../src/index.js';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';

/**
 * A scenario of scenarios.json from the library (a reviewer could not: nothing exported read the
 * file, and an id or the file's JSON crashed inside applyScenario): loadScenarios reads it as
 * loadModel reads the model, and what simulate, explainRun and projectScenario make of a scenario
 * is the CLI's `--scenario`, byte for byte.
 */
const example = path.join(ROOT, 'fixtures/example');
const model: Model = loadModel(example).model!;
const loaded = loadScenarios(example, { model });
const mitigated = loaded.scenarios?.find((s) => s.id === 'mitigated');

async function cliCsv(...args: string[]): Promise<string> {
  const result = await cli([...args, '--format', 'csv', '--quiet']);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

describe('library: loadScenarios', () => {
  it("reads a model folder's scenarios.json, every scenario by its id", () => {
    expect(loaded.issues).toEqual([]);
    expect(loaded.scenarios?.map((s) => s.id)).toEqual([
      'unmitigated',
      'mitigated',
      'safety-valve',
      'demand-management',
    ]);
    expect(loaded.inputs[0]?.path).toMatch(/scenarios\.json$/);
  });

  it('gives no scenarios and every located problem, rather than throwing; [] when there is no file', () => {
    const circular = loadScenarios(path.join(ROOT, 'fixtures/errors/CIRCULAR_BASE'));
    expect(circular.scenarios).toBeUndefined();
    expect(circular.issues.map((i) => [i.code, i.location?.line])).toEqual([['CIRCULAR_BASE', 3]]);
    // Checked against the model, as the CLI checks them, when the model is given.
    const dir = path.join(ROOT, 'fixtures/errors/PAYMENT_OUT_OF_RANGE');
    expect(loadScenarios(dir).scenarios).toHaveLength(1);
    const checked = loadScenarios(dir, { model: loadModel(dir).model! });
    expect(checked.scenarios).toBeUndefined();
    expect(checked.issues.map((i) => i.code)).toEqual(['PAYMENT_OUT_OF_RANGE']);
    expect(loadScenarios(path.join(ROOT, 'fixtures/errors/_valid')).scenarios).toEqual([]);
  });
});

describe("library: a loaded scenario gives the CLI's --scenario bytes", () => {
  const golden = () => cliCsv('project', 'fixtures/example', '--scenario', 'mitigated');

  it('projectScenario and explainRun are `highneeds project --scenario`', async () => {
    const expected = await golden();
    const projected = projectScenario(model, mitigated!);
    expect(renderCsv(SUMMARY_COLUMNS, summaryRows(projected.projection!))).toBe(expected);
    const explained = explainRun(model, mitigated);
    expect(renderCsv(SUMMARY_COLUMNS, summaryRows(explained.run!.projection))).toBe(expected);
  });

  it('simulate is `highneeds simulate --scenario --threshold`, a threshold given as a number, its text or a Decimal', async () => {
    const args = 'fixtures/example --scenario mitigated --draws 40 --seed 7';
    const expected = await cliCsv(
      'simulate',
      ...args.split(' '),
      ...['--threshold', '-30000000', '--threshold', '-20000000.50'],
    );
    for (const thresholds of [
      [-30000000, -20000000.5],
      ['-30000000', '-20000000.50'],
      [new Decimal('-30000000'), new Decimal('-20000000.50')],
    ]) {
      const { simulation, issues } = simulate(model, {
        draws: 40,
        seed: 7,
        scenario: mitigated!,
        thresholds,
      });
      expect(issues).toEqual([]);
      expect(renderIntervalsCsv(simulation!.rows, simulation!.thresholds)).toBe(expected);
    }
  });
});

describe('library: a scenario or threshold of the wrong kind is a TypeError naming what to pass', () => {
  const raw = (
    JSON.parse(readFileSync(path.join(example, 'scenarios.json'), 'utf8')) as {
      scenarios: { id: string }[];
    }
  ).scenarios.find((s) => s.id === 'mitigated');
  const calls: [string, (scenario: never) => unknown][] = [
    ['simulate', (scenario) => simulate(model, { draws: 2, seed: 1, scenario })],
    ['explainRun', (scenario) => explainRun(model, scenario)],
    ['projectScenario', (scenario) => projectScenario(model, scenario)],
    ['breakdownScenario', (scenario) => breakdownScenario(model, scenario)],
  ];
  for (const [name, call] of calls)
    it(`${name}: an id or scenarios.json's own object`, () => {
      expect(() => call('mitigated' as never)).toThrow(
        new TypeError(
          `${name}: scenario must be a Scenario that loadScenarios(dir) read, such as loadScenarios(dir).scenarios.find((s) => s.id === "mitigated"), not the string "mitigated"`,
        ),
      );
      expect(() => call(raw as never)).toThrow(TypeError);
      expect(() => call(raw as never)).toThrow(
        /loadScenarios\(dir\).*not an object without its fields/,
      );
    });

  it('simulate: a threshold that is not an amount', () => {
    for (const bad of ['-30m', Number.NaN, {}, null])
      expect(() => simulate(model, { draws: 2, seed: 1, thresholds: [bad as never] })).toThrow(
        /^simulate: a threshold must be an amount in pounds, a Decimal, a finite number or plain decimal text/,
      );
    expect(() => simulate(model, { draws: 2, seed: 1, thresholds: [Infinity] })).toThrow(TypeError);
  });

  // Found by an analyst's trial: -100000.005 and -100000.01 were two thresholds printed as one
  // (two intervals.csv columns named p_below_-100000.01).
  it('simulate: a threshold finer than a penny is a RangeError', () => {
    for (const fine of ['-100000.005', 0.30000000000000004])
      expect(() => simulate(model, { draws: 2, seed: 1, thresholds: [fine] })).toThrow(
        new RangeError(
          `simulate: a threshold is an amount in pounds and pence, at most 2 decimal places, not ${String(fine)}`,
        ),
      );
    expect(
      simulate(model, { draws: 2, seed: 1, thresholds: ['-100000.50'] }).simulation,
    ).toBeDefined();
  });
});

// Found by a user trial: scenarios.json refuses a growth of 3 (GROWTH_OUT_OF_RANGE); a scenario made in code
// projected an HNB four times the last one a year without a word.
describe('library: a scenario made in code with a growth outside (-1, 1] is a RangeError', () => {
  const grown = (key: string, value: unknown) =>
    ({ ...mitigated!, assumptions: { ...mitigated!.assumptions, [key]: value } }) as never;
  it.each([
    ['hnbGrowth', new Decimal('3'), 'has assumptions.hnbGrowth 3, a rise of 300% a year'],
    ['tariffUplift', -2, 'has assumptions.tariffUplift -2, a fall of 200% a year'],
    [
      'newPlansGrowth',
      new Decimal('-1'),
      'has assumptions.newPlansGrowth -1, a fall of 100% a year',
    ],
  ])('%s %s', (key, value, message) => {
    const scenario = grown(key, value);
    for (const [name, call] of [
      ['projectScenario', () => projectScenario(model, scenario)],
      ['simulate', () => simulate(model, { draws: 2, seed: 1, scenario })],
      ['explainRun', () => explainRun(model, scenario)],
    ] as const) {
      expect(call, name).toThrow(RangeError);
      expect(call, name).toThrow(`${name}: scenario "mitigated" ${message}`);
    }
  });

  it('a growth of 1 (doubling) or -0.99 projects', () => {
    expect(projectScenario(model, grown('hnbGrowth', new Decimal('1'))).projection).toBeDefined();
    expect(
      projectScenario(model, grown('tariffUplift', new Decimal('-0.99'))).projection,
    ).toBeDefined();
  });
});
