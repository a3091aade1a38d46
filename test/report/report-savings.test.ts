import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { resolvedRows } from '../../src/report/presentation/table-model.js';
import { savingsSection } from '../../src/report/presentation/scenario-sections.js';
import type { ReportScenario } from '../../src/report/presentation/report-model.js';

// Only what the savings section reads: the labels, the years and the steps.
const step = (id: string, balance: string) => ({
  id,
  label: id,
  byYear: [
    {
      financialYear: 2026,
      spendSaving: new Dec(balance),
      balanceImprovement: new Dec(balance),
    },
  ],
});
const scenario = {
  scenario: { id: 'plan', label: 'Plan' },
  savings: {
    base: { id: 'base', label: 'Base' },
    attribution: {
      scenario: { years: [{ financialYear: 2026 }] },
      // Three steps of £1.005 (found by a user trial: compare printed the difference £3.02,
      // the report's levers, each rounded alone, £3.03).
      savings: [step('a', '1.005'), step('b', '1.005'), step('c', '1.005')],
    },
  },
} as unknown as ReportScenario;

describe("the report's savings by lever", () => {
  it("are compare's as printed: each year's levers add up to the difference rounded once", () => {
    const section = savingsSection([scenario])!;
    for (const table of section.tables) {
      const rows = resolvedRows(table);
      const year = '2026-27';
      expect(rows.map((r) => (r[year] as Dec).toFixed(2))).toEqual([
        '1.01',
        '1.01',
        '1.00',
        '3.02',
      ]);
      expect(String(rows.at(-1)!['line'])).toBe('Difference between the projections');
    }
  });
});
