import type { Decimal } from 'decimal.js';
import { breakdown, type BreakdownYear } from '../../core/breakdown/breakdown.js';
import { SharedDemandCache } from '../../core/breakdown/shared-demand.js';
import { project } from '../../core/project.js';
import { InputError } from '../../core/errors.js';
import type { Issue } from '../../core/issue.js';
import type { Model } from '../../core/model.js';
import type { Projection } from '../../core/projection.js';
import { assessAgreement, type AgreementAssessment } from '../../core/scenario/agreement.js';
import { applyScenario } from '../../core/scenario/apply.js';
import { attributeSavings, type Attribution } from '../../core/scenario/attribution.js';
import type { Scenario } from '../../core/scenario/types.js';
import type { Steps } from '../../core/steps.js';
import type { JsonOut } from '../json.js';
import type { DsgPlanMap } from '../../core/dsg-plan-map.js';

/** One scenario as the report shows it: its projection, breakdowns, savings and agreement. */
export interface ReportScenario {
  readonly scenario: Scenario;
  readonly projection: Projection;
  readonly breakdown: readonly BreakdownYear[];
  /** Savings by lever against its base scenario, when it has a base and levers of its own. */
  readonly savings?: { readonly base: Scenario; readonly attribution: Attribution };
  readonly agreement?: AgreementAssessment;
}

/**
 * The summary's pupils_january by year: what each table of EHCPs adds up to. Summed by setting,
 * age group or need, the same expected pupils (doubles) add up in another order, a few units
 * of the 13th decimal apart, and round a hundredth apart when the total lies near a half
 * (reconcile-lines.ts; a trial found 1,417.45 beside the summary's 1,417.44).
 */
export const pupilsJanuary = (s: ReportScenario): Decimal[] =>
  s.projection.years.map((y) => y.pupilsJanuary);

/** Everything a report renders, computed once; the HTML and XLSX renderers only lay it out. */
export interface ReportModel {
  readonly model: Model;
  readonly scenarios: readonly ReportScenario[];
  readonly manifest: JsonOut;
  /**
   * The area's code when the model is one area of a national model (--area): the explain command
   * the report offers names it, or run as written on the national folder it is refused.
   */
  readonly area?: string;
  readonly dsgMap: DsgPlanMap;
  /** Simulated outcomes (highneeds simulate's rows), when the report was asked for draws. */
  readonly fan?: readonly FanRow[];
  /** The run's warnings, each as the command line says it (src/report/presentation/warnings-section.ts). */
  readonly warnings?: readonly ReportWarning[];
}

/**
 * A warning as the report shows it: `where` is file:line:column with the file named from the model
 * folder, as the report's inputs are, so the same report from another working folder is the same bytes.
 */
export interface ReportWarning {
  readonly where: string;
  readonly code: string;
  readonly message: string;
  readonly hint: string;
}

/** One row of `highneeds simulate` output: a measure's distribution over the draws in one FY. */
export interface FanRow {
  readonly financialYear: string;
  readonly measure: 'pupils_january' | 'spend_total' | 'in_year_balance' | 'cumulative_balance';
  readonly mean: Decimal;
  readonly p2_5: Decimal;
  readonly p10: Decimal;
  readonly p25: Decimal;
  readonly p50: Decimal;
  readonly p75: Decimal;
  readonly p90: Decimal;
  readonly p97_5: Decimal;
  /** The share of draws in deficit: for the balances only. */
  readonly pDeficit?: Decimal;
}

/** The model as given, when it has no scenarios.json: a scenario with no changes. */
export const AS_GIVEN: Scenario = {
  id: 'as-given',
  label: 'The model as given',
  assumptions: {},
  funding: [],
  levers: [],
  inheritedLevers: 0,
};

/**
 * Projects each chosen scenario with its breakdowns, the savings by lever against its base
 * (src/core/scenario/attribution.ts) and its Safety Valve assessment. One cache for all, so a
 * breakdown reuses its projection's cohort. `warnings` gains each projection's (as compare's do);
 * a projection's errors are thrown with them. It yields after each projection, attribution and
 * breakdown (src/core/steps.ts): `report` runs it with the event loop's turns between them, so a
 * Ctrl-C while a big model's scenarios are projected is heard at the next, not once all are done.
 */
export function* reportScenarioSteps(
  model: Model,
  chosen: readonly Scenario[],
  all: readonly Scenario[],
  warnings: Issue[] = [],
): Steps<ReportScenario[]> {
  const cache = new SharedDemandCache();
  const built: ReportScenario[] = [];
  for (const scenario of chosen) {
    // Applied once, so the breakdown finds the projection's demand by its adjustments.
    const applied = applyScenario(model, scenario, undefined, { cache });
    const outcome = project(applied.model, applied.adjustments, cache);
    if (!outcome.projection) throw new InputError([...warnings, ...outcome.issues]);
    warnings.push(...outcome.issues);
    yield;
    const base = scenario.base === undefined ? undefined : all.find((s) => s.id === scenario.base);
    let savings: ReportScenario['savings'];
    if (base && scenario.levers.length > scenario.inheritedLevers) {
      const attribution = attributeSavings(model, scenario, base, cache);
      if ('issues' in attribution) throw new InputError(attribution.issues);
      savings = { base, attribution };
      yield;
    }
    built.push({
      scenario,
      projection: outcome.projection,
      breakdown: breakdown(applied.model, applied.adjustments, cache),
      ...(savings ? { savings } : {}),
      ...(scenario.agreement
        ? { agreement: assessAgreement(scenario.agreement, outcome.projection) }
        : {}),
    });
    yield;
  }
  return built;
}
