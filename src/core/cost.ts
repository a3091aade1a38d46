import type { Decimal } from 'decimal.js';
import type { CountDecimals } from './demand/count.js';
import type { Lane } from './demand/lanes.js';
import { integer, plusTerm } from './decimal.js';
import type { Issue, Location } from './issue.js';
import {
  type AcademicYear,
  type FinancialYear,
  type MonthIndex,
  academicYearMonths,
  financialYearOfMonth,
} from './period.js';
import { yearPlaces } from './cost-places.js';
import { sumRates } from './cost-rates.js';
import { type CostTerm, placeTerm, spanOf, tariffTerm } from './cost-trace.js';
import type { RateBook, SpanSum } from './rate-book.js';
import type { SeriesPrices } from './series-prices.js';
import type { SpendSums } from './spend-sums.js';
import type { TariffSetting } from './tariff.js';

/** The months of an AY that the projection charges, split by the FY they belong to. */
export interface MonthSpan {
  readonly financialYear: FinancialYear;
  readonly months: readonly MonthIndex[];
}

/** The months of AY `ay` inside the charged window, split by financial year (Sep–Mar, Apr–Aug). */
export function chargedSpans(
  ay: AcademicYear,
  windowStart: MonthIndex,
  windowEnd: MonthIndex,
): MonthSpan[] {
  const [from, to] = academicYearMonths(ay);
  const spans: { financialYear: FinancialYear; months: MonthIndex[] }[] = [];
  for (let m = Math.max(from, windowStart); m <= Math.min(to, windowEnd); m += 1) {
    const financialYear = financialYearOfMonth(m);
    const last = spans[spans.length - 1];
    if (last?.financialYear === financialYear) last.months.push(m);
    else spans.push({ financialYear, months: [m] });
  }
  return spans;
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
  /** Where counts become Decimals, each value once (ProjectionCache.counts). */
  readonly counts: CountDecimals;
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
 * canonically). A series is known by its span sums (RateBook.pricesOf), one map per series.
 */
export function costLanes(
  lanes: readonly Lane[],
  origins: ReadonlyMap<Lane, Location>,
  rateBook: RateBook,
): CostLanes {
  const bySeries = new Map<SeriesPrices['sums'], { setting: string; lanes: number[] }>();
  const bespoke: number[] = [];
  lanes.forEach((lane, l) => {
    if (lane.fee !== undefined) {
      bespoke.push(l);
      return;
    }
    const key = rateBook.pricesOf(lane).sums;
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
 * A projection's lanes with what prices them found once, not in every year and span: each tariff
 * group's series in the rate book (RateBook.pricesOf) and setting (its index in the tariff's
 * settings; -1 for one the tariff does not list, whose terms the trace shows but no setting sums).
 */
export interface PricedLanes extends CostLanes {
  readonly prices: readonly SeriesPrices[];
  readonly groupSetting: readonly number[];
  readonly settingIndex: ReadonlyMap<string, number>;
}

export function pricedLanes(cost: CostLanes, context: CostContext): PricedLanes {
  const settingIndex = new Map(context.settings.map((setting, i) => [setting.id, i]));
  const firsts = cost.series.map((group) => cost.lanes[group.lanes[0]!]!);
  return {
    ...cost,
    prices: firsts.map((lane) => context.rateBook.pricesOf(lane)),
    groupSetting: firsts.map((lane) => settingIndex.get(lane.setting) ?? -1),
    settingIndex,
  };
}

/**
 * Costs one AY's cohort (docs/methodology.md, "Cost") into `spend`: month m costs Σ count × annual
 * top-up in force on the 1st of m ÷ 12, plus Σ place-funded settings places × placeValue ÷ 12.
 * `pupilsBySetting`: the pupils placed in the area's providers (src/core/cost-places.ts). The
 * pupils of the lanes that read one series are summed (doubles, in lane order) and made a Decimal
 * once; Σ_m count × rate(m) is then count × Σ_m rate(m): the same value, with far fewer
 * operations. Returns the places charged by setting.
 */
export function costAcademicYear(
  laneTotals: Float64Array,
  pupilsBySetting: ReadonlyMap<string, Decimal>,
  bespokeBySetting: ReadonlyMap<string, Decimal>,
  cost: PricedLanes,
  ay: AcademicYear,
  spans: readonly MonthSpan[],
  context: CostContext,
  spend: SpendSums,
  outOfArea?: ReadonlyMap<string, Decimal>,
): Map<string, Decimal> {
  const places = yearPlaces(pupilsBySetting, ay, context);
  // Each series' pupils, made a Decimal once for every span of the AY.
  const pupilsBySeries = cost.series.map((group) => {
    let pupils = 0;
    for (const l of group.lanes) pupils += laneTotals[l]!;
    return pupils === 0 ? undefined : context.counts.decimal(pupils);
  });
  for (const span of spans) {
    if (span.months.length === 0) continue;
    // Each setting's top-up, summed in the order of the terms (plusTerm: none yet is ZERO).
    const topUp: (Decimal | undefined)[] = [];
    cost.series.forEach((group, g) => {
      const pupils = pupilsBySeries[g];
      if (pupils === undefined) return;
      const rateSum = sumRates(g, laneTotals, cost, span.months, ay, context);
      if (!rateSum) return;
      const term = pupils.times(rateSum.total);
      const s = cost.groupSetting[g]!;
      if (s >= 0) topUp[s] = plusTerm(topUp[s], term);
      context.trace?.push(
        tariffTerm(group.lanes, cost.lanes, laneTotals, pupils, rateSum, term, ay, span),
      );
    });
    const factors = context.rateBook.bespokeFactors(context.bespokeFrom, span.months);
    for (const [setting, total] of bespokeBySetting) {
      const term = total.times(factors.sum);
      const s = cost.settingIndex.get(setting) ?? -1;
      if (s >= 0) topUp[s] = plusTerm(topUp[s], term);
      context.trace?.push({
        kind: 'bespoke',
        ...spanOf(span, ay, setting),
        pupils: bespokePupils(laneTotals, cost, setting, context),
        annualCost: total,
        factors: factors.factors,
        annualMonths: term,
      });
    }
    const monthCount = integer(span.months.length);
    const year = spend.year(span.financialYear);
    for (let s = 0; s < context.settings.length; s += 1) {
      const top = topUp[s];
      if (top) year.add(s, 'topUp', top);
      const place = places[s];
      if (!place) continue;
      // Place values are never uplifted, so every month of the span costs the same.
      const placeAnnualMonths = place.annual.times(monthCount);
      year.add(s, 'place', placeAnnualMonths);
      if (place.extraAnnual) year.add(s, 'extraPlace', place.extraAnnual.times(monthCount));
      const setting = context.settings[s]!;
      if (context.trace)
        context.trace.push(
          placeTerm(setting, place, placeAnnualMonths, ay, span, outOfArea?.get(setting.id)),
        );
    }
  }
  const placesBySetting = new Map<string, Decimal>();
  context.settings.forEach((setting, s) => {
    const charged = places[s]?.charged;
    if (charged) placesBySetting.set(setting.id, charged);
  });
  return placesBySetting;
}

/**
 * The pupils of a setting priced by their own annual_cost, for explain (only when tracing): their
 * fees are summed in the term's annualCost, which alone read as one pupil's fee (found by an
 * officer's user trial: two pupils at £58,500 shown as "annual £ 117,000.00" with no pupils).
 */
function bespokePupils(
  laneTotals: Float64Array,
  cost: PricedLanes,
  setting: string,
  context: CostContext,
): Decimal {
  let pupils = 0;
  for (const l of cost.bespoke) if (cost.lanes[l]!.setting === setting) pupils += laneTotals[l]!;
  return context.counts.decimal(pupils);
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
  counts: CountDecimals,
): Map<string, Decimal> {
  const bySetting = new Map<string, Decimal>();
  for (const l of bespoke) {
    const lane = lanes[l]!;
    if (laneTotals[l] === 0) continue;
    const cost = counts.decimal(laneTotals[l]!).times(lane.fee!);
    bySetting.set(lane.setting, plusTerm(bySetting.get(lane.setting), cost));
  }
  return bySetting;
}
