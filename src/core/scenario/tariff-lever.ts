import type { Decimal } from 'decimal.js';
import { ONE, ZERO } from '../decimal.js';
import { RateBook } from '../rate-book.js';
import { seriesKey } from '../series-prices.js';
import { type Tariff, type TariffRate, upliftDayOf } from '../tariff.js';
import { derivedRow, withReferencesOf } from './lever-provenance.js';
import { profileFactor } from './profile.js';
import type { TariffLever } from './types.js';

/** Whether the lever's setting and band filter takes a rate's series (its need aside). */
const inPlace = (lever: TariffLever, rate: Pick<TariffRate, 'setting' | 'band'>): boolean =>
  (lever.filter.settings === undefined || lever.filter.settings.includes(rate.setting)) &&
  (lever.filter.bands === undefined || lever.filter.bands.includes(rate.band));

/** Whether a lever that switches to another table switches a setting. */
const switching = (lever: TariffLever, setting: string): boolean =>
  lever.filter.settings === undefined || lever.filter.settings.includes(setting);

/**
 * Whether the lever scales a rate's series. With a need filter, a "*" series (every need's) is
 * not scaled: its needs in the filter get series of their own first (needSeries), so a lever on
 * ASD leaves the other needs' rate as it was (it had scaled the "*" row every need is priced by).
 */
const inFilter = (lever: TariffLever, rate: TariffRate): boolean =>
  inPlace(lever, rate) &&
  (lever.filter.needs === undefined ||
    (rate.need !== '*' && lever.filter.needs.includes(rate.need)));

/**
 * For a lever with a need filter, each "*" series it would reach copied as a series of each need
 * of the filter that has none of its own: charged as the "*" series was for that need, until the
 * lever scales it.
 */
function needSeries(lever: TariffLever, series: readonly TariffRate[][]): TariffRate[][] {
  const needs = lever.filter.needs;
  if (needs === undefined) return [];
  const own = new Set(series.map(([first]) => seriesKey(first!.setting, first!.band, first!.need)));
  const copies: TariffRate[][] = [];
  for (const rows of series) {
    const first = rows[0]!;
    if (first.need !== '*' || !inPlace(lever, first)) continue;
    for (const need of needs)
      if (!own.has(seriesKey(first.setting, first.band, need)))
        copies.push(rows.map((row) => ({ ...row, need })));
  }
  return copies;
}

/**
 * Whether the lever changes the price of pupils in a place the tariff prices them in (not by their
 * own annual_cost): a switch, every place of its settings; a share, the places of the series it
 * scales (a need of its filter priced by a "*" series gets a scaled copy of it, needSeries).
 */
export const repricesPlace = (
  lever: TariffLever,
  place: { readonly need: string; readonly setting: string; readonly band: string },
): boolean =>
  lever.tariff
    ? switching(lever, place.setting)
    : inPlace(lever, place) &&
      (lever.filter.needs === undefined || lever.filter.needs.includes(place.need as never));

const ayOf = (date: string): number =>
  Number.parseInt(date.slice(0, 4), 10) - (date.slice(5) < '09-01' ? 1 : 0);
/** The date before a `YYYY-MM-DD` date, as text. */
export const dayBefore = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/**
 * A tariff lever as data: the tariff the projection should use (docs/scenarios.md), which charges
 * what the tariff charges (uplift included, the model's `tariffUplift` too) before `fromDate`.
 * - By a share: each matching series gets a row on `fromDate` and on 1 September of each
 *   later ramp year, at the rate then in force (uplifted as declared) × (1 + share × profile);
 *   its published rows after `fromDate` are scaled the same way. Uplift carries on after.
 * - To another tariff: matching settings' series end the day before `fromDate` and the
 *   other table's rows in force on that date (and later) take over, charged as the other table
 *   charges them (its own uplift, and the model's) until the projection ends (`until`).
 * A series is uplifted only past its last row (RateBook), so a row added after it would stop the
 * uplift between: each uplift anniversary there gets a row of the rate then charged. (Without
 * them a lever from April 2027 changed 2026-27's spend, and with a tariffUplift every later year's:
 * a user trial found a 5% cut costed at 9%.)
 */
export function applyTariffLever(
  tariff: Tariff,
  lever: TariffLever,
  modelUplift: Decimal,
  until: string,
): Tariff {
  return lever.tariff
    ? switchTariff(tariff, lever, lever.tariff, modelUplift, until)
    : scaleTariff(tariff, lever, modelUplift);
}

/** The tariff's uplift anniversaries strictly after `after` and strictly before `before`. */
function anniversaries(tariff: Tariff, after: string, before: string): string[] {
  const day = upliftDayOf(tariff);
  const dates: string[] = [];
  for (let year = Number(after.slice(0, 4)); year <= Number(before.slice(0, 4)); year += 1) {
    const date = `${year}-${day}`;
    if (date > after && date < before) dates.push(date);
  }
  return dates;
}

/** A tariff's rates by series (setting, band, need), each in the tariff's order. */
function seriesOf(tariff: Tariff): TariffRate[][] {
  const series = new Map<string, TariffRate[]>();
  for (const rate of tariff.rates) {
    const key = seriesKey(rate.setting, rate.band, rate.need);
    series.set(key, [...(series.get(key) ?? []), rate]);
  }
  return [...series.values()];
}

/** The latest effectiveFrom of `rows`. */
const latest = (rows: readonly TariffRate[]): string =>
  rows.reduce((date, row) => (row.effectiveFrom > date ? row.effectiveFrom : date), '');

function scaleTariff(tariff: Tariff, lever: TariffLever, modelUplift: Decimal): Tariff {
  const share = lever.share ?? ZERO;
  const series = seriesOf(tariff);
  const copies = needSeries(lever, series);
  // The copies charged as their "*" series: in the book the rates in force are looked up in.
  const book = new RateBook({ ...tariff, rates: [...tariff.rates, ...copies.flat()] }, modelUplift);
  const factorOn = (date: string) =>
    date < lever.fromDate ? ONE : ONE.plus(share.times(profileFactor(lever.profile, ayOf(date))));
  const stepDates = [lever.fromDate];
  for (let ay = ayOf(lever.fromDate) + 1; ay <= lever.profile.fullBy; ay += 1)
    stepDates.push(`${ay}-09-01`);
  const rates: TariffRate[] = [];
  for (const rows of [...series, ...copies]) {
    const first = rows[0]!;
    if (!inFilter(lever, first)) {
      rates.push(...rows);
      continue;
    }
    const dates = new Set(rows.map((r) => r.effectiveFrom));
    for (const row of rows) {
      const factor = factorOn(row.effectiveFrom);
      // A factor of 1 (a profile not yet begun) leaves the rate as its table gives it.
      rates.push(
        factor.eq(ONE)
          ? row
          : derivedRow(row, {
              topUp: row.topUp.times(factor),
              notes: `lever ${lever.id}: this rate × ${factor.toString()}`,
            }),
      );
    }
    const added = stepDates.filter((date) => !dates.has(date));
    const last = latest(rows);
    const lastAdded = added.reduce((max, date) => (date > max ? date : max), last);
    const uplifted = anniversaries(tariff, last, lastAdded).filter((date) => !dates.has(date));
    for (const date of [...new Set([...added, ...uplifted])]) {
      const charged = book.seriesInForce(first.setting, first.band, first.need, date);
      if (!charged?.row) continue;
      // Not a rate anyone published: the tariff's row, uplifted (and scaled from `from`).
      rates.push(
        derivedRow(charged.row, {
          effectiveFrom: date,
          topUp: charged.annualTopUp.times(factorOn(date)),
          notes:
            date < lever.fromDate
              ? `the ${charged.row.effectiveFrom} rate uplifted to ${date}, kept by lever ${lever.id} (its row from ${lever.fromDate} would stop the uplift)`
              : `lever ${lever.id}: the rate in force on ${date} × ${factorOn(date).toString()}`,
        }),
      );
    }
  }
  return { ...tariff, rates };
}

function switchTariff(
  tariff: Tariff,
  lever: TariffLever,
  other: Tariff,
  modelUplift: Decimal,
  until: string,
): Tariff {
  const end = dayBefore(lever.fromDate);
  const own = new RateBook(tariff, modelUplift);
  const kept: TariffRate[] = [];
  for (const rows of seriesOf(tariff)) {
    const first = rows[0]!;
    if (!switching(lever, first.setting)) {
      kept.push(...rows);
      continue;
    }
    const before = rows.filter((row) => row.effectiveFrom < lever.fromDate);
    const ending = (row: TariffRate): TariffRate =>
      row.endDate !== undefined && row.endDate < end ? row : { ...row, endDate: end };
    kept.push(...before.map(ending));
    // The other table's rows of this series (if it has the same bands) follow the last kept one.
    if (before.length === 0 || before.length < rows.length) continue;
    for (const date of anniversaries(tariff, latest(before), lever.fromDate)) {
      const charged = own.seriesInForce(first.setting, first.band, first.need, date);
      if (charged?.row)
        kept.push(
          ending(
            derivedRow(charged.row, {
              effectiveFrom: date,
              topUp: charged.annualTopUp,
              notes: `the ${charged.row.effectiveFrom} rate uplifted to ${date}, kept by lever ${lever.id} (the other table's rows from ${lever.fromDate} would stop the uplift)`,
            }),
          ),
        );
    }
  }
  // The other table's series from `from`, as the other table charges them: a row on `from`, on
  // each of its own later rows' dates and on each of its uplift anniversaries until the
  // projection ends. A tariff has one uplift rule, this table's, which would otherwise uplift
  // the other table's rows after their last (a switch to an unuplifted table got this one's 2%).
  const book = new RateBook(other, modelUplift);
  const incoming: TariffRate[] = [];
  for (const rows of seriesOf(other)) {
    const first = rows[0]!;
    if (!switching(lever, first.setting)) continue;
    const later = rows
      .map((row) => row.effectiveFrom)
      .filter((date) => date > lever.fromDate && date < until);
    const dates = [
      ...new Set([lever.fromDate, ...later, ...anniversaries(other, lever.fromDate, until)]),
    ].sort();
    for (const date of dates) {
      const charged = book.seriesInForce(first.setting, first.band, first.need, date);
      if (!charged?.row) continue;
      const asPublished = charged.upliftYears === 0 && charged.row.effectiveFrom === date;
      incoming.push(
        asPublished
          ? { ...charged.row }
          : derivedRow(charged.row, {
              effectiveFrom: date,
              topUp: charged.annualTopUp,
              notes: `the ${charged.row.effectiveFrom} rate of ${other.id} as it charges it on ${date}, for lever ${lever.id}`,
            }),
      );
    }
  }
  const settingIds = new Set(tariff.settings.map((s) => s.id));
  const settings = [
    ...tariff.settings,
    ...other.settings.filter((s) => !settingIds.has(s.id) && switching(lever, s.id)),
  ];
  const cited = withReferencesOf(tariff, other, incoming);
  return { ...tariff, settings, references: cited.references, rates: [...kept, ...cited.rows] };
}
