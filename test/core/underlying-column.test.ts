import { describe, expect, it } from 'vitest';
import { Dec, ZERO } from '../../src/core/decimal.js';
import type { FinancialYearResult } from '../../src/core/projection.js';
import { toPence } from '../../src/core/rounding.js';
import { projectScenario } from '../../src/core/scenario/apply.js';
import { summaryFigures } from '../../src/core/summary-figures.js';
import { openModel } from '../../src/cli/open-model.js';

const example = await openModel('fixtures/example');
const scenario = (id: string) => example.scenarios.find((s) => s.id === id)!;

/** The example's years under a scenario, with the 2026 write-off (90% of the opening deficit) or without. */
function years(id: string, writeOff: boolean): readonly FinancialYearResult[] {
  const model = writeOff
    ? {
        ...example.model,
        writeOff: { share: new Dec('0.9'), balanceYear: 2025, paidIn: 2026 },
      }
    : example.model;
  return projectScenario(model, scenario(id)).projection!.years;
}

/**
 * An independent reference: every income line but Safety Valve, the write-off and the
 * authority's contributions, less spend. The example's other income is all la_contribution
 * (funding.csv's £500,000 in 2026-27; the agreement's £1,000,000 a year to 2028-29).
 */
const reference = (y: FinancialYearResult) =>
  [y.income.hnb, y.income.hnbDeductions, y.income.importExport, y.income.transfer]
    .reduce((t, v) => t.plus(v), ZERO)
    .minus(y.spendTotal);

describe("the summary's underlying_in_year_balance (domain brief §2.5: SV and grant receipts reach the cumulative balance only)", () => {
  it('is in_year_balance less income_safety_valve and income_write_off, to the penny, in a year with both', () => {
    const year = years('safety-valve', true)[0]!;
    const figures = summaryFigures(year);
    // The year has both incomes: the agreement's £8m first instalment and the write-off grant.
    expect(toPence(figures['income_safety_valve']!)).toBe('8000000.00');
    expect(toPence(figures['income_write_off']!)).toBe('16650000.00');
    expect(toPence(figures['underlying_in_year_balance']!)).toBe(
      new Dec(toPence(figures['in_year_balance']!))
        .minus(toPence(figures['income_safety_valve']!))
        .minus(toPence(figures['income_write_off']!))
        .minus(toPence(figures['income_other']!))
        .toFixed(2),
    );
    expect(figures['underlying_in_year_balance']!.equals(reference(year))).toBe(true);
    // The example's safety-valve scenario in 2026-27: £7.8m in-year, £1.69m underlying deficit.
    expect(toPence(figures['underlying_in_year_balance']!)).toBe('-1694886.10');
  });

  it('is in_year_balance in every year with neither income', () => {
    const plain = years('unmitigated', false);
    expect(plain.length).toBeGreaterThan(1);
    for (const year of plain) {
      const figures = summaryFigures(year);
      expect(
        figures['income_safety_valve']!.isZero() && figures['income_write_off']!.isZero(),
      ).toBe(true);
      expect(
        figures['underlying_in_year_balance']!.equals(
          figures['in_year_balance']!.minus(figures['income_other']!),
        ),
      ).toBe(true);
      expect(figures['underlying_in_year_balance']!.equals(reference(year))).toBe(true);
    }
  });

  it('is a figure of every year: with only Safety Valve income, in_year_balance less it', () => {
    for (const year of years('safety-valve', false)) {
      const figures = summaryFigures(year);
      expect(figures['income_write_off']!.isZero()).toBe(true);
      expect(
        figures['underlying_in_year_balance']!.equals(
          figures['in_year_balance']!.minus(figures['income_safety_valve']!).minus(
            figures['income_other']!,
          ),
        ),
      ).toBe(true);
      expect(figures['underlying_in_year_balance']!.equals(reference(year))).toBe(true);
    }
  });
});
