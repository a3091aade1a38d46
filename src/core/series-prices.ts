import { mapIn } from './demand/map-in.js';
import type { Need } from './need.js';
import type { MonthIndex } from './period.js';
import type { SpanSum } from './rate-book.js';

/** A span's key: the months of one AY in one FY, at most 7 and contiguous, by first month × 16 + months. */
export const spanKey = (months: readonly MonthIndex[]): number => months[0]! * 16 + months.length;

export const seriesKey = (setting: string, band: string, need: string): string =>
  `${setting}\u0000${band}\u0000${need}`;

/**
 * What one (setting, band, need) reads: its own series, the "*" one, and the span sums of the one
 * that prices it. Found once (RateBook.pricesOf) by a caller that sums its rates over many
 * spans, so that each span asks one Map by number rather than building the series' key again.
 */
export interface SeriesPrices {
  readonly exact: string;
  readonly star: string;
  readonly sums: Map<number, SpanSum | MonthIndex>;
}

/**
 * A rate book's SeriesPrices, each found once: one span-sums map per series that prices, so the
 * (setting, band, need)s it prices share it, and a caller may group them by that map (costLanes).
 */
export class SeriesPriceIndex {
  /** Span sums by the series that prices them, then by span (spanKey). */
  private readonly sums = new Map<string, Map<number, SpanSum | MonthIndex>>();
  /** The keys each (setting, band, need) reads, found once rather than built as strings on every call. */
  private readonly keys = new Map<string, SeriesPrices>();
  private readonly byName = new WeakMap<object, SeriesPrices>();

  /** `chosenSeries`: which of the exact and "*" series prices (the rate book's tariff says). */
  constructor(private readonly chosenSeries: (exact: string, star: string) => string) {}

  /**
   * `find` of a (setting, band, need) by the object that names it, for objects made once and
   * kept (interned lanes, which the areas of a batch share): no key is built again.
   */
  of(named: {
    readonly setting: string;
    readonly band: string;
    readonly need: Need;
  }): SeriesPrices {
    let prices = this.byName.get(named);
    if (!prices) {
      prices = this.find(named.setting, named.band, named.need);
      this.byName.set(named, prices);
    }
    return prices;
  }

  /** The series that prices (setting, band, need) and its span sums, for RateBook.spanSum. */
  find(setting: string, band: string, need: Need): SeriesPrices {
    const key = seriesKey(setting, band, need);
    let keys = this.keys.get(key);
    if (!keys) {
      const exact = key;
      const star = seriesKey(setting, band, '*');
      // Needs without a series of their own all read the "*" series: they share its sums.
      const chosen = this.chosenSeries(exact, star);
      keys = { exact, star, sums: mapIn(this.sums, chosen) };
      this.keys.set(key, keys);
    }
    return keys;
  }
}
