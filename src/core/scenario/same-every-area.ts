import { warning, type Issue, type Location } from '../issue.js';
import { poundsText } from '../money-text.js';
import { formatFinancialYear } from '../period.js';
import { andList } from '../words.js';
import type { FundingRow } from '../model.js';
import type { Scenario } from './types.js';

/** One amount a scenario gives, in words, and where scenarios.json gives it. */
interface Amount {
  readonly what: string;
  readonly at: Location | undefined;
}

/** At most this many amounts are named in one warning; the rest are counted. */
const NAMED = 3;

/**
 * SCENARIO_SAME_EVERY_AREA: the scenarios.json of a national model (or beside a folder of model
 * folders) applies to every area alike, so an amount in it (a funding row, a funding or places
 * lever, a Safety Valve agreement) is added to each area in full: £250,000 of other income becomes
 * £250,000 in each of 153 areas. Right for a policy tried on every area; not for one authority's
 * figures, which an analyst's trial put there and validate passed without a word. A share (new
 * plans, ceasing, tariff) scales with each area, so is not said. One warning a scenario, at its
 * first amount no scenario before it was told of (a scenario inherits its base's). A run of one
 * area (a national model of one, or batch of one model folder, the shipped example) has no other
 * area to give the amount to: nothing to say (a review found batch of fixtures/example told so).
 */
export function sameInEveryArea(scenarios: readonly Scenario[], areas: number): Issue[] {
  if (areas < 2) return [];
  const told = new Set<string>();
  const issues: Issue[] = [];
  for (const scenario of scenarios) {
    const fresh = amounts(scenario).filter(({ at }) => {
      const key = at ? `${at.file}:${at.line ?? 0}:${at.column ?? 0}` : '';
      if (told.has(key)) return false;
      told.add(key);
      return true;
    });
    if (!fresh.length) continue;
    const named = fresh.slice(0, NAMED).map((amount) => amount.what);
    const rest = fresh.length - named.length;
    issues.push(
      warning(
        'SCENARIO_SAME_EVERY_AREA',
        `scenario "${scenario.id}" gives every area the same ${andList(rest ? [...named, `${rest} more`] : named)}: the scenarios of a national model apply to each area alike`,
        fresh[0]!.at,
        "an authority's own amounts differ by area: give them in funding.csv with an area column, or model that area alone (--area CODE) with a scenarios file of its own; a share (a new-plans, ceasing or tariff lever) suits every area",
      ),
    );
  }
  return issues;
}

/** The amounts of a scenario, its base's included, in the order scenarios.json gives them. */
function amounts(scenario: Scenario): Amount[] {
  const fundingRow = (row: FundingRow): Amount => ({
    what: `${row.line} of ${poundsText(row.amount)} in ${formatFinancialYear(row.financialYear)}`,
    at: row.origin,
  });
  const found: Amount[] = scenario.funding.map(fundingRow);
  for (const lever of scenario.levers)
    if (lever.kind === 'funding') found.push(...lever.rows.map(fundingRow));
    else if (lever.kind === 'places')
      found.push({
        what: `${lever.places.toFixed()} places in ${lever.setting} (lever "${lever.id}")`,
        at: lever.origin,
      });
  const { agreement } = scenario;
  if (agreement)
    found.push({
      what: `Safety Valve agreement of ${poundsText(agreement.total)}`,
      at: agreement.instalments[0]?.origin,
    });
  return found;
}
