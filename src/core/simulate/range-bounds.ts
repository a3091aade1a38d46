import type { ProjectionCache } from '../demand/cache.js';
import { type Issue, warning } from '../issue.js';
import type { Model } from '../model.js';
import { applyScenario } from '../scenario/apply.js';
import type { Scenario } from '../scenario/types.js';
import { isRanged } from './lever-ranges.js';
import { project } from '../project.js';

/** The problems of pricing pupils that a projection finds where they are: the ones a draw can meet too. */
const PRICING = new Set(['NO_RATE_IN_FORCE', 'UNKNOWN_BAND']);

/**
 * A scenario's ranged levers of pupils at their lows and at their highs (docs/simulate.md, "Lever
 * ranges"): where either projection puts pupils that the tariff cannot price, a warning
 * RANGE_UNPRICED at the same place. The scenario at its own shares projects cleanly (or its
 * errors are reported already), but simulate stops at the first draw that sends pupils there, so
 * validate and simulate say so before any draw.
 */
export function rangeBoundIssues(
  model: Model,
  scenario: Scenario | undefined,
  cache: ProjectionCache,
): Issue[] {
  if (!scenario?.levers.some(isRanged)) return [];
  const found = new Map<string, Issue>();
  for (const bound of ['low', 'high'] as const) {
    const levers = scenario.levers.map((lever) =>
      isRanged(lever) ? { ...lever, share: lever.range[bound] } : lever,
    );
    const applied = applyScenario(model, { ...scenario, levers }, undefined, { cache });
    for (const issue of project(applied.model, applied.adjustments, cache).issues) {
      if (!PRICING.has(issue.code) || issue.severity !== 'error') continue;
      const message = `scenario "${scenario.id}" with its ranged levers at their ${bound}s: ${issue.message}`;
      if (!found.has(message))
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
  }
  return [...found.values()];
}
