import type { Decimal } from 'decimal.js';
import type { Issue } from '../issue.js';
import type { Model } from '../model.js';
import type { FinancialYear } from '../period.js';
import type { Projection } from '../projection.js';
import { ProjectionCache } from '../demand/cache.js';
import { projectScenario } from './apply.js';
import type { Scenario } from './types.js';

interface Saving {
  /** A lever id, or `other-changes` for the scenario's own assumptions and funding lines. */
  readonly id: string;
  readonly label: string;
  /** Per projected FY: spend reduced (base spend − spend with this step), and in-year balance improved. */
  readonly byYear: readonly {
    readonly financialYear: FinancialYear;
    readonly spendSaving: Decimal;
    readonly balanceImprovement: Decimal;
  }[];
}

export interface Attribution {
  readonly base: Projection;
  readonly scenario: Projection;
  readonly savings: readonly Saving[];
}

/**
 * DBV attribution, sequential in lever order (docs/scenarios.md): start from the base
 * scenario, add this scenario's other changes (assumptions, funding), then its levers one at a
 * time; each step's saving is the change it makes given the steps before it. The steps
 * telescope, so the savings add up exactly to the difference between the two projections.
 */
export function attributeSavings(
  model: Model,
  scenario: Scenario,
  base: Scenario,
  cache = new ProjectionCache(),
): Attribution | { readonly issues: readonly Issue[] } {
  const inherited = scenario.levers.slice(0, scenario.inheritedLevers);
  const own = scenario.levers.slice(scenario.inheritedLevers);
  const steps: { id: string; label: string; run: () => ReturnType<typeof projectScenario> }[] = [
    {
      id: 'other-changes',
      label: 'Assumptions and funding lines of this scenario',
      run: () => projectScenario(model, scenario, inherited, { cache }),
    },
    ...own.map((lever, k) => ({
      id: lever.id,
      label: lever.label,
      run: () =>
        projectScenario(model, scenario, [...inherited, ...own.slice(0, k + 1)], { cache }),
    })),
  ];
  const start = projectScenario(model, base, undefined, { cache });
  if (!start.projection) return { issues: start.issues };
  let previous = start.projection;
  const savings: Saving[] = [];
  for (const step of steps) {
    const outcome = step.run();
    if (!outcome.projection) return { issues: outcome.issues };
    const current = outcome.projection;
    savings.push({
      id: step.id,
      label: step.label,
      byYear: current.years.map((year, i) => ({
        financialYear: year.financialYear,
        spendSaving: previous.years[i]!.spendTotal.minus(year.spendTotal),
        balanceImprovement: year.inYearBalance.minus(previous.years[i]!.inYearBalance),
      })),
    });
    previous = current;
  }
  return { base: start.projection, scenario: previous, savings };
}
