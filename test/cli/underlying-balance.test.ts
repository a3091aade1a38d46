import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { cli } from '../helpers/run-cli.js';

async function summary(...args: string[]): Promise<string[][]> {
  const run = await cli(['project', 'fixtures/example', ...args, '--format', 'csv']);
  expect(run.code, run.stderr).toBe(0);
  return parse(run.stdout) as string[][];
}

// The example's income_other is all la_contribution (funding.csv's £500,000 general fund
// contribution in 2026-27, and the Safety Valve agreement's £1,000,000 a year to 2028-29), which
// the underlying balance leaves out as well.
describe("project's underlying_in_year_balance column (before Safety Valve payments, the write-off grant and local authority contributions)", () => {
  it('comes after every other column, and is in_year_balance less the three incomes, to the penny', async () => {
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
          .minus(at(row, 'income_other'))
          .toFixed(2),
      );
    // What an officer copies into the plan: 2026-27's £7.8m in-year surplus is £1.69m short
    // once the £8m Safety Valve instalment and the £1.5m of contributions are left out.
    expect([rows[0]![header!.indexOf('in_year_balance')], rows[0]!.at(-1)]).toEqual([
      '7805113.90',
      '-1694886.10',
    ]);
  });

  it('equals in_year_balance in a scenario year with none of them', async () => {
    const [header, ...rows] = await summary('--scenario', 'unmitigated');
    const [first, ...later] = rows;
    for (const row of later) expect(row.at(-1)).toBe(row[header!.indexOf('in_year_balance')]);
    // 2026-27 has the general fund contribution.
    expect(first!.at(-1)).toBe(
      new Dec(first![header!.indexOf('in_year_balance')]!).minus('500000').toFixed(2),
    );
  });

  it('the table shows it beside the in-year balance only where it differs', async () => {
    const table = async (scenario: string) =>
      (await cli(['project', 'fixtures/example', '--scenario', scenario, '--format', 'table']))
        .stdout;
    const lines = (await table('safety-valve')).split('\n');
    const shown = lines.findIndex((l) => l.startsWith('Underlying in-year '));
    expect(lines[shown - 1]).toMatch(/^In-year balance /);
    expect(lines[shown]).toContain('-1,694,886.10');
    // Without Safety Valve income it is still shown: 2026-27 has the £500,000 contribution.
    expect(await table('unmitigated')).toMatch(/\nUnderlying in-year +-1,749,018\.30 /);
  });

  it('explain takes it apart: in_year_balance less income_safety_valve, income_write_off and the la_contribution rows', async () => {
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
      .filter((l) =>
        /^\s+(− )?(in_year_balance|income_safety_valve|income_write_off|la_contribution) /.test(l),
      )
      .map((l) => l.trim().replace(/\s+/g, ' '));
    expect(parts).toEqual([
      'in_year_balance 2026-27 * 7,805,113.90',
      '− income_safety_valve 2026-27 * 8,000,000.00',
      '− income_write_off 2026-27 * 0.00',
      '− la_contribution 1,500,000.00',
      'la_contribution 2026-27 500,000.00 fixtures/example/funding.csv:7:1',
      'la_contribution 2026-27 1,000,000.00 scenario safety-valve, its Safety Valve agreement',
    ]);
    // Its rule cites a document the reader has (it cited the team's internal brief: explain-citations.test.ts).
    expect(run.stdout).toContain('(docs/methodology.md, "Income and balances")');
  });
});
