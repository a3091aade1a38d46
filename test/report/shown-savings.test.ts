import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { shownSavings } from '../../src/report/shown-savings.js';

const saving = (id: string, balance: string, spend: string) => ({
  id,
  label: id,
  byYear: [
    { financialYear: 2026, spendSaving: new Dec(spend), balanceImprovement: new Dec(balance) },
  ],
});

describe("compare --savings' steps as printed", () => {
  it('add up to their exact sum rounded once, where each rounded alone would not', () => {
    // Three steps of £1.005: each rounds to 1.01 alone (3.03), their sum 3.015 to 3.02.
    const steps = [
      saving('a', '1.005', '-0.004'),
      saving('b', '1.005', '0.004'),
      saving('c', '1.005', '0.335'),
    ];
    const alone = steps.map((s) => s.byYear[0]!.balanceImprovement.toDecimalPlaces(2).toFixed(2));
    expect(alone).toEqual(['1.01', '1.01', '1.01']);
    const shown = shownSavings(steps);
    const balance = shown.map((s) => s.byYear[0]!.balanceImprovement.toFixed(2));
    expect(balance).toEqual(['1.01', '1.01', '1.00']);
    const spend = shown.map((s) => s.byYear[0]!.spendSaving.toFixed(2));
    // -0.004 + 0.004 + 0.335 = 0.335, rounded once 0.34: the step that lost most takes the penny.
    expect(spend).toEqual(['0.00', '0.00', '0.34']);
    expect(shown.map((s) => [s.id, s.label, s.byYear[0]!.financialYear])).toEqual([
      ['a', 'a', 2026],
      ['b', 'b', 2026],
      ['c', 'c', 2026],
    ]);
  });

  it('leaves no savings as none', () => {
    expect(shownSavings([])).toEqual([]);
  });
});
