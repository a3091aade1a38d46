import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

/**
 * A finance officer's slips with solve (found by a user trial): a target year written as an
 * academic year or past the horizon, and a --range over a lever's share wider than the lever takes.
 * Each is a usage error (exit 2) at the option, saying what to write.
 */
const solve = (target: string, vary: string, range: string, scenario?: string) =>
  cli([
    'solve',
    'fixtures/example',
    ...(scenario ? ['--scenario', scenario] : []),
    '--target',
    target,
    '--vary',
    vary,
    '--range',
    range,
  ]);

describe("solve --target's year", () => {
  it('written as an academic year: the year is named, with how to write it', async () => {
    const result = await solve('in-year-balance>=0@2028/29', 'assumption:hnbGrowth', '0,0.2');
    expect([result.code, result.stderr]).toEqual([
      2,
      'highneeds: --target "in-year-balance>=0@2028/29": "2028/29" is not a financial year written like 2028-29; write it 2028-29: financial years take a hyphen (2028/29 is how an academic year is written)\n',
    ]);
  });

  it('past the horizon: not a year of the projection (was NO_RATE_IN_FORCE, exit 1)', async () => {
    const result = await solve('in-year-balance>=0@2035-36', 'assumption:hnbGrowth', '0,0.2');
    expect([result.code, result.stderr]).toEqual([
      2,
      'highneeds: --target "in-year-balance>=0@2035-36": 2035-36 is not a financial year of the projection, which runs from 2026-27 to 2030-31\n',
    ]);
  });

  it('before the first projected year: the same', async () => {
    const result = await solve('cumulative-balance>=0@2025-26', 'assumption:hnbGrowth', '0,0.2');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('2025-26 is not a financial year of the projection');
  });
});

describe("solve --target's amount and comparison", () => {
  it('an amount written short (6m) is named, with how to write it', async () => {
    const result = await solve('spend-total<=6m@2028-29', 'assumption:hnbGrowth', '0,0.2');
    expect([result.code, result.stderr]).toEqual([
      2,
      'highneeds: --target "spend-total<=6m@2028-29": "6m" is not an amount in pounds; write it in full, as 6000000 or £6,000,000\n',
    ]);
  });

  it('> or = alone is told to use >= or <=', async () => {
    for (const target of ['in-year-balance>0@2028-29', 'cumulative-balance=>0@2030-31']) {
      const result = await solve(target, 'assumption:hnbGrowth', '0,0.2');
      expect([result.code, result.stderr]).toEqual([
        2,
        `highneeds: --target "${target}": compare with >= (at least) or <= (at most), as in-year-balance>=0@2028-29\n`,
      ]);
    }
  });
});

describe('solve --range as a percentage', () => {
  it('is told the decimals it takes, not only that it "is not LOW,HIGH"', async () => {
    // Found by an officer's trial: the model's CSVs take 20% as a share, --range did not say how.
    const result = await solve('in-year-balance>=0@2028-29', 'assumption:hnbGrowth', '0,20%');
    expect([result.code, result.stderr]).toEqual([
      2,
      'highneeds: --range "0,20%": write it 0,0.2: a share is a decimal here (20% is 0.2)\n',
    ]);
  });
});

describe("solve --range over a lever's share", () => {
  it('a new-plans share below -1 (negative new plans) is refused', async () => {
    const result = await solve(
      'in-year-balance>=0@2028-29',
      'lever:fewer-new-plans.share',
      '-3,0',
      'demand-management',
    );
    expect([result.code, result.stderr]).toEqual([
      2,
      'highneeds: --range "-3,0": lever:fewer-new-plans.share at -3 is outside -1 to 1, the shares a new-plans lever takes (docs/scenarios.md, "Levers")\n',
    ]);
  });

  it('a move-placements share below 0 or above 1 is refused', async () => {
    const result = await solve(
      'in-year-balance>=0@2028-29',
      'lever:independent-returns.share',
      '0,3',
      'mitigated',
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('at 3 is outside 0 to 1, the shares a move-placements lever');
  });

  it("a range within the lever's shares still runs", async () => {
    const result = await solve(
      'in-year-balance>=0@2028-29',
      'lever:fewer-new-plans.share',
      '-1,0',
      'demand-management',
    );
    expect([0, 4]).toContain(result.code);
  });
});
