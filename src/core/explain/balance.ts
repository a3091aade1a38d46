import { type FinancialYear, formatFinancialYear } from '../period.js';
import { locationText } from '../issue.js';
import type { ExplainNode } from './node.js';
import type { ExplainRun } from './run.js';

/**
 * The cumulative balance as the roll-up makes it: the opening balance, then each year's in-year
 * balance added in turn (src/core/project.ts, src/core/write-off.ts), with the balance after each.
 */
export function balanceChain(
  run: ExplainRun,
  year: FinancialYear,
  inYear: (year: FinancialYear) => ExplainNode,
): ExplainNode {
  const { projection } = run;
  const at = run.model.funding.find((row) => row.line === 'opening_balance')?.origin;
  return {
    label: 'chain of balances',
    value: projection.years.find((y) => y.financialYear === year)!.cumulativeBalance,
    rule: 'sum',
    children: [
      {
        label: `opening balance, end of ${formatFinancialYear(projection.firstYear - 1)}`,
        value: projection.openingBalance,
        ...(at ? { inputs: { source: locationText(at) } } : {}),
      },
      ...projection.years
        .filter((y) => y.financialYear <= year)
        .map((y) => ({
          ...inYear(y.financialYear),
          inputs: { cumulativeAfter: y.cumulativeBalance },
        })),
    ],
  };
}

/** The January cohort of the AY holding the year's January, by setting, in the projection's order. */
export function januaryPupils(run: ExplainRun, year: FinancialYear, setting?: string): ExplainNode {
  const january = run.projection.academicYears.find((ay) => ay.academicYear === year)!;
  const children = [...january.pupilsBySetting]
    .filter(([id]) => setting === undefined || id === setting)
    .map(([id, pupils]): ExplainNode => ({ label: id, value: pupils, inputs: { setting: id } }));
  if (setting !== undefined) return children[0]!;
  return {
    label: 'all settings',
    value: run.projection.years.find((y) => y.financialYear === year)!.pupilsJanuary,
    rule: 'sum',
    children,
  };
}
