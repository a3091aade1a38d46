import type { Decimal } from 'decimal.js';
import { Dec, ONE, ZERO } from './decimal.js';
import { mapIn } from './demand/map-in.js';
import type { Need } from './need.js';
import { anniversariesBetween, type MonthIndex, firstOfMonth } from './period.js';
import { BespokeFactorSums, type BespokeFactors } from './bespoke-factors.js';
import { type SeriesPrices, SeriesPriceIndex, seriesKey, spanKey } from './series-prices.js';
import { type Tariff, type TariffRate, upliftDayOf } from './tariff.js';

/** A rate as charged for one month, with what it came from (for explain and the manifest). */
export interface ChargedRate {
  readonly annualTopUp: Decimal;
  /** The tariff row, or undefined for a pupil row's own annual_cost. */
  readonly row?: TariffRate;
  readonly upliftYears: number;
}

/** The rates of a span summed, and the tariff rows they came from (for provenance). */
export interface SpanSum {
  readonly total: Decimal;
  readonly rows: readonly TariffRate[];
  /** The rows' effective dates, sorted, each once: one array per distinct list in a rate book, so a projection can gather them by array. */
  readonly dates: readonly string[];
  /** The rate charged in each month of the span, in order: `total` is their sum (for explain). */
  readonly charged: readonly ChargedRate[];
}

/**
 * Looks tariff rates up by the date rule (in force on the month's 1st) and applies
 * the declared uplift after a series' last effectiveFrom. Made by the caller, once per
 * projection or shared by projections of the same tariff and uplift (goal-seek, batch):
 * every answer is memoised, and each is a pure function of the two.
 */
export class RateBook {
  private readonly series = new Map<string, TariffRate[]>();
  private readonly bands = new Map<string, Set<string>>();
  private readonly upliftDay: string;
  private readonly annualFactor: Decimal;
  private readonly factors: Decimal[] = [ONE];
  private readonly memo = new Map<string, Map<MonthIndex, ChargedRate | null>>();
  private readonly prices = new SeriesPriceIndex((exact, star) => this.chosenSeries(exact, star));
  private readonly bespoke = new BespokeFactorSums((from, month) =>
    this.bespokeFactor(from, month),
  );

  constructor(tariff: Tariff, modelUplift: Decimal) {
    for (const rate of tariff.rates) {
      const key = seriesKey(rate.setting, rate.band, rate.need);
      const rows = this.series.get(key) ?? [];
      rows.push(rate);
      this.series.set(key, rows);
      const bandSet = this.bands.get(rate.setting) ?? new Set<string>();
      bandSet.add(rate.band);
      this.bands.set(rate.setting, bandSet);
    }
    for (const rows of this.series.values())
      rows.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
    const tariffRate = tariff.uplift.method === 'percent' ? tariff.uplift.annualRate : new Dec(0);
    this.upliftDay = upliftDayOf(tariff);
    this.annualFactor = ONE.plus(tariffRate).times(ONE.plus(modelUplift));
  }

  hasBand(setting: string, band: string): boolean {
    return this.bands.get(setting)?.has(band) ?? false;
  }

  /** (1 + annualRate)(1 + tariffUplift) compounded n times. */
  factor(n: number): Decimal {
    while (this.factors.length <= n)
      this.factors.push(this.factors[this.factors.length - 1]!.times(this.annualFactor));
    return this.factors[n]!;
  }

  /** The tariff top-up for a pupil in (setting, band, need) in month m, or undefined when none is in force. */
  topUp(setting: string, band: string, need: Need, month: MonthIndex): ChargedRate | undefined {
    return this.lookup(seriesKey(setting, band, need), seriesKey(setting, band, '*'), month);
  }

  /** Exact-need series first, then "*", memoised per (series, month) with numeric month keys. */
  private lookup(exactKey: string, starKey: string, month: MonthIndex): ChargedRate | undefined {
    const byMonth = mapIn(this.memo, exactKey);
    const cached = byMonth.get(month);
    if (cached !== undefined) return cached ?? undefined;
    const date = firstOfMonth(month);
    const charged = this.inForce(exactKey, date) ?? this.inForce(starKey, date);
    byMonth.set(month, charged ?? null);
    return charged;
  }

  /** The row of exactly this series (no "*" fallback) in force on a date, uplifted; for showing a table. */
  seriesInForce(
    setting: string,
    band: string,
    need: Need | '*',
    date: string,
  ): ChargedRate | undefined {
    return this.inForce(seriesKey(setting, band, need), date);
  }

  /**
   * Which series prices (setting, band, need), by their keys: its own if the tariff has one, else
   * the "*" one. Pupils whose needs name the same series cost the same in every month.
   */
  private chosenSeries(exactKey: string, starKey: string): string {
    return this.series.has(exactKey) ? exactKey : starKey;
  }

  /**
   * Σ of the top-up in force on the 1st of each of `months`, or the first month with no rate
   * in force. Memoised per series and span: every NCY of a (setting, band, need) asks the same.
   */
  topUpSum(
    setting: string,
    band: string,
    need: Need,
    months: readonly MonthIndex[],
  ): SpanSum | MonthIndex {
    return this.spanSum(this.prices.find(setting, band, need), months);
  }

  /** topUpSum of the series found by pricesOf. */
  spanSum(prices: SeriesPrices, months: readonly MonthIndex[]): SpanSum | MonthIndex {
    const span = spanKey(months);
    const cached = prices.sums.get(span);
    if (cached !== undefined) return cached;
    let total = ZERO;
    const rows = new Set<TariffRate>();
    const chargedRates: ChargedRate[] = [];
    for (const month of months) {
      const charged = this.lookup(prices.exact, prices.star, month);
      if (!charged) {
        prices.sums.set(span, month);
        return month;
      }
      total = total.plus(charged.annualTopUp);
      chargedRates.push(charged);
      if (charged.row) rows.add(charged.row);
    }
    const result: SpanSum = {
      total,
      rows: [...rows],
      dates: this.datesOf(rows),
      charged: chargedRates,
    };
    prices.sums.set(span, result);
    return result;
  }

  private readonly dateLists = new Map<string, readonly string[]>();

  private datesOf(rows: ReadonlySet<TariffRate>): readonly string[] {
    const dates = [...new Set([...rows].map((row) => row.effectiveFrom))].sort();
    const key = dates.join('\u0000');
    let shared = this.dateLists.get(key);
    if (!shared) {
      shared = dates;
      this.dateLists.set(key, shared);
    }
    return shared;
  }

  /** The series that prices a lane (or any object naming a setting, band and need kept for reuse) and its span sums (SeriesPriceIndex.of). */
  pricesOf(named: {
    readonly setting: string;
    readonly band: string;
    readonly need: Need;
  }): SeriesPrices {
    return this.prices.of(named);
  }

  /**
   * The factor on a pupil's own annual cost in month m: in force from `from` and uplifted
   * like a tariff series whose last row starts then.
   */
  bespokeFactor(from: string, month: MonthIndex): Decimal {
    return this.factor(anniversariesBetween(this.upliftDay, from, firstOfMonth(month)));
  }

  /** bespokeFactor in each month of a span, and their sum; memoised per start date and span. */
  bespokeFactors(from: string, months: readonly MonthIndex[]): BespokeFactors {
    return this.bespoke.of(from, months);
  }

  private inForce(key: string, date: string): ChargedRate | undefined {
    const rows = this.series.get(key);
    if (!rows) return undefined;
    let index = -1;
    for (let i = 0; i < rows.length && rows[i]!.effectiveFrom <= date; i += 1) index = i;
    if (index < 0) return undefined;
    const row = rows[index]!;
    if (row.endDate !== undefined && date > row.endDate) return undefined;
    // Uplift projects only past the series' last sourced value (tariffs/README.md).
    const upliftYears =
      index === rows.length - 1 ? anniversariesBetween(this.upliftDay, row.effectiveFrom, date) : 0;
    return { annualTopUp: row.topUp.times(this.factor(upliftYears)), row, upliftYears };
  }
}
