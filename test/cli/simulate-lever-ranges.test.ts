import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-lever-ranges-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The example with low/high on the `mitigated` scenario's new-plans and ceasing levers. */
function exampleWithRanges(): string {
  const dir = path.join(scratch, 'ranged');
  cpSync('fixtures/example', dir, { recursive: true });
  const file = path.join(dir, 'scenarios.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as {
    scenarios: { levers?: Record<string, string>[] }[];
  };
  for (const lever of json.scenarios.flatMap((s) => s.levers ?? [])) {
    if (lever['id'] === 'early-help-semh') Object.assign(lever, { low: '-0.6', high: '0.4' });
    if (lever['id'] === 'post-16-outcomes')
      Object.assign(lever, { low: '0', high: '1', distribution: 'uniform' });
  }
  writeFileSync(file, JSON.stringify(json, null, 2));
  return dir;
}

/** The 10%–90% width of a measure in the last financial year, from simulate's CSV. */
function width(csv: string, measure: string): number {
  const rows = csv
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
  const last = rows.filter((r) => r[3] === measure).at(-1)!;
  return Number(last[10]) - Number(last[6]);
}

async function simulate(dir: string, draws: string, ...args: string[]): Promise<string> {
  const result = await cli([
    'simulate',
    dir,
    '--scenario',
    'mitigated',
    '--format',
    'csv',
    '--draws',
    draws,
    '--seed',
    '3',
    ...args,
  ]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

describe('simulate with a lever range', () => {
  const ranged = exampleWithRanges();

  it('widens the interval of pupils and spend against the same levers without ranges', async () => {
    const without = await simulate('fixtures/example', '200', '--jobs', '1');
    const within = await simulate(ranged, '200', '--jobs', '1');
    // A draw of the new-plans lever anywhere from −60% to +40% (and of the ceasing lever from 0
    // to 100%) spreads the pupils more than pupil-level chance alone: about 1.4 times here (its
    // SEMH NCY 0–6 and post-16 plans are a part of all), and the spend about 1.13 times (the
    // dearer placements, which these levers do not reach, spread the spend most).
    expect(width(within, 'pupils_january')).toBeGreaterThan(
      1.25 * width(without, 'pupils_january'),
    );
    expect(width(within, 'spend_total')).toBeGreaterThan(1.05 * width(without, 'spend_total'));
  });

  it('gives the same bytes on one thread and on two', async () => {
    expect(await simulate(ranged, '40', '--jobs', '2')).toBe(
      await simulate(ranged, '40', '--jobs', '1'),
    );
  });

  it('project ignores the ranges: the same projection as without them', async () => {
    const args = ['--scenario', 'mitigated', '--format', 'csv'];
    const a = await cli(['project', 'fixtures/example', ...args]);
    const b = await cli(['project', ranged, ...args]);
    expect(b.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });
});
