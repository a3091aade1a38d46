import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { torbayInit } from '../helpers/torbay-init.js';

/**
 * A folder from init whose tariff funds no places through the DfE (no "dfe" setting), given the
 * published allocation before deductions for 2026-27 with its deductions, and the next year's
 * allocation alone: nothing can be computed for that year, so the whole allocation was income,
 * £1.95m more than the year before's basis, without a word (an officer's trial). It is said, at
 * the allocation; a funding.csv whose given deductions are all 0 (allocations after deductions,
 * as init's example) is left alone.
 */
const fresh = torbayInit('highneeds-init-deductions-');

async function validated(name: string, deductions: string): Promise<string[]> {
  const dir = await fresh(name, '--tariff', 'devon-2022-24');
  writeFileSync(
    path.join(dir, 'funding.csv'),
    [
      'financial_year,line,amount',
      '2025-26,opening_balance,"(£4,250,000.00)"',
      '2026-27,hnb_allocation,"£18,400,000"',
      `2026-27,hnb_deductions,${deductions}`,
      '2027-28,hnb_allocation,"£18,950,000"',
      '',
    ].join('\n'),
  );
  const run = await cli(['validate', dir]);
  expect(run.code).toBe(0);
  return run.stderr
    .split('\n')
    .filter((line) => line.includes('DEDUCTIONS_COMPUTED'))
    .map((line) => line.replace(dir, 'DIR'));
}

describe('an allocation with no deductions beside one with them', () => {
  it('is said at its row when the other deductions are above 0', async () => {
    expect(await validated('gross', '"£1,950,000.00"')).toEqual([
      `DIR/funding.csv:5:1: warning DEDUCTIONS_COMPUTED: funding.csv gives no hnb_deductions for the allocation of 2027-28, 2028-29, 2029-30, 2030-31, and the tariff has no "dfe" places to compute them from, so nothing is deducted; yet it gives £1,950,000.00 for 2026-27's, as for an allocation before deductions`,
    ]);
  });

  it('is not said when the deductions given are 0: the allocations are after deductions', async () => {
    expect(await validated('net', '0')).toEqual([]);
  });
});
