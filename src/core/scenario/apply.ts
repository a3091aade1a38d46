import type { Adjustments } from '../adjustments.js';
import type { FundingRow, Model } from '../model.js';
import type { ProjectionCache } from '../demand/cache.js';
import { project } from '../project.js';
import type { ProjectionOutcome } from '../projection.js';
import { agreementFunding } from './agreement.js';
import { leverAdjustments } from './levers.js';
import { applyTariffLever } from './tariff-lever.js';
import { scenarioArgument } from './scenario-argument.js';
import type { Lever, Scenario } from './types.js';

export interface AppliedScenario {
  readonly model: Model;
  readonly adjustments: Adjustments;
}

/**
 * A scenario as a model plus adjustments: assumptions overridden, funding rows replaced and
 * added, the agreement's payments booked, tariff and funding levers applied to the data, and
 * the cohort levers as projection adjustments. `levers` defaults to all of the scenario's.
 */
export function applyScenario(
  model: Model,
  scenario: Scenario,
  levers: readonly Lever[] = scenario.levers,
  options: { dropInstalments?: ReadonlySet<number>; cache?: ProjectionCache } = {},
): AppliedScenario {
  const replaced = new Set(
    scenario.funding
      .filter((row) => row.replace)
      .map((row) => `${row.financialYear}\u0000${row.line}`),
  );
  let funding: FundingRow[] = [
    ...model.funding.filter((row) => !replaced.has(`${row.financialYear}\u0000${row.line}`)),
    ...scenario.funding.map(({ replace: _replace, ...row }) => row),
    ...(scenario.agreement ? agreementFunding(scenario.agreement, options.dropInstalments) : []),
  ];
  let tariff = model.tariff;
  const assumptions = { ...model.assumptions, ...scenario.assumptions };
  // The uplift the projection will charge, which a lever keeps, and the day after it ends
  // (tariff-lever.ts).
  const uplift = assumptions.tariffUplift;
  const until = `${model.horizon + 1}-04-01`;
  for (const lever of levers) {
    if (lever.kind === 'tariff') {
      const before = tariff;
      tariff = options.cache
        ? options.cache.tariffWithLever(before, lever, `${uplift.toString()}\u0000${until}`, () =>
            applyTariffLever(before, lever, uplift, until),
          )
        : applyTariffLever(before, lever, uplift, until);
    }
    if (lever.kind === 'funding') funding = [...funding, ...lever.rows];
  }
  return {
    model: {
      ...model,
      tariff,
      funding,
      assumptions,
    },
    adjustments: { ...leverAdjustments(levers), before: model },
  };
}

/**
 * `options.cache`: one ProjectionCache for every projection of the same model (scenarios,
 * goal-seek, attribution); `options.flows`: false to leave out the flows by setting (project).
 */
export function projectScenario(
  model: Model,
  scenario: Scenario,
  levers?: readonly Lever[],
  options: {
    dropInstalments?: ReadonlySet<number>;
    cache?: ProjectionCache;
    flows?: boolean;
  } = {},
): ProjectionOutcome {
  const applied = applyScenario(
    model,
    scenarioArgument(scenario, 'projectScenario'),
    levers,
    options,
  );
  return project(
    applied.model,
    applied.adjustments,
    options.cache,
    options.flows === false ? { flows: false } : {},
  );
}
