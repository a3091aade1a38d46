import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { exampleWith } from '../helpers/example-with.js';
import { cli } from '../helpers/run-cli.js';

/**
 * Figures no authority has, which a typing slip can give: refused at the cell, not an internal
 * error. Found by a review: both of these made `project` exit 3 with a stack trace ("a pupil
 * count is Infinity"), as their counts grew past what a double holds.
 */
describe('figures past what the projection can hold', () => {
  const example = (name: string) => readFileSync(`fixtures/example/${name}`, 'utf8');

  it('a count of hundreds of digits is COUNT_TOO_LARGE at its cell, shown by its ends', async () => {
    const rows = example('cohort.csv').split('\n');
    const cells = rows[1]!.split(',');
    cells[4] = '9'.repeat(309);
    rows[1] = cells.join(',');
    const dir = exampleWith({ 'cohort.csv': rows.join('\n') });
    const result = await cli(['project', dir, '--format', 'csv']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'cohort.csv:2:5: error COUNT_TOO_LARGE: "count" is 9999999999…9999 (309 characters): over 10,000,000 in one cell',
    );
    expect(result.stderr).not.toContain('internal error');
  });

  it('a horizon of centuries is HORIZON_TOO_FAR; 50 years at 100% growth a year still projects', async () => {
    const model = (horizon: string) =>
      JSON.stringify({
        ...JSON.parse(example('model.json')),
        horizon,
        assumptions: { newPlansGrowth: '1', hnbGrowth: '0.03', tariffUplift: '0' },
      });
    const far = await cli([
      'project',
      exampleWith({ 'model.json': model('3100-01') }),
      '--format',
      'csv',
    ]);
    expect(far.code).toBe(1);
    expect(far.stderr).toContain(
      'error HORIZON_TOO_FAR: $.horizon 3100-01 is 1075 years after the base year 2025/26: a projection goes at most 50 years ahead',
    );
    const furthest = await cli([
      'project',
      exampleWith({ 'model.json': model('2075-76') }),
      '--format',
      'csv',
    ]);
    expect(furthest.stderr).not.toContain('internal error');
    expect(furthest.code).toBe(0);
    expect(furthest.stdout.trimEnd().split('\n').at(-1)).toMatch(/^999,Example Borough,2075-76,/);
  });

  it("a national area's own horizon of centuries is HORIZON_TOO_FAR at its areas.csv cell", async () => {
    // Found by a review: model.json's horizon was held to 50 years, an area's own in areas.csv
    // was not, and 3100-01 there still made project exit 3 with "a pupil count is Infinity".
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'highneeds-far-area-')), 'national');
    onTestFinished(() => rmSync(path.dirname(dir), { recursive: true, force: true }));
    cpSync('fixtures/national', dir, { recursive: true });
    const areas = readFileSync(path.join(dir, 'areas.csv'), 'utf8').split('\n');
    expect(areas[1]).toBe('N01,Northshire,,,,,');
    areas[1] = 'N01,Northshire,,1,,,3100-01';
    writeFileSync(path.join(dir, 'areas.csv'), areas.join('\n'));
    const result = await cli(['project', dir, '--area', 'N01', '--format', 'csv']);
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'areas.csv:2:7: error HORIZON_TOO_FAR: horizon 3100-01 is 1075 years after the base year 2025/26: a projection goes at most 50 years ahead',
    );
  });

  it("a places lever's places of hundreds of digits is COUNT_TOO_LARGE at its field", async () => {
    // Found by a review: places.csv's places were held to 10,000,000, a lever's were not, and
    // "places" of 309 digits printed balances of 300 digits, exit 0.
    const scenarios = JSON.parse(example('scenarios.json')) as {
      scenarios: { levers?: { kind: string; places?: string }[] }[];
    };
    const lever = scenarios.scenarios[1]!.levers!.find((l) => l.kind === 'places')!;
    lever.places = '9'.repeat(309);
    const dir = exampleWith({ 'scenarios.json': JSON.stringify(scenarios, null, 2) });
    const result = await cli(['project', dir, '--scenario', 'mitigated', '--format', 'csv']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'error COUNT_TOO_LARGE: $.scenarios[1].levers[2].places is 9999999999…9999 (309 characters): over 10,000,000 in one lever',
    );
  });

  it("calibrate's exposure past 10,000,000 (a large area's population over the years) is read back", async () => {
    // Found by a review: the limit held a rate's pseudo-counts too, and `exposure`, population
    // summed over the history's Januaries (1.7 million a January here), is past it, so project
    // and simulate refused with 46 COUNT_TOO_LARGE the folder calibrate had just written.
    const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-large-area-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const [header, ...rows] = readFileSync('fixtures/history/population.csv', 'utf8')
      .trimEnd()
      .split('\n');
    const large = rows.map((row) => {
      const cells = row.split(',');
      return [...cells.slice(0, 2), String(Number(cells[2]) * 1100)].join(',');
    });
    writeFileSync(path.join(dir, 'population.csv'), [header, ...large, ''].join('\n'));
    const out = path.join(dir, 'model');
    const fitted = await cli([
      'calibrate',
      '--transitions',
      'fixtures/history/transitions.csv',
      '--population',
      path.join(dir, 'population.csv'),
      '--codes',
      'fixtures/history/codes.csv',
      '--out-dir',
      out,
    ]);
    expect(fitted.code).toBe(0);
    const exposure = readFileSync(path.join(out, 'new-plans.csv'), 'utf8').split('\n')[1]!;
    expect(Number(exposure.split(',').at(-1))).toBeGreaterThan(10_000_000);
    const drawn = await cli(['simulate', out, '--draws', '5', '--seed', '1', '--format', 'csv']);
    expect(drawn.stderr).not.toContain('COUNT_TOO_LARGE');
    expect(drawn.code).toBe(0);
  });
});
