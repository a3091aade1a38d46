import type { Decimal } from 'decimal.js';
import type { Adjustments } from '../adjustments.js';
import type { ProjectionCache } from '../demand/cache.js';
import { type Issue, warning } from '../issue.js';
import type { Model, TransitionRow } from '../model.js';
import { Dec, ZERO } from '../decimal.js';
import { applyScenario } from '../scenario/apply.js';
import type { Scenario } from '../scenario/types.js';
import type { RangeUncertainty, Uncertainty } from '../uncertainty.js';
import { isRanged } from './lever-ranges.js';
import { project } from '../project.js';

/** The problems of pricing pupils that a projection finds where they are: the ones a draw can meet too. */
const PRICING = new Set(['NO_RATE_IN_FORCE', 'UNKNOWN_BAND']);

/** Up to this many ranged levers, every combination of their bounds is tried (2^n projections); beyond it, all low and all high. */
const EVERY_COMBINATION = 3;

/**
 * A scenario's ranged levers of pupils at their bounds (docs/simulate.md, "Lever ranges"): every
 * combination of lows and highs (one lever's low can leave pupils where another's high moves
 * them), or for many ranged levers all at their lows and all at their highs; where the model has
 * ranged rows, each combination also with the rows where they reach furthest (rowsWhere). Where a
 * projection puts pupils that the tariff cannot price and the scenario at its own shares does not,
 * a warning RANGE_UNPRICED at the same place: simulate stops at the first draw that does the same,
 * so validate and simulate say so before any draw. What the shares themselves already fail is
 * reported as their error, and what the rows alone do by rowBoundIssues, not again.
 */
export function rangeBoundIssues(
  model: Model,
  scenario: Scenario | undefined,
  cache: ProjectionCache,
): Issue[] {
  const ranged = scenario?.levers.flatMap((lever, i) => (isRanged(lever) ? [i] : [])) ?? [];
  if (!scenario || ranged.length === 0) return [];
  const rowModels: { model: Model; what: string }[] = [
    { model, what: '' },
    ...(hasRangedRows(model)
      ? ROW_SETTINGS.map((setting) => ({
          model: rowsWhere(model, setting),
          what: ` and its ranged rows ${ROWS_SOMEWHERE}`,
        }))
      : []),
  ];
  const pricing = (rows: Model, levers: Scenario['levers']): Issue[] => {
    const applied = applyScenario(rows, { ...scenario, levers }, undefined, { cache });
    return pricingErrors(applied.model, applied.adjustments, cache);
  };
  const own = new Set(rowModels.flatMap((rows) => pricing(rows.model, scenario.levers)).map(key));
  const found = new Map<string, Issue>();
  for (const bounds of boundSets(ranged.length)) {
    const levers = scenario.levers.map((lever, i) => {
      const at = ranged.indexOf(i);
      return at >= 0 && isRanged(lever) ? { ...lever, share: lever.range[bounds[at]!] } : lever;
    });
    const named = describe(bounds);
    for (const rows of rowModels)
      for (const issue of pricing(rows.model, levers)) {
        if (own.has(key(issue))) continue;
        unpriced(
          found,
          `scenario "${scenario.id}" with its ranged levers at ${named}${rows.what}`,
          issue,
        );
      }
  }
  return [...found.values()];
}

/**
 * The model's rows whose figure has a planner's range (ceasing, transitions, new plans: `low` and
 * `high`) where they reach furthest (rowsWhere), under `scenario`'s own shares if given: a warning
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
  for (const setting of ROW_SETTINGS)
    for (const issue of pricingErrors(
      rowsWhere(applied.model, setting),
      applied.adjustments,
      cache,
    ))
      if (!own.has(key(issue)))
        unpriced(found, `${who} with its ranged rows ${ROWS_SOMEWHERE}`, issue);
  return [...found.values()];
}

const ROWS_SOMEWHERE = 'somewhere in their ranges';

/** Whether a ceasing, transitions or new-plans row gives its figure a planner's range. */
const hasRangedRows = ({ ceasing, transitions, newPlans }: Model): boolean =>
  [...ceasing, ...transitions, ...newPlans].some((row) => row.uncertainty?.kind === 'range');

/**
 * Where ranged rows are put to find what any draw of them could do (rowsWhere). All keep the most
 * pupils: ceasing at its low, new plans at their high. Pupils meet a missing rate only where they
 * join a lane (a rate once in force stays in force), by a transition, a new plan or an overflow:
 * - `reach`: every ranged transition at its low, or where that is 0 and its high is not, at a share
 *   too small to empty the state it leaves (REACH), so that pupils go everywhere any draw could
 *   send them, and on from there (at its high, a transition can take every pupil of a state, who
 *   then go nowhere else; at a share below its low, pupils would stay where no draw leaves any);
 * - `most`: every ranged transition at its high, for the most pupils in the states they reach
 *   (capacity overflows by numbers);
 * - `fill`: the same, but those out of a setting capacity.csv caps at their low, for the fullest
 *   capped settings (an overflow can need the share in at its high and the share out at its low;
 *   between two capped settings, `most` and `fill` try the share both ways).
 */
const ROW_SETTINGS = ['reach', 'most', 'fill'] as const;
export type RowSetting = (typeof ROW_SETTINGS)[number];

/** A share that moves some pupils and leaves nearly all: a count it makes is still above 0. */
const REACH = new Dec('0.000001');

/**
 * The model with each ranged row's figure set as `setting` says (ROW_SETTINGS; the other rows as
 * they are), its transition shares leaving one state scaled down to 1 where that takes them above
 * it, as a draw scales them (src/core/simulate/rate-drawer.ts): otherwise a negative share would stay.
 */
export function rowsWhere(model: Model, setting: RowSetting): Model {
  const range = (row: { readonly uncertainty?: Uncertainty }) =>
    row.uncertainty?.kind === 'range' ? row.uncertainty : undefined;
  // At its low a share leaves the most pupils where they are; above 0 it still reaches its target.
  const reach = (r: RangeUncertainty): Decimal => (r.low.isZero() ? Dec.min(r.high, REACH) : r.low);
  // The fullest capped settings: a share out of a setting that capacity.csv caps at its low.
  const capped = new Set((model.capacity ?? []).map((row) => row.setting));
  const share = (r: RangeUncertainty, row: TransitionRow): Decimal =>
    setting === 'reach'
      ? reach(r)
      : setting === 'fill' && capped.has(row.fromSetting)
        ? r.low
        : r.high;
  return {
    ...model,
    ceasing: model.ceasing.map((row) => {
      const r = range(row);
      return r ? { ...row, rate: r.low } : row;
    }),
    transitions: cappedAtOne(
      model.transitions.map((row) => {
        const r = range(row);
        if (!r) return row;
        return { ...row, rate: share(r, row) };
      }),
    ),
    newPlans: model.newPlans.map((row) => {
      const r = range(row);
      if (!r) return row;
      return row.count !== undefined ? { ...row, count: r.high } : { ...row, rate: r.high };
    }),
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

type Bound = 'low' | 'high';

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
