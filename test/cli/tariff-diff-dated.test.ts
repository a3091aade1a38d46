import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

/**
 * Last year's band table against this year's, every rate re-dated (found by an officer's trial):
 * without --at each rate is a row removed and a row added, and not one change or percent is shown.
 * A note on stderr says so and gives the --at that compares them; the rows themselves are as before.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-diff-dated-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const thisYear = path.join(scratch, 'this-year.json');
writeFileSync(
  thisYear,
  readFileSync('tariffs/example-borough-2025.json', 'utf8')
    .replace('"id": "example-borough-2025"', '"id": "example-borough-2026"')
    .replaceAll('"2025-04-01"', '"2026-04-01"'),
);

describe('tariffs diff of two tables dated apart', () => {
  it('without --at: a note with the --at to add', async () => {
    const result = await cli(['tariffs', 'diff', 'example-borough-2025', thisYear]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\nremoved,top-up,mainstream,1,*,2025-04-01,1600.00,,,\n');
    expect(result.stderr).toBe(
      "highneeds: note: 25 rates are in both tables from different dates, so they show as removed and added; to compare the rates in force on a day (each table's uplift included), add --at 2026-04-01\n",
    );
  });

  it('with --at, or between tables of one date: no note', async () => {
    const at = await cli([
      'tariffs',
      'diff',
      'example-borough-2025',
      thisYear,
      '--at',
      '2026-04-01',
    ]);
    expect([at.code, at.stderr]).toEqual([0, '']);
    expect(at.stdout).toContain('changed,top-up,mainstream,1,*,,1632.00,1600.00,-32.00,-2.0\n');
    const same = await cli(['tariffs', 'diff', 'example-borough-2025', 'national-illustrative']);
    expect([same.code, same.stderr]).toEqual([0, '']);
  });
});
