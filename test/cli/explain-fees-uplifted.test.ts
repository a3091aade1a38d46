import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

/**
 * Pupils priced by their own annual_cost, uplifted by the tariff's 2% a year (found by an
 * officer's trial): the table showed the base year's fees (£8,946,490.00) beside an amount
 * uplifted by 1.0404, so pupils' fees × 5 ÷ 12 missed it by the uplift. The annual £ is now the
 * fees as charged where one factor holds, as a tariff rate's is the rate in force.
 */
describe('explain: fees priced by annual_cost, uplifted', () => {
  it("the annual £ is the fees as uplifted, and × months ÷ 12 is the part's amount", async () => {
    const result = await cli([
      ...['explain', 'fixtures/example', '--year', '2027-28'],
      ...['--figure', 'spend_top_up', '--setting', 'independent'],
    ]);
    expect(result.code, result.stderr).toBe(0);
    const rows = result.stdout
      .split('\n')
      .filter((line) => line.includes('their own annual_cost'))
      .map((line) => line.trim().split(/\s{2,}/));
    expect(rows.map((row) => row.slice(1, 6))).toEqual([
      ['3,878,303.42', '127.20', '9,307,928.20', '5', 'base year ×1.0404'],
      ['4,913,432.78', '114.88', '8,423,027.63', '7', 'base year ×1.0404'],
    ]);
    for (const row of rows) {
      const pence = (cell: string) => Math.round(Number(cell.replace(/,/g, '')) * 100);
      expect(Math.round((pence(row[3]!) * Number(row[4])) / 12)).toBe(pence(row[1]!));
    }
    expect(rows[0]![6]).toBe('cohort.csv annual_cost (annual £: their fees together, as uplifted)');
  });
});
