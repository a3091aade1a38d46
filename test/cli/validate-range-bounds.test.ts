import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { lateRateArea, SPECIAL_MAYBE } from '../helpers/late-rate-area.js';
import { onOneCore } from '../helpers/one-core.js';
import { cli } from '../helpers/run-cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-validate-ranges-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * fixtures/national priced by one tariff with a new special school whose only rate starts on
 * 1 September 2027, and a scenario that may (low 0, high 0.5, share 0) shift new plans there from
 * 2026/27: at its share the scenario is clean, at its high a draw would find no rate in force.
 */
function nationalWithLateSchool(dir: string, ranged: boolean): void {
  cpSync('fixtures/national', dir, { recursive: true });
  const tariff = JSON.parse(readFileSync('tariffs/example-borough-2025.json', 'utf8')) as {
    id: string;
    settings: object[];
    rates: object[];
  };
  tariff.id = 'late-special';
  tariff.settings.push({ id: 'special-new', placeValue: '10000.00' });
  tariff.rates.push({
    effectiveFrom: '2027-09-01',
    setting: 'special-new',
    band: 'A',
    need: '*',
    topUp: '20000.00',
  });
  writeFileSync(path.join(dir, 'late.json'), JSON.stringify(tariff));
  const model = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')) as object;
  writeFileSync(path.join(dir, 'model.json'), JSON.stringify({ ...model, tariff: 'late.json' }));
  // Every area by that tariff (Eastford names a library tariff of its own).
  const areas = readFileSync(path.join(dir, 'areas.csv'), 'utf8');
  writeFileSync(path.join(dir, 'areas.csv'), areas.replace(',national-illustrative,', ',,'));
  const file = path.join(dir, 'scenarios.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as { scenarios: object[] };
  json.scenarios.push({
    id: 'maybe-late',
    label: 'Perhaps some new plans to the new special school',
    levers: [
      {
        id: 'to-new',
        label: 'to the new school',
        kind: 'shift-new-plans',
        share: '0',
        ...(ranged ? { low: '0', high: '0.5' } : {}),
        filter: {},
        to: { setting: 'special-new', band: 'A' },
        profile: { shape: 'step', from: '2026/27' },
      },
    ],
  });
  writeFileSync(file, JSON.stringify(json));
}

// validate of a national model warns as validate of one model does (RANGE_UNPRICED, docs/errors.md),
// area by area, where a ranged lever at a bound would stop simulate, and the model is otherwise clean.
it('validate of a national model warns, area by area, where a ranged lever at a bound would stop simulate', async () => {
  const plainDir = path.join(scratch, 'plain');
  const rangedDir = path.join(scratch, 'ranged');
  nationalWithLateSchool(plainDir, false);
  nationalWithLateSchool(rangedDir, true);
  // The control, without the range, on this thread alone (a worker thread costs some 0.3 s of CPU to
  // start; issue 18, item 5): the run under test, below, validates the areas on two threads.
  const plain = await onOneCore(() => cli(['validate', plainDir]));
  expect(plain.code).toBe(0);
  expect(plain.stderr).not.toContain('RANGE_UNPRICED');
  const ranged = await cli(['validate', rangedDir]);
  expect(ranged.code).toBe(0);
  const issues = ranged.stderr.split('\n').filter((line) => / (warning|error) [A-Z_]+:/.test(line));
  expect(issues.length).toBeGreaterThan(0);
  // Nothing but the range's warning, each at a new-plans row the shift would send, scenario named.
  const newPlans = readFileSync(path.join(rangedDir, 'new-plans.csv'), 'utf8').split('\n');
  const warnedAreas = new Set<string>();
  for (const line of issues) {
    const match =
      /new-plans\.csv:(\d+):1: warning RANGE_UNPRICED: scenario "maybe-late" with its ranged levers at their highs: no rate in force on 2026-09-01 for setting "special-new"/.exec(
        line,
      );
    expect(match, line).not.toBeNull();
    // The same warning in other areas' rows is said once, each other area with its line.
    const others = [...line.matchAll(/ \(line (\d+)\)/g)].map((at) => at[1]!);
    for (const at of [match![1]!, ...others])
      warnedAreas.add(newPlans[Number(at) - 1]!.split(',')[0]!);
  }
  // Every one of the four areas, each checked with its own rows ('' is a row for every area).
  expect([...warnedAreas].sort()).toEqual(['', 'N01', 'N02', 'N03', 'N04']);
});

// Lever ranges are often kept in a scenarios file of their own (README: simulate --scenarios-file):
// validate checks that file's scenarios as it checks a folder's scenarios.json.
it('validate --scenarios-file checks the scenarios of that file, ranges included; not with a national model', async () => {
  const dir = path.join(scratch, 'one-area');
  lateRateArea(dir, '907', '2027-09-01');
  const file = path.join(scratch, 'ranges.json');
  writeFileSync(file, SPECIAL_MAYBE);
  const plain = await cli(['validate', dir]);
  expect(plain.stderr).toBe('');
  const ranged = await cli(['validate', dir, '--scenarios-file', file]);
  expect(ranged.code).toBe(0);
  expect(ranged.stdout).toContain('1 scenario');
  expect(ranged.stderr).toContain('warning RANGE_UNPRICED: scenario "special-maybe"');
  const national = await cli(['validate', 'fixtures/national', '--scenarios-file', file]);
  expect(national.code).toBe(2);
  expect(national.stderr).toContain('--scenarios-file is for one model');
});
