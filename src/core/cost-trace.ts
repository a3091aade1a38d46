import type { Decimal } from 'decimal.js';
import type { YearPlaces } from './cost-places.js';
import type { MonthSpan } from './cost.js';
import type { Lane } from './demand/lanes.js';
import type { Need } from './need.js';
import type { AcademicYear, FinancialYear, MonthIndex } from './period.js';
import type { SpanSum } from './rate-book.js';
import type { TariffSetting } from './tariff.js';

/**
 * The terms the costing adds up, as it adds them (`highneeds explain`, docs/explain.md).
 * A projection given a trace pushes every term it charges, in the order it sums them, so a
 * figure and its parts are one computation: the figure is the sum of these very Decimals.
 * Each term is an annual amount summed over months (÷ 12 for money, once per setting and year).
 */
interface TermBase {
  readonly financialYear: FinancialYear;
  /** The AY whose January cohort is charged in these months. */
  readonly academicYear: AcademicYear;
  readonly setting: string;
  readonly months: readonly MonthIndex[];
  readonly annualMonths: Decimal;
}

/** Pupils priced by one tariff series: pupils × Σ over the months of the annual rate in force on the 1st. */
export interface TariffTerm extends TermBase {
  readonly kind: 'tariff';
  readonly band: string;
  /** The series' need: the pupils' own, or "*" for every need without a series of its own. */
  readonly need: Need | '*';
  /** The pupils of each lane the series prices (expected counts, summed as doubles into `pupils`). */
  readonly lanes: readonly { readonly need: Need; readonly pupils: number }[];
  readonly pupils: Decimal;
  readonly rates: SpanSum;
}

/** Pupils priced by their own annual_cost: the setting's annual cost × Σ over the months of the uplift factor. */
export interface BespokeTerm extends TermBase {
  readonly kind: 'bespoke';
  /** The pupils priced so (expected counts, summed as doubles). */
  readonly pupils: Decimal;
  /** Their fees added together, at base-year prices. */
  readonly annualCost: Decimal;
  readonly factors: readonly Decimal[];
}

/** Place funding: places × place value × months (place values are never uplifted); empty places at the unoccupied value where there is one. */
export interface PlaceTerm extends TermBase {
  readonly kind: 'place';
  /** The places charged, after any scenario's extra places. */
  readonly places: Decimal;
  /** Where the places before a scenario's change came from: places.csv, or the pupils in the setting. */
  readonly basis: 'places.csv' | 'pupils';
  readonly extra?: Decimal;
  readonly placeValue: Decimal;
  /** "dfe": the DfE pays these places and deducts them from the HNB, so they are not spend. */
  readonly fundedBy: 'la' | 'dfe';
  /** With an unoccupied place value: the pupils filling the places (occupied = min(places, filled)). */
  readonly filled?: Decimal;
  readonly unoccupiedPlaceValue?: Decimal;
  /** Pupils of the setting placed in another authority's provider: charged no place, filling none. */
  readonly outOfArea?: Decimal;
}

export type CostTerm = TariffTerm | BespokeTerm | PlaceTerm;

export const spanOf = (span: MonthSpan, ay: AcademicYear, setting: string) => ({
  financialYear: span.financialYear,
  academicYear: ay,
  setting,
  months: span.months,
});

/** A tariff series' term as the trace keeps it: the lanes it sums, their pupils, the rates of the span. */
export function tariffTerm(
  laneIndexes: readonly number[],
  lanes: readonly Lane[],
  laneTotals: Float64Array,
  pupils: Decimal,
  rates: SpanSum,
  annualMonths: Decimal,
  ay: AcademicYear,
  span: MonthSpan,
): TariffTerm {
  const first = lanes[laneIndexes[0]!]!;
  return {
    kind: 'tariff',
    ...spanOf(span, ay, first.setting),
    band: first.band,
    need: rates.rows[0]?.need ?? first.need,
    lanes: laneIndexes.map((l) => ({ need: lanes[l]!.need, pupils: laneTotals[l]! })),
    pupils,
    rates,
    annualMonths,
  };
}

/** A setting's place funding over a span as the trace keeps it. `away`: its pupils placed out of area. */
export function placeTerm(
  setting: TariffSetting,
  place: YearPlaces,
  annualMonths: Decimal,
  ay: AcademicYear,
  span: MonthSpan,
  away: Decimal | undefined,
): PlaceTerm {
  return {
    kind: 'place',
    ...spanOf(span, ay, setting.id),
    places: place.charged,
    basis: place.given ? 'places.csv' : 'pupils',
    ...(place.extra ? { extra: place.extra } : {}),
    placeValue: setting.placeValue,
    fundedBy: setting.placeFundedBy ?? 'la',
    ...(setting.unoccupiedPlaceValue
      ? { filled: place.filled, unoccupiedPlaceValue: setting.unoccupiedPlaceValue }
      : {}),
    ...(away && !away.isZero() ? { outOfArea: away } : {}),
    annualMonths,
  };
}
