import type { Decimal } from 'decimal.js';
import type { Adjustments } from '../adjustments.js';
import type { ProjectionCache } from '../demand/cache.js';
import { type Issue, warning } from '../issue.js';
import type { Model, TransitionRow } from '../model.js';
import { ZERO } from '../decimal.js';
import { applyScenario } from '../scenario/apply.js';
import type { Scenario } from '../scenario/types.js';
import type { Uncertainty } from '../uncertainty.js';
import { isRanged } from './lever-ranges.js';
import { project } from '../project.js';

/** The problems of pricing pupils that a projection finds where they are: the ones a draw can meet too. */
const PRICING = new Set(['NO_RATE_IN_FORCE', 'UNKNOWN_BAND']);

/** Up to this many ranged levers, every combination of their bounds is tried (2^n projections); beyond it, all low and all high. */
const EVERY_COMBINATION = 3;

/**
 * A scenario's ranged levers of pupils at their bounds (docs/simulate.md, "Lever ranges"): every
 * combination of lows and highs (one lever's low can leave pupils where another's high moves
 * them), or for many ranged levers all at their lows and all at their highs. Where a projection
 * puts pupils that the tariff cannot price and the scenario at its own shares does not, a warning
 * RANGE_UNPRICED at the same place: simulate stops at the first draw that does the same, so
 * validate and simulate say so before any draw. What the shares themselves already fail is
 * reported as their error, not again.
 */
export function rangeBoundIssues(
  model: Model,
  scenario: Scenario | undefined,
  cache: ProjectionCache,
): Issue[] {
  const ranged = scenario?.levers.flatMap((lever, i) => (isRanged(lever) ? [i] : [])) ?? [];
  if (!scenario || ranged.length === 0) return [];
  const pricing = (levers: Scenario['levers']): Issue[] => {
    const applied = applyScenario(model, { ...scenario, levers }, undefined, { cache });
    return pricingErrors(applied.model, applied.adjustments, cache);
  };
  const own = new Set(pricing(scenario.levers).map(key));
  const found = new Map<string, Issue>();
  for (const bounds of boundSets(ranged.length)) {
    const levers = scenario.levers.map((lever, i) => {
      const at = ranged.indexOf(i);
      return at >= 0 && isRanged(lever) ? { ...lever, share: lever.range[bounds[at]!] } : lever;
    });
    const named = describe(bounds);
    for (const issue of pricing(levers)) {
      if (own.has(key(issue))) continue;
      unpriced(found, `scenario "${scenario.id}" with its ranged levers at ${named}`, issue);
    }
  }
  return [...found.values()];
}

/**
 * The model's rows whose figure has a planner's range (ceasing, transitions, new plans: `low` and
 * `high`) at their lows and at their highs, under `scenario`'s own shares if given: a warning
 * RANGE_UNPRICED where that puts pupils the tariff cannot price and the figures themselves do not,
 * as for levers (rangeBoundIssues). A row drawn from a posterior (observed, exposure) has no bound.
 */
export function rowBoundIssues(
  model: Model,
  scenario: Scenario | undefined,
  cache: ProjectionCache,
): Issue[] {
  // Most models have no ranged row: nothing to apply or project (simulate asks for every scenario).
  if (!hasRangedRows(model)) return [];
  const applied = scenario
    ? applyScenario(model, scenario, undefined, { cache })
    : { model, adjustments: {} };
  const own = new Set(pricingErrors(applied.model, applied.adjustments, cache).map(key));
  const who = scenario ? `scenario "${scenario.id}"` : 'the model';
  const found = new Map<string, Issue>();
  for (const bound of ['low', 'high'] as const)
    for (const issue of pricingErrors(rowsAt(applied.model, bound), applied.adjustments, cache))
      if (!own.has(key(issue)))
        unpriced(found, `${who} with its ranged rows at their ${bound}s`, issue);
  return [...found.values()];
}

/** Whether a ceasing, transitions or new-plans row gives its figure a planner's range. */
const hasRangedRows = ({ ceasing, transitions, newPlans }: Model): boolean =>
  [...ceasing, ...transitions, ...newPlans].some((row) => row.uncertainty?.kind === 'range');

/**
 * The model with each ranged row's figure at its bound (the others as they are), its transition
 * shares leaving one state scaled down to 1 where the bounds take them above it, as a draw scales
 * them (src/core/simulate/rate-drawer.ts): otherwise a negative share would stay.
 */
export function rowsAt(model: Model, bound: Bound): Model {
  const at = <R extends { readonly uncertainty?: Uncertainty }>(
    row: R,
    set: (value: Decimal) => R,
  ): R => (row.uncertainty?.kind === 'range' ? set(row.uncertainty[bound]) : row);
  return {
    ...model,
    ceasing: model.ceasing.map((row) => at(row, (rate) => ({ ...row, rate }))),
    transitions: cappedAtOne(model.transitions.map((row) => at(row, (rate) => ({ ...row, rate })))),
    newPlans: model.newPlans.map((row) =>
      at(row, (value) =>
        row.count !== undefined ? { ...row, count: value } : { ...row, rate: value },
      ),
    ),
  };
}

/**
 * Transition rows whose rates leaving one (NCY, setting, need) add up to more than 1, each divided
 * by that total; the others as they are. Rows for a need add up on their own, as when they are read.
 */
function cappedAtOne(rows: readonly TransitionRow[]): TransitionRow[] {
  const from = (row: TransitionRow) =>
    `${row.fromNcy}\u0000${row.fromSetting}\u0000${row.need ?? ''}`;
  const totals = new Map<string, Decimal>();
  for (const row of rows) totals.set(from(row), (totals.get(from(row)) ?? ZERO).plus(row.rate));
  return rows.map((row) => {
    const total = totals.get(from(row))!;
    return total.greaterThan(1) ? { ...row, rate: row.rate.div(total) } : row;
  });
}

/** A projection's errors of pricing pupils where they are: the ones a draw can meet too. */
function pricingErrors(model: Model, adjustments: Adjustments, cache: ProjectionCache): Issue[] {
  return project(model, adjustments, cache).issues.filter(
    (issue) => PRICING.has(issue.code) && issue.severity === 'error',
  );
}

const key = (issue: Issue): string =>
  `${issue.code}\u0000${issue.message}\u0000${issue.location?.file}:${issue.location?.line}:${issue.location?.column}`;

/** Notes `issue`, met with the bounds `what` says, as a RANGE_UNPRICED warning at its place (once per message). */
function unpriced(found: Map<string, Issue>, what: string, issue: Issue): void {
  const message = `${what}: ${issue.message}`;
  if (found.has(message)) return;
  found.set(
    message,
    warning(
      'RANGE_UNPRICED',
      message,
      issue.location,
      'simulate stops at the first draw that puts pupils there: give the tariff the rate (or band), or narrow the range',
    ),
  );
}

export type Bound = 'low' | 'high';

/** The bounds to try for n ranged levers, in lever order: all low, all high, then the mixed ones. */
function boundSets(n: number): Bound[][] {
  const all = (bound: Bound): Bound[] => Array.from({ length: n }, () => bound);
  if (n > EVERY_COMBINATION) return [all('low'), all('high')];
  const sets: Bound[][] = [];
  for (let bits = 0; bits < 2 ** n; bits += 1)
    sets.push(Array.from({ length: n }, (_, i) => ((bits >> i) & 1 ? 'high' : 'low')));
  // All low and all high first, so that the common case reads as before.
  return [all('low'), all('high'), ...sets.slice(1, -1)];
}

/** "their lows", "their highs", or each lever's bound in lever order ("low, high"). */
const describe = (bounds: readonly Bound[]): string =>
  bounds.every((b) => b === 'low')
    ? 'their lows'
    : bounds.every((b) => b === 'high')
      ? 'their highs'
      : `their bounds ${bounds.join(', ')} (in lever order)`;
