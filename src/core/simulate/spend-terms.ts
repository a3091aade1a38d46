import type { Decimal } from 'decimal.js';
import type { Adjustments } from '../adjustments.js';
import { costLanes } from '../cost.js';
import type { Lane } from '../demand/lanes.js';
import type { DemandPlan } from '../demand/plan.js';
import { Dec, ZERO } from '../decimal.js';
import type { Location } from '../issue.js';
import type { Model } from '../model.js';
import { financialYearMonths, firstProjectedFinancialYear } from '../period.js';
import { annualPlaceCost, fundedByDfe } from '../place-cost.js';
import { chargedSpans } from '../cost.js';
import type { RateBook } from '../rate-book.js';
import type { TariffSetting } from '../tariff.js';

/** Where a term's money goes: spend, or the place funding of "dfe" settings (project's placeDfe, the computed deductions). */
export const SPEND = 0;
export const PLACE_DFE = 1;
export const CHANNELS = 2;

/**
 * One AY's pupils of some lanes (summed in lane order) × a coefficient: annual money × the months
 * of a span. A term with `place` or `missing` is not linear and is charged each draw in Decimal.
 */
export interface Term {
  /** AY index of the plan (0: the base year). */
  readonly year: number;
  /** FY index × CHANNELS + channel. */
  readonly slot: number;
  readonly lanes: Int32Array;
  readonly coefficient: Decimal;
  /** Place funding that is not pupils × a value: places given with an unoccupied value, or a scenario's extra places. */
  readonly place?: PlaceTerm;
  /**
   * A tariff series with no rate in force in a month: an error if a draw puts pupils there, named
   * by the first of the term's lanes that holds some (the plan's lanes and origins, shared).
   */
  readonly missing?: {
    readonly lanes: readonly Lane[];
    readonly origins: ReadonlyMap<Lane, Location>;
    readonly month: number;
  };
}

export interface PlaceTerm {
  readonly setting: TariffSetting;
  readonly months: Decimal;
  readonly given?: Decimal;
  readonly imported: Decimal;
  readonly extra?: Decimal;
}

/**
 * A place term's money for a draw's pupils of the setting: src/core/cost.ts's rule, by the same
 * function (annualPlaceCost): places given, else the pupils; plus a scenario's extra places, never
 * below none; filled by the pupils and, where places are given, those imported.
 */
export function placeMoney(term: PlaceTerm, pupils: Decimal): Decimal {
  const places = term.given ?? pupils;
  const charged = term.extra ? Dec.max(ZERO, places.plus(term.extra)) : places;
  const filled = term.given ? pupils.plus(term.imported) : pupils;
  return annualPlaceCost(term.setting, charged, filled).times(term.months);
}

/**
 * The spend of a projection as terms in its lanes' pupils (docs/simulate.md, "Money"), for the
 * months of each FY in each AY as src/core/cost.ts charges them: each tariff series' summed rates,
 * each bespoke lane's fee × its uplift factors, and each place-funded setting's places, into the
 * spend or, for a "dfe" setting, the place funding deducted from the HNB. Places that do not
 * depend on the pupils (given, with no unoccupied value) are added to `constants` by slot, except
 * in the settings `varied`, whose places a draw changes (a places lever's range: places-range.ts).
 */
export function spendTerms(
  plan: DemandPlan,
  model: Model,
  adjustments: Adjustments,
  rateBook: RateBook,
  constants: Decimal[],
  varied?: ReadonlySet<string>,
): Term[] {
  const first = firstProjectedFinancialYear(model.baseYear);
  const [windowStart] = financialYearMonths(first);
  const [, windowEnd] = financialYearMonths(model.horizon);
  const lanes = costLanes(plan.lanes, plan.origins, rateBook);
  const given = new Map(model.places.map((r) => [`${r.academicYear}\u0000${r.setting}`, r]));
  const settingLanes = new Map(
    plan.settings.map((id, i) => [
      id,
      // The pupils placed in the area's providers: those out of area are charged no place (cost.ts).
      Int32Array.from(plan.lanes.keys()).filter(
        (l) => plan.laneSetting[l] === i && !plan.lanes[l]!.outOfArea,
      ),
    ]),
  );
  const terms: Term[] = [];
  for (let year = 0; year <= plan.years.length; year += 1) {
    const ay = plan.baseYear + year;
    for (const span of chargedSpans(ay, windowStart, windowEnd)) {
      if (span.months.length === 0) continue;
      const fy = span.financialYear - first;
      const at = (channel: number) => ({ year, slot: fy * CHANNELS + channel });
      for (const group of lanes.series) {
        const lane = plan.lanes[group.lanes[0]!]!;
        const sum = rateBook.topUpSum(lane.setting, lane.band, lane.need, span.months);
        const common = { ...at(SPEND), lanes: Int32Array.from(group.lanes) };
        terms.push(
          typeof sum === 'number'
            ? {
                ...common,
                coefficient: ZERO,
                missing: { lanes: plan.lanes, origins: plan.origins, month: sum },
              }
            : { ...common, coefficient: sum.total },
        );
      }
      const factors = span.months.reduce(
        (total, m) => total.plus(rateBook.bespokeFactor(`${model.baseYear}-09-01`, m)),
        ZERO,
      );
      for (const l of lanes.bespoke)
        terms.push({
          ...at(SPEND),
          lanes: Int32Array.of(l),
          coefficient: plan.lanes[l]!.fee!.times(factors),
        });
      const months = new Dec(span.months.length);
      for (const setting of model.tariff.settings) {
        if (setting.placeValue.isZero() && !setting.unoccupiedPlaceValue) continue;
        const where = at(fundedByDfe(setting) ? PLACE_DFE : SPEND);
        const row = given.get(`${ay}\u0000${setting.id}`);
        const extra = adjustments.extraPlaces?.(ay, setting.id);
        const place: PlaceTerm = {
          setting,
          months,
          ...(row ? { given: row.places } : {}),
          imported: row?.imported ?? ZERO,
          ...(extra ? { extra } : {}),
        };
        const settingOf = settingLanes.get(setting.id) ?? new Int32Array(0);
        if (row && !setting.unoccupiedPlaceValue && !varied?.has(setting.id))
          // Given places, every one at placeValue: the same whatever the pupils.
          constants[where.slot] = constants[where.slot]!.plus(placeMoney(place, ZERO));
        else if (row || extra) terms.push({ ...where, lanes: settingOf, coefficient: ZERO, place });
        // Places are the pupils, each filled: pupils × placeValue × months.
        else
          terms.push({ ...where, lanes: settingOf, coefficient: setting.placeValue.times(months) });
      }
    }
  }
  return terms;
}
