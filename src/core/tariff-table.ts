import type { Decimal } from 'decimal.js';
import { ZERO } from './decimal.js';
import { isValidDate } from './period.js';
import { RateBook } from './rate-book.js';
import { chargedStatus } from './derived-status.js';
import type { Tariff, TariffRate, ValueStatus } from './tariff.js';

/** One row of a tariff as a table: a published row, or the row in force at a date. */
export interface TariffTableRow {
  readonly setting: string;
  readonly settingLabel: string;
  readonly placeValue: Decimal;
  readonly band: string;
  readonly bandLabel: string;
  readonly need: string;
  /** The amount charged: the published top-up, uplifted when shown at a date past its series' last row. */
  readonly topUp: Decimal;
  readonly row: TariffRate;
  readonly upliftYears: number;
  /** The standing of `topUp`: the row's, or derived from it when an uplift changed it (chargedStatus). */
  readonly status: ValueStatus | undefined;
}

const compareRows = (a: TariffTableRow, b: TariffTableRow): number =>
  a.setting.localeCompare(b.setting, 'en') ||
  a.band.localeCompare(b.band, 'en', { numeric: true }) ||
  a.need.localeCompare(b.need, 'en') ||
  a.row.effectiveFrom.localeCompare(b.row.effectiveFrom);

/**
 * The table of a tariff: every published row, or (with `at`, a YYYY-MM-DD date) for each
 * (setting, band, need) the row in force on that date by the date rule, with the declared
 * uplift applied. Sorted by setting order, band, need and date, so output is stable.
 */
export function tariffTable(tariff: Tariff, at?: string): TariffTableRow[] {
  const settings = new Map(tariff.settings.map((s) => [s.id, s]));
  const bandLabels = new Map(
    (tariff.bands ?? []).map((b) => [`${b.setting}\u0000${b.band}`, b.label]),
  );
  const decorate = (row: TariffRate, topUp: Decimal, upliftYears: number): TariffTableRow => ({
    setting: row.setting,
    settingLabel: settings.get(row.setting)?.label ?? row.setting,
    placeValue: settings.get(row.setting)?.placeValue ?? ZERO,
    band: row.band,
    bandLabel: bandLabels.get(`${row.setting}\u0000${row.band}`) ?? row.band,
    need: row.need,
    topUp,
    row,
    upliftYears,
    status: chargedStatus({ row, annualTopUp: topUp, upliftYears }),
  });
  if (at === undefined)
    return tariff.rates.map((row) => decorate(row, row.topUp, 0)).sort(compareRows);
  if (!isValidDate(at)) throw new RangeError(`tariffTable: ${at} is not a date`);
  const book = new RateBook(tariff, ZERO);
  const series = new Map<string, TariffRate>();
  for (const rate of tariff.rates)
    series.set(`${rate.setting}\u0000${rate.band}\u0000${rate.need}`, rate);
  const rows: TariffTableRow[] = [];
  for (const rate of series.values()) {
    // Ask the book for this exact series only: a "*" row must not stand in for a need's own series here.
    const charged = book.seriesInForce(rate.setting, rate.band, rate.need, at);
    if (charged?.row) rows.push(decorate(charged.row, charged.annualTopUp, charged.upliftYears));
  }
  return rows.sort(compareRows);
}
