import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { cli } from '../helpers/run-cli.js';

async function summary(...args: string[]): Promise<string[][]> {
  const run = await cli(['project', 'fixtures/example', ...args, '--format', 'csv']);
  expect(run.code, run.stderr).toBe(0);
  return parse(run.stdout) as string[][];
}

describe("project's underlying_in_year_balance column (before Safety Valve payments and the write-off grant)", () => {
  it('comes after every other column, and is in_year_balance less the two incomes, to the penny', async () => {
    const [header, ...rows] = await summary('--scenario', 'safety-valve');
    // The nineteen columns scripts read by position keep their places (test/cli/batch.test.ts has them all).
    expect([header!.length, header!.indexOf('general_fund_financing'), header!.at(-1)]).toEqual([
      20,
      18,
      'underlying_in_year_balance',
    ]);
    const at = (row: string[], column: string) => new Dec(row[header!.indexOf(column)]!);
    for (const row of rows)
      expect(row.at(-1)).toBe(
        at(row, 'in_year_balance')
          .minus(at(row, 'income_safety_valve'))
          .minus(at(row, 'income_write_off'))
          .toFixed(2),
      );
    // What an officer copies into the plan: 2026-27's £7.8m in-year surplus is £0.19m short
    // once the £8m Safety Valve instalment is left out.
    expect([rows[0]![header!.indexOf('in_year_balance')], rows[0]!.at(-1)]).toEqual([
      '7805113.90',
      '-194886.10',
    ]);
  });

  it('equals in_year_balance in a scenario with neither income', async () => {
    const [header, ...rows] = await summary('--scenario', 'unmitigated');
    for (const row of rows) expect(row.at(-1)).toBe(row[header!.indexOf('in_year_balance')]);
  });

  it('the table shows it beside the in-year balance only where it differs', async () => {
    const table = async (scenario: string) =>
      (await cli(['project', 'fixtures/example', '--scenario', scenario, '--format', 'table']))
        .stdout;
    const lines = (await table('safety-valve')).split('\n');
    const shown = lines.findIndex((l) => l.startsWith('Underlying in-year '));
    expect(lines[shown - 1]).toMatch(/^In-year balance /);
    expect(lines[shown]).toContain('-194,886.10');
    expect(await table('unmitigated')).not.toContain('Underlying in-year');
  });

  it('explain takes it apart: in_year_balance less income_safety_valve and income_write_off', async () => {
    const run = await cli([
      'explain',
      'fixtures/example',
      '--scenario',
      'safety-valve',
      '--year',
      '2026-27',
      '--figure',
      'underlying_in_year_balance',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const parts = run.stdout
      .split('\n')
      .filter((l) => /^\s+(− )?(in_year_balance|income_safety_valve|income_write_off) /.test(l))
      .map((l) => l.trim().replace(/\s+/g, ' '));
    expect(parts).toEqual([
      'in_year_balance 2026-27 * 7,805,113.90',
      '− income_safety_valve 2026-27 * 8,000,000.00',
      '− income_write_off 2026-27 * 0.00',
    ]);
  });
});
