import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import type { FundingRow, Model } from '../../src/core/model.js';
import { formatFinancialYear } from '../../src/core/period.js';
import { projectScenario } from '../../src/core/scenario/apply.js';
import type { Scenario } from '../../src/core/scenario/types.js';
import { loadFixture } from '../helpers/model.js';

/**
 * A scenario's places lever in a setting the DfE funds ("dfe": special academies) commissions
 * places whose funding the DfE recoups from the HNB (../shared/domain.md §2: academy place
 * recoupment). Whichever way funding.csv enters the HNB (README, "Entering the HNB: gross or
 * net": gross with hnb_deductions, net with deductions 0, or deductions left to be computed from
 * the "dfe" places), the lever moves the balance by the same amount: 60 places × £10,000, for 7
 * of 2027-28's months (September to March) and every month after.
 */
const example = loadFixture('example');
const freeSchool = (withLever: boolean): Scenario => ({
  id: withLever ? 'free-school' : 'none',
  label: 'a 60-place special free school from September 2027',
  assumptions: {},
  funding: [],
  inheritedLevers: 0,
  levers: withLever
    ? [
        {
          id: 'free-school',
          label: 'free school',
          kind: 'places',
          filter: {},
          setting: 'special-academy',
          places: new Dec('60'),
          profile: { shape: 'step', from: 2027, fullBy: 2027 },
        },
      ]
    : [],
});

/** The in-year balance the lever adds, by FY. */
function leverEffect(model: Model): string[] {
  const balances = (withLever: boolean) =>
    projectScenario(model, freeSchool(withLever)).projection!.years.map((y) => y.inYearBalance);
  const without = balances(false);
  return balances(true).map((b, i) => b.minus(without[i]!).toFixed(2));
}

const deductions = example.funding.find((row) => row.line === 'hnb_deductions')!;
const conventions: Record<string, readonly FundingRow[]> = {
  'gross, with hnb_deductions given': example.funding,
  'net, with hnb_deductions 0': example.funding.map((row) =>
    row.line === 'hnb_allocation'
      ? { ...row, amount: row.amount.minus(deductions.amount) }
      : row.line === 'hnb_deductions'
        ? { ...row, amount: new Dec(0) }
        : row,
  ),
  'computed from the "dfe" places': example.funding.filter((row) => row.line !== 'hnb_deductions'),
};

describe('a places lever in a "dfe" setting moves the HNB deductions', () => {
  it.each(Object.entries(conventions))("%s: by the places' funding", (_name, funding) => {
    expect(leverEffect({ ...example, funding })).toEqual([
      '0.00',
      '-350000.00',
      '-600000.00',
      '-600000.00',
      '-600000.00',
    ]);
  });

  it('shows in income_hnb_deductions, not in spend, where the deductions are given', () => {
    const years = (withLever: boolean) =>
      projectScenario(example, freeSchool(withLever)).projection!.years;
    const [without, levered] = [years(false), years(true)];
    levered.forEach((year, i) => {
      const label = formatFinancialYear(year.financialYear);
      expect(year.spendTotal.toFixed(2), label).toBe(without[i]!.spendTotal.toFixed(2));
      expect(
        year.income.deductionsChange.minus(without[i]!.income.deductionsChange).toFixed(2),
        label,
      ).toBe(
        year.income.hnbDeductions.minus(without[i]!.income.hnbDeductions).negated().toFixed(2),
      );
    });
    expect(levered[2]!.income.deductionsBasis).toBe('carried');
  });
});
