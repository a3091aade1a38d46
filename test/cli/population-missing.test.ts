import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-population-missing-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('new plans per head without a population for some years', () => {
  it('are one error naming every year missing, not one year a run', async () => {
    // Found by an officer's trial: a folder from init, a rate per head and the first year's
    // population only, told of 2027/28, then of 2028/29 once that was added, and so on.
    const dir = path.join(scratch, 'model');
    const init = ['init', dir, '--area', '880', '--name', 'My Borough', '--base-year', '2025/26'];
    expect((await cli([...init, '--quiet'])).code).toBe(0);
    const files = {
      'new-plans.csv': 'ncy,need,setting,band,rate\n0,SLCN,mainstream,2,0.002\n',
      'population.csv': 'academic_year,ncy,population\n2026/27,0,3100\n',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    const { code, stderr } = await cli(['validate', dir]);
    // The folder's other tables are still init's, which TEMPLATE_ROWS says (one warning) after the error.
    expect([
      code,
      stderr.replace(/\n\S+: warning TEMPLATE_ROWS: .*\n {2}hint: .*\n/, '\n'),
    ]).toEqual([
      1,
      `${path.join(dir, 'new-plans.csv')}:2:1: error POPULATION_MISSING: new plans at NCY 0 are a rate per head, but population.csv has no population for NCY 0 in 2027/28, 2028/29, 2029/30 and 2030/31\n` +
        '  hint: add a population row for each of those years and NCY, or give a count instead\n' +
        '1 error, 1 warning\n',
    ]);
  });
});
