import type { Decimal } from 'decimal.js';
import type { Provenance, Tariff } from '../core/tariff.js';

/** Amounts as written in tariff files: two decimals, or every decimal the value has if more. */
export function amountText(value: Decimal): string {
  return value.decimalPlaces() <= 2 ? value.toFixed(2) : value.toFixed();
}

const provenance = (p: Provenance) => ({
  ...(p.basis ? { basis: p.basis } : {}),
  ...(p.status ? { status: p.status } : {}),
  ...(p.reference ? { reference: p.reference } : {}),
  ...(p.notes ? { notes: p.notes } : {}),
});

/**
 * A tariff in the file format, in canonical order (settings and rates as declared), so
 * two tables that say the same thing print the same bytes: what import writes, and what
 * the round-trip test compares.
 */
export function tariffJson(tariff: Tariff): string {
  const document = {
    id: tariff.id,
    title: tariff.title,
    currency: tariff.currency,
    references: tariff.references.map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      title: r.title,
      url: r.url,
    })),
    settings: tariff.settings.map((s) => ({
      id: s.id,
      label: s.label,
      placeValue: amountText(s.placeValue),
      ...(s.placeFundedBy ? { placeFundedBy: s.placeFundedBy } : {}),
      ...(s.unoccupiedPlaceValue
        ? { unoccupiedPlaceValue: amountText(s.unoccupiedPlaceValue) }
        : {}),
      ...provenance(s),
    })),
    ...(tariff.bands?.length
      ? {
          bands: tariff.bands.map((b) => ({
            setting: b.setting,
            band: b.band,
            label: b.label,
            ...(b.notes ? { notes: b.notes } : {}),
          })),
        }
      : {}),
    rates: tariff.rates.map((r) => ({
      effectiveFrom: r.effectiveFrom,
      ...(r.endDate ? { endDate: r.endDate } : {}),
      setting: r.setting,
      band: r.band,
      need: r.need,
      topUp: amountText(r.topUp),
      ...provenance(r),
    })),
    uplift:
      tariff.uplift.method === 'none'
        ? { method: 'none' }
        : {
            method: 'percent',
            annualRate: tariff.uplift.annualRate.toFixed(),
            on: tariff.uplift.on,
          },
    ...(tariff.notes ? { notes: tariff.notes } : {}),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
