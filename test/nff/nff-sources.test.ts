import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

/*
 * Found by the domain audit: `nff`'s table and `--area`'s step by step said which parameter values
 * are published but not where: a Schools Forum member checking £4,660 or the 7% floor had to open
 * the parameters file. Each published or derived value's source is now named with its address.
 */
const urlOf = (year: string, id: string): string =>
  (
    JSON.parse(readFileSync(`nff-parameters/${year}.json`, 'utf8')) as {
      references: { id: string; url: string }[];
    }
  ).references.find((r) => r.id === id)!.url;

describe('nff names the sources of the values it calls published', () => {
  it.each([
    ['2025-26', ['--area', '880'], ['torbay-dsg-2025', 'nasuwt-2025', 'ifs-2025']],
    ['2025-26', [], ['torbay-dsg-2025', 'nasuwt-2025', 'ifs-2025']],
    ['2024-25', [], ['floor-2024']],
    ['2026-27', [], ['dsg-2026']],
  ])('%s %j', async (year, extra, ids) => {
    const run = await cli([
      'nff',
      'fixtures/nff/nff-factors.csv',
      '--year',
      year,
      '--format',
      'table',
      ...extra,
    ]);
    expect(run.code).toBe(0);
    const line = run.stdout.split('\n').find((l) => l.startsWith('sources of the published'));
    expect(line).toBe(
      `sources of the published and derived values: ${ids.map((id) => `${id} ${urlOf(year, id)}`).join('; ')}`,
    );
  });
});
