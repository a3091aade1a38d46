import { ONE, ZERO } from '../decimal.js';
import { RateBook } from '../rate-book.js';
import type { Tariff, TariffRate } from '../tariff.js';
import { profileFactor } from './profile.js';
import type { TariffLever } from './types.js';

const inFilter = (lever: TariffLever, rate: TariffRate): boolean =>
  (lever.filter.settings === undefined || lever.filter.settings.includes(rate.setting)) &&
  (lever.filter.bands === undefined || lever.filter.bands.includes(rate.band)) &&
  (lever.filter.needs === undefined || rate.need === '*' || lever.filter.needs.includes(rate.need));

const ayOf = (date: string): number =>
  Number.parseInt(date.slice(0, 4), 10) - (date.slice(5) < '09-01' ? 1 : 0);
const dayBefore = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/**
 * A tariff lever as data: the tariff the projection should use (docs/scenarios.md).
 * - By a share: each matching series gets a row on `fromDate` and on 1 September of each
 *   later ramp year, at the rate then in force (uplifted as declared) × (1 + share × profile);
 *   its published rows after `fromDate` are scaled the same way. Uplift carries on after.
 * - To another tariff: matching settings' series end the day before `fromDate` and the
 *   other table's rows in force on that date (and later) take over.
 */
export function applyTariffLever(tariff: Tariff, lever: TariffLever): Tariff {
  return lever.tariff ? switchTariff(tariff, lever, lever.tariff) : scaleTariff(tariff, lever);
}

function scaleTariff(tariff: Tariff, lever: TariffLever): Tariff {
  const share = lever.share ?? ZERO;
  const book = new RateBook(tariff, ZERO);
  const factorOn = (date: string) =>
    ONE.plus(share.times(profileFactor(lever.profile, ayOf(date))));
  const stepDates = [lever.fromDate];
  for (let ay = ayOf(lever.fromDate) + 1; ay <= lever.profile.fullBy; ay += 1)
    stepDates.push(`${ay}-09-01`);
  const rates: TariffRate[] = [];
  const series = new Map<string, TariffRate[]>();
  for (const rate of tariff.rates) {
    const key = `${rate.setting}\u0000${rate.band}\u0000${rate.need}`;
    series.set(key, [...(series.get(key) ?? []), rate]);
  }
  for (const rows of series.values()) {
    const first = rows[0]!;
    if (!inFilter(lever, first)) {
      rates.push(...rows);
      continue;
    }
    const dates = new Set(rows.map((r) => r.effectiveFrom));
    for (const row of rows)
      rates.push(
        row.effectiveFrom >= lever.fromDate
          ? {
              ...row,
              topUp: row.topUp.times(factorOn(row.effectiveFrom)),
              notes: `scaled by lever ${lever.id}`,
            }
          : row,
      );
    for (const date of stepDates) {
      if (dates.has(date)) continue;
      const charged = book.seriesInForce(first.setting, first.band, first.need, date);
      if (!charged?.row) continue;
      rates.push({
        ...charged.row,
        effectiveFrom: date,
        topUp: charged.annualTopUp.times(factorOn(date)),
        notes: `lever ${lever.id}`,
      });
    }
  }
  return { ...tariff, rates };
}

function switchTariff(tariff: Tariff, lever: TariffLever, other: Tariff): Tariff {
  const switching = (setting: string) =>
    lever.filter.settings === undefined || lever.filter.settings.includes(setting);
  const end = dayBefore(lever.fromDate);
  const kept = tariff.rates.flatMap((row): TariffRate[] => {
    if (!switching(row.setting)) return [row];
    if (row.effectiveFrom >= lever.fromDate) return [];
    return [row.endDate !== undefined && row.endDate < end ? row : { ...row, endDate: end }];
  });
  const book = new RateBook(other, ZERO);
  const incoming = new Map<string, TariffRate>();
  const taken: TariffRate[] = [];
  for (const row of other.rates) {
    if (!switching(row.setting)) continue;
    if (row.effectiveFrom >= lever.fromDate) {
      taken.push(row);
      continue;
    }
    const charged = book.seriesInForce(row.setting, row.band, row.need, lever.fromDate);
    if (charged?.row)
      incoming.set(`${row.setting}\u0000${row.band}\u0000${row.need}`, {
        ...charged.row,
        effectiveFrom: lever.fromDate,
        topUp: charged.annualTopUp,
      });
  }
  const settingIds = new Set(tariff.settings.map((s) => s.id));
  const settings = [
    ...tariff.settings,
    ...other.settings.filter((s) => !settingIds.has(s.id) && switching(s.id)),
  ];
  return { ...tariff, settings, rates: [...kept, ...incoming.values(), ...taken] };
}
