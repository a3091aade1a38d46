import { formatFinancialYear } from '../../core/period.js';
import { poundsText } from '../../core/money-text.js';
import type { Agreement } from '../../core/scenario/types.js';
import { andList } from '../../core/words.js';
import { agreementBasis } from '../headline.js';
import { shownSavings } from '../shown-savings.js';
import type { ReportScenario } from './report-model.js';
import type { ReportSection } from './section.js';
import { plain, text } from './reference-sections.js';
import type { ReportTable } from './table-model.js';
import { wideTable } from './wide.js';

/**
 * Savings by lever against each scenario's base: levers down, years across, with totals as
 * formulas. The levers are compare's as printed (shownSavings): each year's add up to the exact
 * difference rounded once, so the total row is compare's difference and the in-year change, not
 * the sum of levers each rounded alone, which could miss it by a penny a lever (found by a user trial).
 */
export function savingsSection(scenarios: readonly ReportScenario[]): ReportSection | undefined {
  const tables = scenarios.flatMap(({ scenario, savings }) => {
    if (!savings) return [];
    const { attribution, base } = savings;
    const years = attribution.scenario.years.map((y) => y.financialYear);
    const make = (what: string, pick: 'spendSaving' | 'balanceImprovement') =>
      wideTable({
        title: `${what} by lever, "${scenario.label}" against "${base.label}", £`,
        // A trial took the difference of the two printed balances (-21,431.76) and found the table's -21,431.77.
        note: "Sequential in lever order: each lever is what it changes after the levers before it, so the levers add up to the difference between the projections. That difference is of the two projections' exact figures, rounded once, as highneeds compare gives it: it can differ by a penny from the difference of the two figures as printed.",
        first: 'Lever',
        years,
        kind: 'money',
        lines: shownSavings(attribution.savings).map((s) => ({
          label: s.label,
          values: s.byYear.map((y) => y[pick]),
        })),
        total: 'Difference between the projections',
        totalColumn: 'All years',
      });
    return [
      make('In-year balance improvement', 'balanceImprovement'),
      make('Spend saving', 'spendSaving'),
    ];
  });
  if (!tables.length) return undefined;
  return { id: 'savings', title: 'Savings by lever', tables };
}

/**
 * The authority's side of an agreement, in words: its contributions (inside the summary's other
 * income) and the conditions as given. Found by a Forum reading: the section showed the DfE's
 * £24m and neither the authority's £3m nor what it had agreed to.
 */
function authoritySide(terms: Agreement): string {
  const contributions = terms.localContributions.map(
    (c) => `${poundsText(c.amount)} in ${formatFinancialYear(c.financialYear)}`,
  );
  return [
    contributions.length
      ? ` The authority contributes ${andList(contributions)} (in local authority contributions and other income).`
      : '',
    terms.conditions.length
      ? ` Its conditions, as the agreement gives them, not assessed here: ${terms.conditions.join('; ')}.`
      : '',
  ].join('');
}

/** Each Safety Valve agreement: the instalments and whether the projection meets the targets. */
export function safetyValveSection(
  scenarios: readonly ReportScenario[],
): ReportSection | undefined {
  const tables = scenarios.flatMap(({ scenario, projection, agreement }) => {
    const terms = scenario.agreement;
    if (!terms || !agreement) return [];
    // The target's basis as compare names it: the write-off grant too, when paid.
    const before = agreementBasis(projection);
    const atRisk = new Set(agreement.atRisk);
    const schedule: ReportTable = {
      title: `Safety Valve instalments: ${scenario.label}, £`,
      note: `Agreed total ${poundsText(terms.total)}. An instalment still due in or after the first year that misses a target is at risk (DfE withholds payments when a plan goes off track).${authoritySide(terms)}`,
      columns: [
        text('year', 'Financial year'),
        { key: 'amount', label: 'Amount', kind: 'money' },
        text('status', 'Status'),
        text('risk', 'At risk'),
      ],
      rows: [
        ...terms.instalments.map((i, k) => ({
          cells: {
            year: formatFinancialYear(i.financialYear),
            amount: i.amount,
            status: i.status,
            risk: atRisk.has(k) ? 'at risk' : '',
          },
        })),
        {
          cells: { year: 'Total' },
          formula: { terms: terms.instalments.map((_, row) => ({ row, sign: 1 as const })) },
          strong: true,
        },
      ],
    };
    const targets = plain(
      `Safety Valve targets: ${scenario.label}`,
      [text('target', 'Target'), text('by', 'By'), text('met', 'Projected')],
      [
        ...agreement.targets.map((t) => ({
          target:
            t.target === 'in-year balance'
              ? `Underlying in-year balance (before ${before}), every year from`
              : 'Cumulative deficit cleared by',
          by: formatFinancialYear(t.by),
          met: t.met
            ? 'met'
            : t.missedIn !== undefined && t.missedIn !== t.by
              ? `missed (first in ${formatFinancialYear(t.missedIn)})`
              : 'missed',
        })),
        {
          target: 'Underlying in-year balance first reached',
          by:
            agreement.firstInYearBalance === undefined
              ? 'not within the projection'
              : formatFinancialYear(agreement.firstInYearBalance),
          met: '',
        },
      ],
    );
    return [schedule, targets];
  });
  if (!tables.length) return undefined;
  return { id: 'safety-valve', title: 'Safety Valve schedule and targets', tables };
}
