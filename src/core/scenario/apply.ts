import type { Adjustments } from '../adjustments.js';
import type { FundingRow, Model } from '../model.js';
import { project } from '../project.js';
import { PairMemo } from '../pair-memo.js';
import type { ProjectionOutcome } from '../projection.js';
import { agreementFunding } from './agreement.js';
import { leverAdjustments } from './levers.js';
import { applyTariffLever } from './tariff-lever.js';
import type { Tariff } from '../tariff.js';
import type { Lever, Scenario, TariffLever } from './types.js';

export interface AppliedScenario {
  readonly model: Model;
  readonly adjustments: Adjustments;
}

/**
 * A scenario as a model plus adjustments: assumptions overridden, funding rows replaced and
 * added, the agreement's payments booked, tariff and funding levers applied to the data, and
 * the cohort levers as projection adjustments. `levers` defaults to all of the scenario's.
 */
export function applyScenario(model: Model, scenario: Scenario, levers: readonly Lever[] = scenario.levers, options: { dropInstalments?: ReadonlySet<number> } = {}): AppliedScenario {
  const replaced = new Set(scenario.funding.filter((row) => row.replace).map((row) => `${row.financialYear}\u0000${row.line}`));
  let funding: FundingRow[] = [
    ...model.funding.filter((row) => !replaced.has(`${row.financialYear}\u0000${row.line}`)),
    ...scenario.funding.map(({ replace: _replace, ...row }) => row),
    ...(scenario.agreement ? agreementFunding(scenario.agreement, options.dropInstalments) : []),
  ];
  let tariff = model.tariff;
  for (const lever of levers) {
    if (lever.kind === 'tariff') tariff = cachedTariffLever(tariff, lever);
    if (lever.kind === 'funding') funding = [...funding, ...lever.rows];
  }
  return {
    model: { ...model, tariff, funding, assumptions: { ...model.assumptions, ...scenario.assumptions } },
    adjustments: leverAdjustments(levers),
  };
}

const APPLIED = new PairMemo<Tariff, TariffLever, Tariff>();

/**
 * The same tariff with the same lever gives the same table, so a rerun (goal-seek, attribution)
 * reuses it, and with it the rate book and its memoised lookups (src/core/rate-book.ts).
 */
function cachedTariffLever(tariff: Tariff, lever: TariffLever): Tariff {
  return APPLIED.get(tariff, lever, () => applyTariffLever(tariff, lever));
}

export function projectScenario(model: Model, scenario: Scenario, levers?: readonly Lever[], options?: { dropInstalments?: ReadonlySet<number> }): ProjectionOutcome {
  const applied = applyScenario(model, scenario, levers, options);
  return project(applied.model, applied.adjustments);
}
