import { describe, expect, it } from 'vitest';
import type { FundingRow, Model } from '../../src/core/model.js';
import { project } from '../../src/core/project.js';
import { toPence } from '../../src/core/rounding.js';
import type { ReportedDeficit } from '../../src/core/write-off.js';
import { d, model } from './builders.js';

const funding = (opening: string): FundingRow[] => [
  { financialYear: 2025, line: 'opening_balance', amount: d(opening) },
  { financialYear: 2026, line: 'hnb_allocation', amount: d('100000') },
];
const reported = (source: string, deficit: string, line: number): ReportedDeficit => ({
  source,
  deficit: d(deficit),
  origin: { file: 'model.json', line, column: 16, path: `$.writeOff.eligibleDeficit` },
});

/** The write-off and its issues for a model with no pupils (spend 0) and the 2025-26 write-off. */
function writeOff(overrides: Partial<Model>, eligibleDeficit: ReportedDeficit[]) {
  const outcome = project(
    model({
      horizon: 2027,
      writeOff: { share: d('0.9'), balanceYear: 2025, paidIn: 2026, eligibleDeficit },
      ...overrides,
    }),
  );
  const result = outcome.projection!.writeOff!;
  return {
    amount: toPence(result.amount),
    basis: result.basis,
    closing: toPence(outcome.projection!.years.at(-1)!.cumulativeBalance),
    issues: outcome.issues.map((i) => [i.code, i.severity, i.location?.line, i.message]),
  };
}

describe('a reported eligible deficit above the model\'s own (domain brief §2.7: "the lowest is used")', () => {
  it('an area in surplus at the opening date writes off nothing, and is warned at the reported figure', () => {
    const got = writeOff({ funding: funding('250000') }, [reported('s251 outturn', '1000000', 21)]);
    expect(got.amount).toBe('0.00');
    expect(got.basis).toBe("funding.csv's opening_balance");
    // 250,000 opening + 100,000 HNB a year for two years, nothing written off.
    expect(got.closing).toBe('450000.00');
    expect(got.issues).toEqual([
      [
        'WRITE_OFF_ABOVE_DEFICIT',
        'warning',
        21,
        "$.writeOff.eligibleDeficit's lowest figure, £1,000,000.00 (s251 outturn), is more than the balance at the end of 2025-26 in funding.csv's opening_balance, a surplus of £250,000.00; the lowest figure is used, so the write-off is 0.9 × £0.00 = £0.00",
      ],
    ]);
  });

  it('an opening deficit below the lowest reported figure is the figure used', () => {
    const got = writeOff({ funding: funding('-300000') }, [
      reported('accounts', '1200000', 20),
      reported('s251 outturn', '1000000', 21),
    ]);
    expect(got.amount).toBe('270000.00');
    expect(got.basis).toBe("funding.csv's opening_balance");
    expect(got.closing).toBe('170000.00');
    expect(got.issues.map((i) => i.slice(0, 3))).toEqual([
      ['WRITE_OFF_ABOVE_DEFICIT', 'warning', 21],
    ]);
    expect(got.issues[0]![3]).toContain(
      "£1,000,000.00 (s251 outturn), is more than the balance at the end of 2025-26 in funding.csv's opening_balance, a deficit of £300,000.00; the lowest figure is used, so the write-off is 0.9 × £300,000.00 = £270,000.00",
    );
  });

  it('a reported figure within the opening deficit is used as before, without a warning', () => {
    const got = writeOff({ funding: funding('-1200000') }, [
      reported('s251 outturn', '1000000', 21),
    ]);
    expect(got).toMatchObject({ amount: '900000.00', basis: 's251 outturn', issues: [] });
    // Equal figures: the reported one is named.
    expect(
      writeOff({ funding: funding('-1000000') }, [reported('s251 outturn', '1000000', 21)]),
    ).toMatchObject({ amount: '900000.00', basis: 's251 outturn', issues: [] });
  });

  it('at a projected balance date the reported figure stands (a projection is not a reported figure), with a warning', () => {
    const got = writeOff(
      {
        funding: funding('0'),
        horizon: 2028,
        writeOff: {
          share: d('0.9'),
          balanceYear: 2026,
          paidIn: 2027,
          eligibleDeficit: [reported('s251 outturn', '50000', 21)],
        },
      },
      [],
    );
    expect(got).toMatchObject({ amount: '45000.00', basis: 's251 outturn' });
    expect(got.issues).toEqual([
      [
        'WRITE_OFF_ABOVE_DEFICIT',
        'warning',
        21,
        "$.writeOff.eligibleDeficit's lowest figure, £50,000.00 (s251 outturn), is more than the projected balance at the end of 2026-27, a surplus of £100,000.00; the reported figure is used, as a projection is not a reported figure, so the write-off is 0.9 × £50,000.00 = £45,000.00",
      ],
    ]);
  });
});
