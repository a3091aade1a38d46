import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleWith } from '../helpers/example-with.js';
import { cli } from '../helpers/run-cli.js';

/**
 * A tariff lever's share, then a switch of the same settings to another table (found by an
 * officer's trial: a 3% mainstream band review, then the new band table from the same September).
 * The switch replaces the scaled rates, so the review changes nothing, while compare's savings by
 * lever still gave it £446k: now a warning at the review says so, and how to order them.
 */
const review = {
  id: 'band-review',
  label: 'Mainstream bands 4 and 5 down 3%',
  kind: 'tariff',
  share: '-0.03',
  from: '2026-09-01',
  filter: { setting: 'mainstream', band: ['4', '5'] },
};
const newTable = {
  id: 'new-table',
  label: 'The band table of 2025 from September 2026',
  kind: 'tariff',
  from: '2026-09-01',
  tariff: 'new-bands.json',
};

/** The example with a base, a scenario of these levers, and one based on it. */
function model(levers: readonly object[]): string {
  return exampleWith({
    'new-bands.json': readFileSync('tariffs/example-borough-2025.json', 'utf8').replace(
      '"id": "example-borough-2025"',
      '"id": "new-bands"',
    ),
    'scenarios.json': JSON.stringify({
      scenarios: [
        { id: 'base', label: 'Base' },
        { id: 'plan', label: 'Plan', base: 'base', levers },
        { id: 'later', label: 'Plan and more', base: 'plan' },
      ],
    }),
  });
}

describe('LEVER_SWITCHED_AWAY', () => {
  it('a share before a switch of its settings: said once, at the share, though "later" inherits both', async () => {
    const result = await cli(['validate', model([review, newTable]), '--quiet']);
    expect(result.code).toBe(0);
    const said = result.stderr.split('\n').filter((line) => line.includes('LEVER_SWITCHED_AWAY'));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(
      /scenarios\.json:1:\d+: warning LEVER_SWITCHED_AWAY: lever "band-review" of scenario "plan" scales rates of mainstream that lever "new-table", after it in the list, replaces with table "new-bands"'s from 2026-09-01, so it changes nothing there$/,
    );
    expect(result.stderr).toContain(
      'hint: to scale the other table\'s rates, list "band-review" after "new-table"',
    );
  });

  it('a switch from a later date: the share is ended there', async () => {
    const result = await cli([
      'validate',
      model([review, { ...newTable, from: '2028-04-01' }]),
      '--quiet',
    ]);
    expect(result.stderr).toContain('so its change there ends on 2028-03-31');
  });

  it('the share after the switch scales the other table: no warning, and the review saves', async () => {
    const dir = model([newTable, review]);
    const result = await cli(['validate', dir, '--quiet']);
    expect(result.stderr).not.toContain('LEVER_SWITCHED_AWAY');
    const savings = await cli(['compare', dir, '--scenarios', 'base,plan', '--savings']);
    const reviewed = savings.stdout
      .split('\n')
      .filter((line) => line.includes(',band-review,') && line.includes(',2027-28,'));
    expect(reviewed).toHaveLength(1);
    expect(reviewed[0]).not.toMatch(/,0\.00,0\.00$/);
  });

  it('a switch of other settings leaves the share alone', async () => {
    const result = await cli([
      'validate',
      model([review, { ...newTable, filter: { setting: ['special-maintained', 'ap'] } }]),
      '--quiet',
    ]);
    expect(result.stderr).not.toContain('LEVER_SWITCHED_AWAY');
  });
});
