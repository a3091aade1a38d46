import type { Decimal } from 'decimal.js';
import type { Adjustments } from './adjustments.js';
import { chargedSpans, type CostContext } from './cost.js';
import { yearPlaces } from './cost-places.js';
import type { ProjectionCache } from './demand/cache.js';
import { type Demand, type DemandYear, projectDemand } from './demand/run.js';
import { integer, sumTerms, TWELVE, ZERO } from './decimal.js';
import type { Model } from './model.js';
import { type AcademicYear, type FinancialYear, financialYearMonths } from './period.js';
import { fundedByDfe } from './place-cost.js';
import type { SpendSums } from './spend-sums.js';
import type { TariffSetting } from './tariff.js';

const dfeIndexes = (settings: readonly TariffSetting[]): number[] =>
  settings.flatMap((setting, s) => (fundedByDfe(setting) ? [s] : []));

/**
 * The place funding of the "dfe" settings by FY (`place`): what the DfE deducts; or the part of it
 * a scenario's places levers make (`extraPlace`).
 */
export function dfePlaceFunding(
  settings: readonly TariffSetting[],
  financialYears: readonly FinancialYear[],
  spend: SpendSums,
  part: 'place' | 'extraPlace',
): Map<FinancialYear, Decimal> {
  const dfe = dfeIndexes(settings);
  return new Map(
    financialYears.map((fy) => [fy, sumTerms(dfe, (s) => spend.of(fy, s, part)).div(TWELVE)]),
  );
}

/** What costing the model before a scenario needs from the projection. */
export interface BeforeContext {
  /** The projection's costing context: its places levers are left out. */
  readonly context: CostContext;
  readonly cache: ProjectionCache;
  readonly lastAcademicYear: AcademicYear;
  /** The pupils of a year placed in the area's providers, by setting (src/core/project.ts). */
  readonly pupilsInArea: (demand: Demand, year: DemandYear) => ReadonlyMap<string, Decimal>;
}

/** Whether a scenario's adjustments or assumptions put pupils anywhere the model before it does not. */
export const movesPupils = (adjustments: Adjustments, model: Model, before: Model): boolean =>
  !!(adjustments.newPlans || adjustments.ceasing || adjustments.moves) ||
  !before.assumptions.newPlansGrowth.equals(model.assumptions.newPlansGrowth);

/**
 * The "dfe" settings' place funding in FY `fy` of the model before a scenario (its own pupils,
 * places.csv's places, no places levers), costed as spend is: the months of `fy` in each AY at that
 * AY's places. The deductions stated in funding.csv are the DfE's for the area as it is, so what a
 * scenario's moved pupils add to the places is counted from this.
 */
export function placeFundingBefore(before: Model, fy: FinancialYear, at: BeforeContext): Decimal {
  const demand = projectDemand(before, at.lastAcademicYear, {}, at.cache);
  const dfe = dfeIndexes(before.tariff.settings);
  const [fyStart, fyEnd] = financialYearMonths(fy);
  const { extraPlaces: _levers, ...rest } = at.context;
  const context: CostContext = {
    ...rest,
    settings: before.tariff.settings,
  };
  let total = ZERO;
  for (const year of demand.years) {
    // The months of `fy` in this AY, as project charges them: one span or none.
    const months = chargedSpans(year.academicYear, fyStart, fyEnd).reduce(
      (count, span) => count + span.months.length,
      0,
    );
    if (months === 0) continue;
    const places = yearPlaces(at.pupilsInArea(demand, year), year.academicYear, context);
    const annual = sumTerms(dfe, (s) => places[s]?.annual ?? ZERO);
    total = total.plus(annual.times(integer(months)));
  }
  return total.div(TWELVE);
}
