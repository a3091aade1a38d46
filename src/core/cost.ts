import type { Decimal } from 'decimal.js';
import { countDecimal } from './demand/count.js';
import type { Lane } from './demand/lanes.js';
import { Dec, ZERO } from './decimal.js';
import { error, type Issue, type Location } from './issue.js';
import { annualPlaceCost } from './place-cost.js';
import {
  type AcademicYear,
  type FinancialYear,
  type MonthIndex,
  firstOfMonth,
  formatAcademicYear,
} from './period.js';
import { type CostTerm, spanOf, tariffTerm } from './cost-trace.js';
import type { RateBook, SpanSum } from './rate-book.js';
import type { TariffSetting } from './tariff.js';

/**
 * One setting's spend over the months of one FY that fall in one AY, as annual amounts
 * summed over those months (divide by 12 for money): Σ_m Σ_pupils count × rate(m).
 */
export interface CostPart {
  readonly financialYear: FinancialYear;
  readonly setting: string;
  readonly topUpAnnualMonths: Decimal;
  readonly placeAnnualMonths: Decimal;
  /**
   * The part of placeAnnualMonths a scenario's places levers make (the place money at the charged
   * places less that at the places without them): where the DfE funds a setting's places and
   * hnb_deductions are given, this is what the levers add to the deductions (src/core/ledger.ts).
   */
  readonly extraPlaceAnnualMonths: Decimal;
}

export interface AcademicYearCost {
  readonly parts: CostPart[];
  readonly placesBySetting: Map<string, Decimal>;
}

/** The months of an AY that the projection charges, split by the FY they belong to. */
export interface MonthSpan {
  readonly financialYear: FinancialYear;
  readonly months: readonly MonthIndex[];
}

/** Tariff-priced lanes that read one tariff series: they cost the same per pupil in every month. */
interface SeriesGroup {
  readonly setting: string;
  readonly lanes: readonly number[];
}

/** The lanes of a projection grouped for costing, once per projection. */
export interface CostLanes {
  readonly lanes: readonly Lane[];
  /** The input row that first brought pupils to each lane. */
  readonly origins: ReadonlyMap<Lane, Location>;
  readonly series: readonly SeriesGroup[];
  /** Lanes priced by their pupils' own annual cost. */
  readonly bespoke: readonly number[];
}

export interface CostContext {
  readonly rateBook: RateBook;
  readonly settings: readonly TariffSetting[];
  /** Commissioned places given in places.csv for (AY, setting). */
  readonly givenPlaces: (ay: AcademicYear, setting: string) => Decimal | undefined;
  /** Of the places given, those filled by pupils from other authorities (places.csv `imported`). */
  readonly importedPlaces?: (ay: AcademicYear, setting: string) => Decimal | undefined;
  /** Places a scenario adds to (or removes from) those given or defaulted. */
  readonly extraPlaces?: (ay: AcademicYear, setting: string) => Decimal | undefined;
  /** When a pupil row's annual_cost starts: 1 September of the base year. */
  readonly bespokeFrom: string;
  readonly issues: Issue[];
  readonly reported: Set<string>;
  /** Span sums charged by this projection: their tariff rows are the ones the provenance manifest lists. */
  readonly usedSums: Set<SpanSum>;
  /** When given, every term charged is pushed here as it is added (src/core/cost-trace.ts). */
  readonly trace?: CostTerm[];
}

/**
 * Groups tariff-priced lanes by the series that prices them, in lane order (lanes are numbered
 * canonically). `seriesOf`: the series that prices a lane (RateBook.seriesFor, which a
 * ProjectionCache keeps per lane).
 */
export function costLanes(
  lanes: readonly Lane[],
  origins: ReadonlyMap<Lane, Location>,
  seriesOf: (lane: Lane) => string,
): CostLanes {
  const bySeries = new Map<string, { setting: string; lanes: number[] }>();
  const bespoke: number[] = [];
  lanes.forEach((lane, l) => {
    if (lane.fee !== undefined) {
      bespoke.push(l);
      return;
    }
    const key = seriesOf(lane);
    let group = bySeries.get(key);
    if (!group) {
      group = { setting: lane.setting, lanes: [] };
      bySeries.set(key, group);
    }
    group.lanes.push(l);
  });
  return { lanes, origins, series: [...bySeries.values()], bespoke };
}

/**
 * Costs one AY's cohort (docs/methodology.md, "Cost"): month m costs Σ count × annual top-up in
 * force on the 1st of m ÷ 12, plus Σ place-funded settings places × placeValue ÷ 12.
 * `pupilsBySetting`: the pupils placed in the area's providers (not those out of area), who are
 * the places where places.csv gives none and fill the places for the occupied/unoccupied split. The pupils
 * of the lanes that read one series are summed (doubles, in lane order) and made a Decimal once;
 * Σ_m count × rate(m) is then count × Σ_m rate(m): the same value, with far fewer operations.
 */
export function costAcademicYear(
  laneTotals: Float64Array,
  pupilsBySetting: ReadonlyMap<string, Decimal>,
  bespokeBySetting: ReadonlyMap<string, Decimal>,
  cost: CostLanes,
  ay: AcademicYear,
  spans: readonly MonthSpan[],
  context: CostContext,
  outOfArea?: ReadonlyMap<string, Decimal>,
): AcademicYearCost {
  const placesBySetting = new Map<string, Decimal>();
  const placeAnnual = new Map<string, Decimal>();
  const extraAnnual = new Map<string, Decimal>();
  const placesGiven = new Set<string>();
  const placeFilled = new Map<string, Decimal>();
  for (const setting of context.settings) {
    if (setting.placeValue.isZero() && !setting.unoccupiedPlaceValue) continue;
    const pupils = pupilsBySetting.get(setting.id) ?? ZERO;
    const given = context.givenPlaces(ay, setting.id);
    if (given) placesGiven.add(setting.id);
    const places = given ?? pupils;
    const extra = context.extraPlaces?.(ay, setting.id);
    // Removing more places than there are leaves none, never a negative number of places.
    const charged = extra ? Dec.max(ZERO, places.plus(extra)) : places;
    placesBySetting.set(setting.id, charged);
    // Pupils from other authorities fill places as the area's own pupils do.
    const imported = given ? (context.importedPlaces?.(ay, setting.id) ?? ZERO) : ZERO;
    placeFilled.set(setting.id, pupils.plus(imported));
    const annual = annualPlaceCost(setting, charged, pupils.plus(imported));
    placeAnnual.set(setting.id, annual);
    if (extra)
      extraAnnual.set(
        setting.id,
        annual.minus(annualPlaceCost(setting, places, pupils.plus(imported))),
      );
  }
  // Each series' pupils, made a Decimal once for every span of the AY.
  const pupilsBySeries = cost.series.map((group) => {
    let pupils = 0;
    for (const l of group.lanes) pupils += laneTotals[l]!;
    return pupils === 0 ? undefined : countDecimal(pupils);
  });
  const parts: CostPart[] = [];
  for (const span of spans) {
    if (span.months.length === 0) continue;
    const topUp = new Map<string, Decimal>();
    cost.series.forEach((group, g) => {
      const pupils = pupilsBySeries[g];
      if (pupils === undefined) return;
      const rateSum = sumRates(group, laneTotals, cost, span.months, ay, context);
      if (!rateSum) return;
      const term = pupils.times(rateSum.total);
      topUp.set(group.setting, (topUp.get(group.setting) ?? ZERO).plus(term));
      context.trace?.push(
        tariffTerm(group.lanes, cost.lanes, laneTotals, pupils, rateSum, term, ay, span),
      );
    });
    const factors = span.months.map((m) => context.rateBook.bespokeFactor(context.bespokeFrom, m));
    const factorSum = factors.reduce((total, factor) => total.plus(factor), ZERO);
    for (const [setting, total] of bespokeBySetting) {
      const term = total.times(factorSum);
      topUp.set(setting, (topUp.get(setting) ?? ZERO).plus(term));
      context.trace?.push({
        kind: 'bespoke',
        ...spanOf(span, ay, setting),
        annualCost: total,
        factors,
        annualMonths: term,
      });
    }
    const monthCount = new Dec(span.months.length);
    for (const setting of context.settings) {
      const places = placesBySetting.get(setting.id);
      const annual = placeAnnual.get(setting.id);
      // Place values are never uplifted, so every month of the span costs the same.
      const placeAnnualMonths = annual ? annual.times(monthCount) : ZERO;
      parts.push({
        financialYear: span.financialYear,
        setting: setting.id,
        topUpAnnualMonths: topUp.get(setting.id) ?? ZERO,
        placeAnnualMonths,
        extraPlaceAnnualMonths: extraAnnual.get(setting.id)?.times(monthCount) ?? ZERO,
      });
      if (places && context.trace) {
        const extra = context.extraPlaces?.(ay, setting.id);
        const away = outOfArea?.get(setting.id);
        context.trace.push({
          kind: 'place',
          ...spanOf(span, ay, setting.id),
          places,
          basis: placesGiven.has(setting.id) ? 'places.csv' : 'pupils',
          ...(extra ? { extra } : {}),
          placeValue: setting.placeValue,
          fundedBy: setting.placeFundedBy ?? 'la',
          ...(setting.unoccupiedPlaceValue
            ? {
                filled: placeFilled.get(setting.id) ?? ZERO,
                unoccupiedPlaceValue: setting.unoccupiedPlaceValue,
              }
            : {}),
          ...(away && !away.isZero() ? { outOfArea: away } : {}),
          annualMonths: placeAnnualMonths,
        });
      }
    }
  }
  return { parts, placesBySetting };
}

/**
 * The annual cost of the pupils priced by their own annual_cost, by setting, at base-year prices:
 * each lane's pupils × its fee. It depends on the cohort alone, so scenarios that share a cohort
 * share it (ProjectionCache).
 */
export function bespokeBySetting(
  laneTotals: Float64Array,
  lanes: readonly Lane[],
  bespoke: readonly number[],
): Map<string, Decimal> {
  const bySetting = new Map<string, Decimal>();
  for (const l of bespoke) {
    const lane = lanes[l]!;
    if (laneTotals[l] === 0) continue;
    bySetting.set(
      lane.setting,
      (bySetting.get(lane.setting) ?? ZERO).plus(countDecimal(laneTotals[l]!).times(lane.fee!)),
    );
  }
  return bySetting;
}

/** Σ over the span's months of the series' rate in force on each 1st; undefined (and an issue per lane with pupils) if a month has none. */
function sumRates(
  group: SeriesGroup,
  laneTotals: Float64Array,
  { lanes, origins }: CostLanes,
  months: readonly MonthIndex[],
  ay: AcademicYear,
  context: CostContext,
): SpanSum | undefined {
  const first = lanes[group.lanes[0]!]!;
  const sum = context.rateBook.topUpSum(first.setting, first.band, first.need, months);
  if (typeof sum === 'number') {
    for (const l of group.lanes)
      if (laneTotals[l] !== 0) reportMissing(lanes[l]!, origins.get(lanes[l]!), sum, ay, context);
    return undefined;
  }
  context.usedSums.add(sum);
  return sum;
}

function reportMissing(
  lane: Lane,
  origin: Location | undefined,
  month: MonthIndex,
  ay: AcademicYear,
  context: CostContext,
): void {
  const bandKnown = context.rateBook.hasBand(lane.setting, lane.band);
  const key = bandKnown
    ? `${lane.setting}\u0000${lane.band}\u0000${lane.need}`
    : `${lane.setting}\u0000${lane.band}`;
  if (context.reported.has(key)) return;
  context.reported.add(key);
  if (bandKnown) {
    const what = `no rate in force on ${firstOfMonth(month)} for setting "${lane.setting}", band "${lane.band}", need ${lane.need} (AY ${formatAcademicYear(ay)})`;
    context.issues.push(
      error(
        'NO_RATE_IN_FORCE',
        what,
        origin,
        'add a rate with an earlier effectiveFrom, or one for need "*"',
      ),
    );
  } else {
    const what = `pupils reach setting "${lane.setting}" in band "${lane.band}", which the tariff does not price for that setting (AY ${formatAcademicYear(ay)})`;
    context.issues.push(
      error(
        'UNKNOWN_BAND',
        what,
        origin,
        "a transition, capacity overflow or scenario move keeps the pupil's band unless it names one: give to_band (transitions.csv), overflow_band (capacity.csv) or the lever's to.band, or add rates for the band",
      ),
    );
  }
}
