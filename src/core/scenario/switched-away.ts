import { warning, type Issue } from '../issue.js';
import { andList } from '../words.js';
import type { Model } from '../model.js';
import { dayBefore } from './tariff-lever.js';
import type { Scenario, TariffLever } from './types.js';

/**
 * LEVER_SWITCHED_AWAY: a tariff lever that scales rates by a share, listed before a tariff lever
 * that switches some of the same settings to another table. Levers apply in list order, and a
 * switch ends the settings' rows (the earlier lever's scaled ones too) the day before its `from`
 * and charges the other table's from then (docs/scenarios.md, "Levers"): the share's change ends
 * there. An officer's trial listed a 3% band review, then a switch to the new band table from the
 * same September: project charged the new table unscaled, while compare's savings by lever still
 * gave the review its £446k (the switch's step took it back), with nothing said.
 */
export function switchedAway(model: Model, scenario: Scenario): Issue[] {
  const issues: Issue[] = [];
  const levers = scenario.levers;
  const end = `${model.horizon + 1}-03-31`;
  for (const [j, later] of levers.entries()) {
    // A switch the scenario inherits was said of the scenario it comes from.
    if (j < scenario.inheritedLevers || !isSwitch(later) || later.fromDate > end) continue;
    for (const earlier of levers.slice(0, j)) {
      if (earlier.kind !== 'tariff' || earlier.tariff || earlier.fromDate > end) continue;
      const shared = sharedSettings(earlier, later);
      if (shared === undefined) continue;
      issues.push(
        warning(
          'LEVER_SWITCHED_AWAY',
          `lever "${earlier.id}" of scenario "${scenario.id}" scales rates of ${shared} that lever "${later.id}", after it in the list, replaces with table "${later.tariff.id}"'s from ${later.fromDate}, so ${
            later.fromDate <= earlier.fromDate
              ? 'it changes nothing there'
              : `its change there ends on ${dayBefore(later.fromDate)}`
          }`,
          earlier.origin,
          `to scale the other table's rates, list "${earlier.id}" after "${later.id}"`,
        ),
      );
    }
  }
  return issues;
}

const isSwitch = (lever: Scenario['levers'][number]): lever is TariffLever & Switch =>
  lever.kind === 'tariff' && lever.tariff !== undefined;
type Switch = { readonly tariff: NonNullable<TariffLever['tariff']> };

/** The settings both levers reach, in words; undefined when none. */
function sharedSettings(scaling: TariffLever, switching: TariffLever): string | undefined {
  const a = scaling.filter.settings;
  const b = switching.filter.settings;
  if (a === undefined && b === undefined) return 'every setting';
  const shared = a === undefined ? b! : b === undefined ? a : a.filter((s) => b.includes(s));
  return shared.length ? andList(shared) : undefined;
}
