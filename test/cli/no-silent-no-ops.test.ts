import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';
import { asOnOneCore } from '../helpers/one-core.js';

// Threads are not what this file tests: its commands run on one (the reason is in the helper).
asOnOneCore();

/** Issue 19, item 4: what was silently ignored is now a warning or an error, located. */
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of fixtures/errors/_valid (or another folder) in a temporary folder, run from there. */
function copyOf(fixture = 'fixtures/errors/_valid'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-noop-'));
  made.push(dir);
  cpSync(path.join(ROOT, fixture), path.join(dir, 'm'), { recursive: true });
  return dir;
}

const lever = (to: Record<string, string>, kind = 'move-placements') =>
  JSON.stringify(
    {
      scenarios: [
        {
          id: 'm',
          levers: [
            {
              id: 'back',
              kind,
              share: '0.5',
              filter: { setting: 'special' },
              to,
              profile: { shape: 'step', from: '2026/27' },
            },
          ],
        },
      ],
    },
    null,
    1,
  );

describe('model.json: an unknown key is an error at the key', () => {
  it('a misspelt newPlansGrowth (newPlanGrowth) is UNKNOWN_KEY, not growth 0', async () => {
    const dir = copyOf();
    const file = path.join(dir, 'm/model.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"newPlansGrowth"', '"newPlanGrowth"'));
    const result = await cli(['validate', 'm'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'm/model.json:6:37: error UNKNOWN_KEY: $.assumptions.newPlanGrowth is not a known field\n  hint: allowed here: newPlansGrowth, hnbGrowth, tariffUplift',
    );
  });

  it('an unknown top-level or area key is UNKNOWN_KEY too; notes are allowed', async () => {
    const dir = copyOf();
    const file = path.join(dir, 'm/model.json');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('"baseYear"', '"notes": "ok", "horizn": "2026-27", "baseYear"')
        .replace('"name": "Test Borough"', '"name": "Test Borough", "region": "SW"'),
    );
    const result = await cli(['validate', 'm'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error UNKNOWN_KEY: \$\.horizn is not a known field/);
    expect(result.stderr).toMatch(/error UNKNOWN_KEY: \$\.area\.region is not a known field/);
    expect(result.stderr).toContain('2 errors');
  });

  it('a national model.json is held to the same fields', async () => {
    const dir = copyOf('fixtures/national');
    const file = path.join(dir, 'm/model.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"hnbGrowth"', '"hnbGrowht"'));
    const result = await cli(['validate', 'm'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /m\/model\.json:\d+:\d+: error UNKNOWN_KEY: \$\.assumptions\.hnbGrowht is not a known field/,
    );
  });
});

describe('--hnb-from: a year the projection does not use is a warning at the file', () => {
  it('an allocation for a year before the projection opens is YEAR_OUT_OF_RANGE, and changes nothing', async () => {
    const dir = copyOf('fixtures/nff/model');
    const early = path.join(dir, 'allocations-2025-26.csv');
    writeFileSync(
      early,
      readFileSync(path.join(ROOT, 'fixtures/nff/allocations-2026-27.csv'), 'utf8').replaceAll(
        '2026-27',
        '2025-26',
      ),
    );
    const result = await cli(
      ['project', 'm', '--hnb-from', 'allocations-2025-26.csv', '--format', 'csv'],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'allocations-2025-26.csv:2:3: warning YEAR_OUT_OF_RANGE: the allocation for 2025-26 is before the projection opens in 2026-27; it is ignored',
    );
    expect(result.stdout).toBe(
      (await cli(['project', 'm', '--format', 'csv'], { cwd: dir })).stdout,
    );
  });
});

describe('scenarios.json: a move or shift to a band the tariff does not price is an error at the lever', () => {
  it('move-placements to an unpriced to.band', async () => {
    const dir = copyOf();
    writeFileSync(path.join(dir, 'm/scenarios.json'), lever({ setting: 'resourced', band: 'Z' }));
    const result = await cli(['validate', 'm'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'm/scenarios.json:13:12: error UNKNOWN_BAND: lever "back" of scenario "m" moves pupils to band "Z" of setting "resourced", which tariff "test-tariff" does not price\n  hint: bands for resourced: A\n1 error\n',
    );
  });

  it("move-placements without a to.band, where the pupils' own band is not priced", async () => {
    const dir = copyOf();
    writeFileSync(path.join(dir, 'm/scenarios.json'), lever({ setting: 'mainstream' }));
    const result = await cli(['project', 'm', '--scenario', 'm'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'm/scenarios.json:13:12: error UNKNOWN_BAND: lever "back" of scenario "m" moves pupils to setting "mainstream" without a to.band, so they keep band "A", which tariff "test-tariff" does not price there\n  hint: give the lever a to.band; bands for mainstream: 1',
    );
    expect(result.stderr).not.toContain('cohort.csv');
  });

  it('shift-new-plans to a setting the tariff does not declare', async () => {
    const dir = copyOf();
    writeFileSync(
      path.join(dir, 'm/scenarios.json'),
      lever({ setting: 'hospital' }, 'shift-new-plans'),
    );
    const result = await cli(['validate', 'm'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'error UNKNOWN_SETTING: lever "back" of scenario "m" moves pupils to setting "hospital", which is not in tariff "test-tariff"',
    );
  });

  it('a move to a priced band passes', async () => {
    const dir = copyOf();
    writeFileSync(path.join(dir, 'm/scenarios.json'), lever({ setting: 'resourced', band: 'A' }));
    expect((await cli(['validate', 'm'], { cwd: dir })).code).toBe(0);
  });
});

describe("a lever's filter naming a setting the tariff does not have", () => {
  it('LEVER_MATCHES_NOTHING says which, and the id meant (found by an officer user trial)', async () => {
    const dir = copyOf();
    writeFileSync(
      path.join(dir, 'm/scenarios.json'),
      JSON.stringify({
        scenarios: [
          {
            id: 'm',
            levers: [
              {
                id: 'fewer',
                kind: 'new-plans',
                share: '-0.1',
                filter: { setting: 'Special' },
                profile: { shape: 'step', from: '2026/27' },
              },
            ],
          },
        ],
      }),
    );
    const result = await cli(['validate', 'm'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'warning LEVER_MATCHES_NOTHING: lever "fewer" of scenario "m" matches nothing in this model, so it changes nothing\n' +
        '  hint: "Special" is not a setting of tariff "test-tariff"; did you mean "special"? settings: mainstream, special, resourced\n',
    );
  });
});
