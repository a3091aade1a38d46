import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-validate-ranges-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// validate of a national model warns as validate of one model does (RANGE_UNPRICED, docs/errors.md):
// every area whose new plans a ranged shift, at its high, sends to a band its tariff does not price
// (the lever's band is an error of the scenario as well, UNKNOWN_BAND, which validate says too).
it('validate of a national model warns, area by area, where a ranged lever at a bound would stop simulate', async () => {
  const dir = path.join(scratch, 'national');
  cpSync('fixtures/national', dir, { recursive: true });
  const file = path.join(dir, 'scenarios.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as { scenarios: object[] };
  json.scenarios.push({
    id: 'maybe-late',
    label: 'Perhaps some new plans in a band the tariffs do not price',
    levers: [
      {
        id: 'to-late',
        label: 'to band Z',
        kind: 'shift-new-plans',
        share: '0',
        low: '0',
        high: '0.5',
        filter: {},
        to: { setting: 'mainstream', band: 'Z' },
        profile: { shape: 'step', from: '2026/27' },
      },
    ],
  });
  writeFileSync(file, JSON.stringify(json));
  const plain = await cli(['validate', 'fixtures/national']);
  const ranged = await cli(['validate', dir]);
  expect(plain.stderr).not.toContain('RANGE_UNPRICED');
  expect(ranged.code).toBe(1);
  const warned = ranged.stderr
    .split('\n')
    .filter((line) => line.includes('warning RANGE_UNPRICED'));
  // One per area of the four, at the new-plans row the shift sends, with the scenario named.
  expect(warned).toHaveLength(4);
  for (const line of warned) {
    expect(line).toMatch(/new-plans\.csv:\d+:1: warning RANGE_UNPRICED: scenario "maybe-late"/);
    expect(line).toContain('with its ranged levers at their highs');
  }
});
