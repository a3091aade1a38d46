import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

describe('solve and compare take --hnb-from like project', () => {
  it('the transfer that closes 2027-28 is the gap under the NFF income: 2,399,809.31 / 100,000,000', async () => {
    const result = await cli([
      'solve',
      'fixtures/nff/model',
      '--hnb-from',
      'fixtures/nff/allocations-2026-27.csv',
      '--target',
      'in-year-balance>=0@2027-28',
      '--vary',
      'transfer:2027-28:100000000',
      '--range',
      '0,0.5',
      '--format',
      'json',
    ]);
    expect(result.code).toBe(0);
    const value = Number(/"value": ([\d.]+)/.exec(result.stdout)![1]);
    // The gap is read from `project --hnb-from` for the same year (in-year balance −2,399,809.31).
    expect(Math.abs(value - 0.0239980931)).toBeLessThanOrEqual(0.000001);
    const without = await cli([
      'solve',
      'fixtures/nff/model',
      '--target',
      'in-year-balance>=0@2027-28',
      '--vary',
      'transfer:2027-28:100000000',
      '--range',
      '0,0.5',
      '--format',
      'json',
    ]);
    expect(Number(/"value": ([\d.]+)/.exec(without.stdout)![1])).not.toBeCloseTo(value, 4);
  });
});
