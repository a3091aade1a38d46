import type { Decimal } from 'decimal.js';
import { formatFinancialYear } from '../../core/period.js';
import { Dec } from '../../core/decimal.js';
import { toPence } from '../../core/rounding.js';
import { balanceText, headline, leftOutOfInYear } from '../headline.js';
import { AS_GIVEN, type ReportScenario } from './report-model.js';
import type { ReportSection } from './section.js';
import { poundsText } from '../../core/money-text.js';

/**
 * The cumulative balance in words, a deficit as a deficit: one sign for one kind of figure. Its
 * kind is that of the figure as printed: a balance that rounds to £0.00 is neither (a few tenths
 * of a penny short read "a cumulative deficit of £0.00"; found by a review).
 */
export function atHorizonWords(balance: Decimal): string {
  const printed = new Dec(toPence(balance));
  return printed.isNegative()
    ? `a cumulative deficit of ${poundsText(printed.negated())}`
    : printed.isZero()
      ? `a cumulative balance of ${poundsText(printed)}`
      : `a cumulative surplus of ${poundsText(printed)}`;
}

/** The three figures a Schools Forum asks first, per scenario. */
export function headlineSection(
  scenarios: readonly ReportScenario[],
  /** The area of a national model (--area), named in the explain command offered. */
  area?: string,
): ReportSection {
  const heads = scenarios.map((s) => headline(s.projection));
  const rows = scenarios.map((s, i) => {
    const h = heads[i]!;
    return {
      cells: {
        scenario: s.scenario.label,
        horizon: h.cumulativeAtHorizon,
        override: h.deficitAtOverrideEnd ? h.deficitAtOverrideEnd.deficit.negated() : undefined,
        balance:
          h.firstInYearBalance === undefined
            ? `not by ${formatFinancialYear(h.horizon)}`
            : formatFinancialYear(h.firstInYearBalance),
      },
    };
  });
  const last = scenarios[0]!.projection.horizon;
  const plan = scenarios.at(-1)!.scenario.id;
  const overrideEnd = scenarios[0]!.projection.overrideEnd;
  const leftOut = leftOutOfInYear({
    beforeSafetyValve: heads.some((h) => h.beforeSafetyValve),
    beforeWriteOff: heads.some((h) => h.beforeWriteOff),
    beforeContributions: heads.some((h) => h.beforeContributions),
  });
  return {
    id: 'headline',
    title: 'Headline',
    paragraphs: scenarios.map((s, i) => {
      const h = heads[i]!;
      const atHorizon = `${atHorizonWords(h.cumulativeAtHorizon)} at the end of ${formatFinancialYear(h.horizon)}`;
      const override = h.deficitAtOverrideEnd
        ? `; a deficit of ${poundsText(h.deficitAtOverrideEnd.deficit)} still open at the end of ${formatFinancialYear(h.deficitAtOverrideEnd.financialYear)}, when the statutory override ends`
        : '';
      const after = h.deficitAfterOverride
        ? `; from ${formatFinancialYear(h.deficitAfterOverride.from)} the statutory override no longer holds the deficit apart, and how it is then met is not decided`
        : '';
      return `${s.scenario.label}: ${atHorizon}${override}${after}; ${balanceText(h)}.`;
    }),
    tables: [
      {
        title: 'Headline figures by scenario, £',
        // A forum trial asked which way the signs ran, and where a figure came from.
        note: `A negative balance is a deficit. Where a figure comes from: highneeds explain takes any figure of this report apart, down to its pupils, tariff rates and funding rows, for example highneeds explain MODEL${area === undefined ? '' : ` --area ${area}`}${plan === AS_GIVEN.id ? '' : ` --scenario ${plan}`} --year ${formatFinancialYear(last)} --figure cumulative_balance (the figures are named as in Spend, income and balance, in brackets).${overrideEnd === undefined ? '' : ` The statutory override's end, ${formatFinancialYear(overrideEnd)}, and its source: Assumptions.`}`,
        columns: [
          { key: 'scenario', label: 'Scenario', kind: 'text' },
          {
            key: 'horizon',
            label: `Cumulative balance, end of ${formatFinancialYear(last)}`,
            kind: 'money',
          },
          {
            key: 'override',
            // The override's end is policy data (policy/statutory-override.json, model.json).
            label:
              overrideEnd === undefined
                ? 'Cumulative balance when the statutory override ends, if in deficit'
                : `Cumulative balance, end of ${formatFinancialYear(overrideEnd)} (override ends), if in deficit`,
            kind: 'money',
          },
          {
            key: 'balance',
            // "Underlying", as the headline's words and the Safety Valve targets say: the Safety
            // Valve scenario's in-year balance is £7.8m in 2026-27, and this column said "not by 2030-31".
            label: leftOut
              ? `Underlying in-year balance first reached (before ${leftOut})`
              : 'In-year balance first reached',
            kind: 'text',
          },
        ],
        rows,
      },
    ],
  };
}
