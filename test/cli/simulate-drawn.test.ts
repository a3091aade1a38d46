import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-simulate-drawn-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of `file`'s lines with `columns` added: `cells` on the first rows, empty cells on the rest. */
function withColumns(file: string, columns: string, cells: readonly string[]): void {
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  const empty = ','.repeat(columns.split(',').length);
  const added = lines.map((line, i) =>
    i === 0
      ? `${line},${columns}`
      : `${line}${cells[i - 1] === undefined ? empty : `,${cells[i - 1]}`}`,
  );
  writeFileSync(file, `${added.join('\n')}\n`);
}

/** The example with two ceasing rates from observed and exposure and one transition with a range. */
function uncertainExample(): string {
  const dir = path.join(scratch, 'uncertain');
  cpSync('fixtures/example', dir, { recursive: true });
  // Rates 0.02 and 0.03 (fixtures/example/ceasing.csv's first rows), each observed ÷ exposure.
  withColumns(path.join(dir, 'ceasing.csv'), 'observed,exposure', ['2,100', '3,100']);
  // 0.08 (the first transition) within 0.05–0.12.
  withColumns(path.join(dir, 'transitions.csv'), 'low,high', ['0.05,0.12']);
  return dir;
}

interface Drawn {
  rows: { file: string; observed_exposure: number; low_high: number }[];
  levers: {
    id: string;
    kind: string;
    figure: string;
    value: number;
    low: number;
    high: number;
    distribution: string;
  }[];
}

/** simulate's stdout for 20 draws with `args` in `format`, which must succeed. */
async function simulated(format: 'table' | 'json', args: readonly string[]): Promise<string> {
  const run = await cli(['simulate', ...args, '--draws', '20', '--format', format]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

const table = (...args: string[]): Promise<string> => simulated('table', args);

/** simulate's JSON `drawn`. */
const drawnOf = async (...args: string[]): Promise<Drawn> =>
  (JSON.parse(await simulated('json', args)) as { drawn: Drawn }).drawn;

// Found by an analyst's trial: simulate's table and JSON said nothing of which rates were drawn
// from observed and exposure or a range, nor which levers had ranges, so a narrow range from a
// model with neither (fixtures/example) could be read as rates well known.
describe('simulate says what its draws draw', () => {
  it('a model with no rate or lever range: the table says the ranges are the pupils’ chance alone; JSON lists none (levers without a range are not listed)', async () => {
    expect(await table('fixtures/example')).toContain(
      'Drawn: only the pupils, one by one, and the new plans, as counts; no rate row or lever gives its uncertainty (observed and exposure, or low and high), so the ranges are that chance alone, not uncertainty in the rates.',
    );
    // The example's mitigated scenario has levers, none with a range.
    expect(await drawnOf('fixtures/example', '--scenario', 'mitigated')).toEqual({
      rows: [],
      levers: [],
    });
  });

  // Found by a review: the next line said "The ranges are chance in the rates and the pupils",
  // beside "no rate row or lever gives its uncertainty".
  it('a model with no rate or lever range: the table does not then call the ranges chance in the rates', async () => {
    const words = (await table('fixtures/example')).replace(/\s+/g, ' ');
    expect(words).toContain('The ranges are chance in the pupils alone if the model is right');
    expect(words).not.toContain('chance in the rates');
    const drawn = (await table(uncertainExample())).replace(/\s+/g, ' ');
    expect(drawn).toContain(
      'The ranges are chance in the rates and the pupils if the model is right',
    );
  });

  it('rate rows by file and how, in the table and in JSON', async () => {
    const dir = uncertainExample();
    expect(await table(dir)).toContain(
      "Each draw takes a new value, within its uncertainty, for ceasing.csv's 2 rows (observed and exposure); transitions.csv's 1 row (low and high). Every draw also draws the pupils one by one and the new plans as counts.",
    );
    expect((await drawnOf(dir)).rows).toEqual([
      { file: 'ceasing.csv', observed_exposure: 2, low_high: 0 },
      { file: 'transitions.csv', observed_exposure: 0, low_high: 1 },
    ]);
  });

  it("a scenario's ranged levers, with their figure, range and distribution", async () => {
    const ranges = ['fixtures/example', '--scenarios-file', 'fixtures/lever-ranges/scenarios.json'];
    expect(await table(...ranges, '--scenario', 'demand-ranges')).toContain(
      'Each draw takes a new value, within its uncertainty, for levers early-help-semh (share -0.25 to 0, triangular about -0.1), post-16-outcomes (share 0 to 0.5, uniform) and asd-resourced-provision (share 0.05 to 0.35, triangular about 0.2).',
    );
    const places = { kind: 'places', figure: 'places', high: 40 };
    expect(await drawnOf(...ranges, '--scenario', 'capital-ranges')).toEqual({
      rows: [],
      levers: [
        { id: 'new-special-places', ...places, value: 40, low: 20, distribution: 'triangular' },
        { id: 'resourced-units', ...places, value: 30, low: 10, distribution: 'uniform' },
      ],
    });
  });

  it("the report's range of outcomes says the same of the plan scenario", async () => {
    const page = path.join(scratch, 'report.html');
    const args = ['fixtures/example', '--scenarios-file', 'fixtures/lever-ranges/scenarios.json'];
    const run = await cli([
      'report',
      ...args,
      '--scenarios',
      'demand-ranges',
      '--draws',
      '20',
      '--out',
      page,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(page, 'utf8')).toContain(
      'Each draw takes a new value, within its uncertainty, for levers early-help-semh (share -0.25 to 0, triangular about -0.1)',
    );
  });
});
