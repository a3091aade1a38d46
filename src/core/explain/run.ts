import type { CostTerm } from '../cost-trace.js';
import { ProjectionCache } from '../demand/cache.js';
import type { Model } from '../model.js';
import { project } from '../project.js';
import type { FinancialYearResult, Projection } from '../projection.js';
import type { FinancialYear } from '../period.js';
import { applyScenario } from '../scenario/apply.js';
import { scenarioArgument } from '../scenario/scenario-argument.js';
import type { Scenario } from '../scenario/types.js';
import type { Issue } from '../issue.js';

/** A projection with the terms its costing added, and the model (a scenario's, applied) it projected. */
export interface ExplainRun {
  readonly model: Model;
  readonly scenario?: Scenario;
  readonly projection: Projection;
  readonly terms: readonly CostTerm[];
}

/** Projects the model, or a scenario of it, keeping every cost term: the same projection `project` prints. */
export function explainRun(
  model: Model,
  scenario?: Scenario,
): { run?: ExplainRun; issues: readonly Issue[] } {
  const applied =
    scenario === undefined
      ? { model, adjustments: {} }
      : applyScenario(model, scenarioArgument(scenario, 'explainRun'));
  const terms: CostTerm[] = [];
  const outcome = project(applied.model, applied.adjustments, new ProjectionCache(), {
    trace: terms,
  });
  if (!outcome.projection) return { issues: outcome.issues };
  return {
    run: {
      model: applied.model,
      ...(scenario ? { scenario } : {}),
      projection: outcome.projection,
      terms,
    },
    issues: outcome.issues,
  };
}

/** The projection's result for a year the request check has found in it. */
export const yearOf = (run: ExplainRun, year: FinancialYear): FinancialYearResult =>
  run.projection.years.find((y) => y.financialYear === year)!;
