import { settingKey } from '../setting-key.js';
import { error, warning, type Issue, uniqueIssues } from '../issue.js';
import { addedTransferWarnings } from './added-transfers.js';
import type { FundingRow, Model } from '../model.js';
import { firstProjectedFinancialYear, formatAcademicYear, formatFinancialYear } from '../period.js';
import type { ProjectionCache } from '../demand/cache.js';
import { matches } from './filter.js';
import { heldPlaces } from './held-places.js';
import { repricesPlace } from './tariff-lever.js';
import { switchedAway } from './switched-away.js';
import type {
  Lever,
  MovePlacementsLever,
  Scenario,
  ShiftNewPlansLever,
  TariffLever,
} from './types.js';

/**
 * Checks scenarios against the model they will run on: a lever whose filter matches nothing
 * (a warning naming the lever), a tariff lever whose rates price no pupil (a warning), a move or shift to a setting and band the tariff does not
 * price (an error at the lever, before any pupil reaches it), and agreement years outside
 * the projection (errors), and a block transfer above the Schools Forum's 0.5% of the schools
 * block it states (TRANSFER_NEEDS_DISAPPLICATION, as for funding.csv's), and a tariff lever's
 * share a later switch to another table ends (LEVER_SWITCHED_AWAY). `cache`: the one the scenarios' projections use, if any.
 */
export function checkScenarios(
  model: Model,
  scenarios: readonly Scenario[],
  cache?: ProjectionCache,
): Issue[] {
  const issues: Issue[] = [];
  const people = [...model.cohort, ...model.newPlans];
  const seen = new Set<string>();
  for (const scenario of scenarios) {
    // Levers no base row matches, which pupils may still reach by ageing or moving.
    const unseen: Lever[] = [];
    // Tariff levers that match rates but no pupil the tariff prices in a base row: pupils may
    // still reach their places by ageing or moving.
    const unpriced: TariffLever[] = [];
    // New plans as they join, and as the scenario's shifts before each lever send them elsewhere:
    // what a new-plans or shift lever can act on (the cohort it never touches).
    const joiners: Matchable[] = [...model.newPlans];
    // LEVER_SETTING_UNKNOWN, said only of a lever that still matches something: one that matches
    // nothing is LEVER_MATCHES_NOTHING with the same hint (both were said, the second claiming it
    // acts on the other settings; found by a review).
    const partly = new Map<Lever, Issue>();
    const nothing = (lever: Lever): void => {
      partly.delete(lever);
      issues.push(matchesNothing(scenario, lever, model));
    };
    const checkLever = (lever: Lever): void => {
      if (seen.has(`${scenario.id}\u0000${lever.id}`) || lever.kind === 'funding') return;
      seen.add(`${scenario.id}\u0000${lever.id}`);
      // A move's target is checked whenever the lever starts: an unknown setting is an error.
      if (isMove(lever)) issues.push(...checkMoveTarget(model, scenario.id, lever, people));
      // Nothing a lever after the horizon could match matters: it is said once, and no more.
      const late = afterHorizon(model, scenario, lever);
      if (late) {
        issues.push(late);
        return;
      }
      const unknown = partlyUnknownSettings(scenario, lever, model);
      if (unknown) partly.set(lever, unknown);
      const hit =
        lever.kind === 'tariff'
          ? model.tariff.rates.some(
              (r) =>
                (lever.filter.settings === undefined ||
                  lever.filter.settings.includes(r.setting)) &&
                (lever.filter.bands === undefined || lever.filter.bands.includes(r.band)),
            )
          : lever.kind === 'places'
            ? model.tariff.settings.some((s) => s.id === lever.setting && !s.placeValue.isZero())
            : onJoining(lever)
              ? joiners.some((p) => matches(lever.filter, p))
              : people.some((p) => matches(lever.filter, p));
      if (!hit && (lever.kind === 'tariff' || lever.kind === 'places' || onJoining(lever)))
        nothing(lever);
      else if (!hit) unseen.push(lever);
      else if (lever.kind === 'tariff' && !people.some((p) => pricedBy(lever, p)))
        unpriced.push(lever);
    };
    for (const [index, lever] of scenario.levers.entries()) {
      if (index >= scenario.inheritedLevers) checkLever(lever);
      if (lever.kind === 'shift-new-plans')
        joiners.push(
          ...joiners
            .filter((cell) => matches(lever.filter, cell))
            .map((cell) => ({
              ...cell,
              setting: lever.toSetting,
              band: lever.toBand ?? cell.band,
            })),
        );
    }
    // Only when some lever misses every base row (or a tariff lever every base row the tariff
    // prices): the projection's own states, where pupils are over the years (most scenarios
    // never pay for it).
    if (unseen.length || unpriced.length) {
      const { places, priced, moved } = heldPlaces(model, scenario, cache);
      for (const lever of unpriced)
        if (!priced.some((place) => repricesPlace(lever, place)))
          issues.push(
            pricesNobody(
              scenario,
              lever,
              places.some((place) => repricesPlace(lever, place)),
            ),
          );
      for (const lever of unseen) {
        if (!places.some((place) => matches(lever.filter, place))) nothing(lever);
        // Pupils reach its filter, but only outside its profile (a share of 0 moves none by design:
        // a ranged lever acts in simulate's draws).
        else if (
          lever.kind === 'move-placements' &&
          !lever.share.isZero() &&
          (moved.get(scenario.levers.indexOf(lever)) ?? 0) === 0
        )
          issues.push(movesNobody(scenario, lever));
      }
    }
    issues.push(...partly.values(), ...switchedAway(model, scenario));
    const agreement = scenario.agreement;
    if (!agreement) continue;
    const first = firstProjectedFinancialYear(model.baseYear);
    const outside = (year: number) => year < first || year > model.horizon;
    const range = `${formatFinancialYear(first)} to ${formatFinancialYear(model.horizon)}`;
    for (const instalment of agreement.instalments) {
      const year =
        instalment.status === 'backdated'
          ? (instalment.paidIn ?? instalment.financialYear)
          : instalment.financialYear;
      if (outside(year))
        issues.push(
          error(
            'PAYMENT_OUT_OF_RANGE',
            `scenario "${scenario.id}": an instalment falls in ${formatFinancialYear(year)}, outside the projection ${range}`,
            instalment.origin,
          ),
        );
    }
    for (const target of [agreement.inYearBalanceBy, agreement.clearDeficitBy]) {
      if (target !== undefined && outside(target))
        issues.push(
          error(
            'PAYMENT_OUT_OF_RANGE',
            `scenario "${scenario.id}": target year ${formatFinancialYear(target)} is outside the projection ${range}`,
            agreement.instalments[0]?.origin,
          ),
        );
    }
  }
  // A transfer a scenario states as a share of the schools block, above the Forum's 0.5% with
  // the model's own of that year; said once, though every scenario based on it adds it too.
  return [
    ...issues,
    ...fundingOutsideProjection(model, scenarios),
    ...uniqueIssues(scenarios.flatMap((scenario) => addedTransferWarnings(model, scenario))),
  ];
}

/**
 * YEAR_OUT_OF_RANGE at a scenario's funding row, or a funding lever's line, for a year the
 * projection does not hold: never added to any year, as funding.csv's such rows are not (which
 * are said alike). An hnb_allocation before the projection is grown from, as funding.csv's is.
 * Said once a row, though every scenario based on it adds it too. Found by trying one: a
 * lever's 2035-36 income validated ok and saved nothing.
 */
function fundingOutsideProjection(model: Model, scenarios: readonly Scenario[]): Issue[] {
  const first = firstProjectedFinancialYear(model.baseYear);
  const range = `${formatFinancialYear(first)} to ${formatFinancialYear(model.horizon)}`;
  const seen = new Set<FundingRow>();
  const issues: Issue[] = [];
  for (const scenario of scenarios)
    for (const row of [
      ...scenario.funding,
      ...scenario.levers.flatMap((lever) => (lever.kind === 'funding' ? lever.rows : [])),
    ]) {
      const early = row.financialYear < first && row.line !== 'hnb_allocation';
      if (seen.has(row) || !(early || row.financialYear > model.horizon)) continue;
      seen.add(row);
      issues.push(
        warning(
          'YEAR_OUT_OF_RANGE',
          `${row.line} for ${formatFinancialYear(row.financialYear)} is outside the projection ${range}; the row is ignored`,
          row.origin,
          "check the row's financialYear (a financial year such as 2027-28), or extend model.json's horizon",
        ),
      );
    }
  return issues;
}

/**
 * LEVER_AFTER_HORIZON: a lever whose first effect falls after the projection's last month (31
 * March after the horizon FY starts; its academic year is the horizon's number) changes nothing,
 * and its savings print £0 in every year. Found by trying one: 2033/34 typed for 2023/24, or a
 * plan beyond the horizon, validated ok.
 */
function afterHorizon(model: Model, scenario: Scenario, lever: Lever): Issue | undefined {
  if (lever.kind === 'funding') return undefined;
  const end = `${formatFinancialYear(model.horizon)} (31 March ${model.horizon + 1})`;
  const starts =
    lever.kind === 'tariff'
      ? lever.fromDate > `${model.horizon + 1}-03-31`
        ? `takes effect on ${lever.fromDate}`
        : undefined
      : lever.profile.from > model.horizon
        ? `starts in ${formatAcademicYear(lever.profile.from)}`
        : undefined;
  if (!starts) return undefined;
  return warning(
    'LEVER_AFTER_HORIZON',
    `lever "${lever.id}" of scenario "${scenario.id}" ${starts}, after the projection ends with ${end}, so it changes nothing`,
    lever.origin,
    "check the year of its profile's from (an academic year such as 2026/27), or extend model.json's horizon",
  );
}

const matchesNothing = (scenario: Scenario, lever: Lever, model: Model): Issue =>
  warning(
    'LEVER_MATCHES_NOTHING',
    `lever "${lever.id}" of scenario "${scenario.id}" matches nothing in this model, so it changes nothing`,
    lever.origin,
    unknownSettingsHint(lever, model),
  );

/** The settings a lever names (its filter's, or a places lever's one). */
const namedSettings = (lever: Lever): readonly string[] =>
  lever.kind === 'places'
    ? [lever.setting]
    : lever.kind === 'funding'
      ? []
      : (lever.filter.settings ?? []);

/**
 * A lever whose filter names settings of which some the tariff has and some it does not
 * (["independent", "Special Academy"]): it acts on the known ones alone, which a lever that still
 * matches something was never told (found by a review; one that matches nothing is
 * LEVER_MATCHES_NOTHING, with the same hint).
 */
function partlyUnknownSettings(scenario: Scenario, lever: Lever, model: Model): Issue | undefined {
  const named = namedSettings(lever);
  const unknown = named.filter((setting) => !model.tariff.settings.some((s) => s.id === setting));
  if (!unknown.length || unknown.length === named.length) return undefined;
  return warning(
    'LEVER_SETTING_UNKNOWN',
    `lever "${lever.id}" of scenario "${scenario.id}" names ${unknown.length === 1 ? 'a setting' : 'settings'} this model's tariff does not have, and acts on the ${named.length - unknown.length === 1 ? 'other' : 'others'} alone`,
    lever.origin,
    unknownSettingsHint(lever, model),
  );
}

/**
 * Why a lever may match nothing: it names a setting the tariff does not have ("Special Academy"
 * for special-academy; found by an officer's user trial, told only that the lever matched nothing).
 * A warning still, not an error: a national model's scenarios serve areas with other tariffs.
 */
function unknownSettingsHint(lever: Lever, model: Model): string | undefined {
  const ids = model.tariff.settings.map((s) => s.id);
  const unknown = namedSettings(lever).filter((setting) => !ids.includes(setting));
  if (!unknown.length) return undefined;
  const meant = unknown.map((setting) => ids.find((id) => settingKey(id) === settingKey(setting)));
  const didYouMean = meant.every(Boolean)
    ? `did you mean ${meant.map((id) => `"${id!}"`).join(', ')}? `
    : '';
  return `${unknown.map((s) => `"${s}"`).join(', ')} ${unknown.length === 1 ? 'is not a setting' : 'are not settings'} of tariff "${model.tariff.id}"; ${didYouMean}settings: ${ids.join(', ')}`;
}

const movesNobody = (scenario: Scenario, lever: MovePlacementsLever): Issue =>
  warning(
    'LEVER_MATCHES_NOTHING',
    `lever "${lever.id}" of scenario "${scenario.id}" moves no pupil: pupils reach its filter only outside the years its profile moves them (${profileYears(lever)}), so it changes nothing`,
    lever.origin,
    'a move-placements lever moves pupils once, in the years of its profile: move its profile to when the pupils are there',
  );

/**
 * A tariff lever whose rates price no pupil: those in its places are all priced by their own
 * annual_cost (which no tariff rate changes), or there are none. Found by a user trial: a cut to
 * independent-school rates where every such pupil had a fee saved £0 without a word.
 */
const pricesNobody = (scenario: Scenario, lever: TariffLever, feesOnly: boolean): Issue =>
  warning(
    'LEVER_PRICES_NO_PUPIL',
    `lever "${lever.id}" of scenario "${scenario.id}" changes the price of no pupil: ${
      feesOnly
        ? 'every pupil in its filter is priced by their own annual_cost (cohort.csv), which a tariff lever does not change'
        : 'no pupil or new plan is in its filter in any year to the horizon'
    }, so it saves nothing`,
    lever.origin,
    feesOnly
      ? "a tariff lever changes the tariff's rates, not fees: to model a change in these pupils' cost, change their annual_cost in cohort.csv"
      : undefined,
  );

/** A pupil or new plan the tariff prices (not by its own annual_cost) in a place the lever reprices. */
const pricedBy = (lever: TariffLever, p: Matchable): boolean =>
  !('bespokeAnnual' in p && p.bespokeAnnual !== undefined) && repricesPlace(lever, p);

const profileYears = ({ profile }: MovePlacementsLever): string =>
  profile.from === profile.fullBy
    ? formatAcademicYear(profile.from)
    : `${formatAcademicYear(profile.from)} to ${formatAcademicYear(profile.fullBy)}`;

/** A lever that acts on new plans as they join (their NCY, need, setting and band then), never on the cohort. */
const onJoining = (lever: Lever): boolean =>
  lever.kind === 'new-plans' || lever.kind === 'shift-new-plans';

const isMove = (lever: Lever): lever is MovePlacementsLever | ShiftNewPlansLever =>
  lever.kind === 'move-placements' || lever.kind === 'shift-new-plans';

/**
 * A move or shift lands pupils in `to.setting`, in `to.band` or else their own band: each must
 * be a setting the tariff declares and a band it prices there, or the projection would stop
 * at the first cohort row that reaches it, far from the lever that sent it.
 */
function checkMoveTarget(
  model: Model,
  scenarioId: string,
  lever: MovePlacementsLever | ShiftNewPlansLever,
  people: readonly Matchable[],
): Issue[] {
  const where = lever.toOrigin ?? lever.origin;
  const what = `lever "${lever.id}" of scenario "${scenarioId}"`;
  if (!model.tariff.settings.some((s) => s.id === lever.toSetting)) {
    return [
      error(
        'UNKNOWN_SETTING',
        `${what} moves pupils to setting "${lever.toSetting}", which is not in tariff "${model.tariff.id}"`,
        where,
        `settings: ${model.tariff.settings.map((s) => s.id).join(', ')}`,
      ),
    ];
  }
  const priced = [
    ...new Set(model.tariff.rates.filter((r) => r.setting === lever.toSetting).map((r) => r.band)),
  ];
  const bandsHint = priced.length
    ? `bands for ${lever.toSetting}: ${priced.join(', ')}`
    : `the tariff has no rates for ${lever.toSetting}`;
  if (lever.toBand !== undefined) {
    return priced.includes(lever.toBand)
      ? []
      : [
          error(
            'UNKNOWN_BAND',
            `${what} moves pupils to band "${lever.toBand}" of setting "${lever.toSetting}", which tariff "${model.tariff.id}" does not price`,
            where,
            bandsHint,
          ),
        ];
  }
  // Without to.band pupils keep their own band; pupils priced by annual_cost have none, and are
  // priced by the tariff once moved to another setting (in their own they keep the fee).
  const moved = people.filter(
    (p) =>
      matches(lever.filter, p) &&
      !('bespokeAnnual' in p && p.bespokeAnnual !== undefined && p.setting === lever.toSetting),
  );
  const unpriced = [...new Set(moved.map((p) => p.band))]
    .filter((band) => !priced.includes(band))
    .sort();
  if (unpriced.length === 0) return [];
  const bands = unpriced
    .map((band) => (band === '' ? 'no band (pupils priced by annual_cost)' : `band "${band}"`))
    .join(', ');
  return [
    error(
      'UNKNOWN_BAND',
      `${what} moves pupils to setting "${lever.toSetting}" without a to.band, so they keep ${bands}, which tariff "${model.tariff.id}" does not price there`,
      where,
      `give the lever a to.band; ${bandsHint}`,
    ),
  ];
}

type Matchable = Parameters<typeof matches>[1];
