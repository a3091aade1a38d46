import type { Tariff } from '../core/tariff.js';
import { renderCsv } from './csv.js';
import { amountText } from './tariff-json.js';

/** The spreadsheet form of a tariff: one CSV per part, so an officer can edit bands in Excel. */
export const TARIFF_CSV_COLUMNS = {
  'tariff.csv': ['field', 'value'],
  'references.csv': ['id', 'title', 'url'],
  'settings.csv': [
    'setting',
    'label',
    'place_value',
    'basis',
    'status',
    'reference',
    'notes',
    'place_funded_by',
    'unoccupied_place_value',
  ],
  'bands.csv': ['setting', 'band', 'label', 'notes'],
  'rates.csv': [
    'effective_from',
    'end_date',
    'setting',
    'band',
    'need',
    'top_up',
    'basis',
    'status',
    'reference',
    'notes',
  ],
} as const;

export type TariffCsvFile = keyof typeof TARIFF_CSV_COLUMNS;

export function exportTariffCsv(tariff: Tariff): Record<TariffCsvFile, string> {
  const uplift = tariff.uplift;
  // Text that Excel would run as a formula gets a leading ' (as in every CSV output); import takes it off again.
  const csv = (file: TariffCsvFile, rows: Record<string, string>[]) =>
    renderCsv(TARIFF_CSV_COLUMNS[file], rows);
  return {
    'tariff.csv': csv('tariff.csv', [
      { field: 'id', value: tariff.id },
      { field: 'title', value: tariff.title },
      { field: 'currency', value: tariff.currency },
      { field: 'uplift_method', value: uplift.method },
      ...(uplift.method === 'percent'
        ? [
            { field: 'uplift_annual_rate', value: uplift.annualRate.toFixed() },
            { field: 'uplift_on', value: uplift.on },
          ]
        : []),
      ...(tariff.notes ? [{ field: 'notes', value: tariff.notes }] : []),
    ]),
    'references.csv': csv(
      'references.csv',
      tariff.references.map((r) => ({ id: r.id ?? '', title: r.title, url: r.url })),
    ),
    'settings.csv': csv(
      'settings.csv',
      tariff.settings.map((s) => ({
        setting: s.id,
        label: s.label,
        place_value: amountText(s.placeValue),
        basis: s.basis ?? '',
        status: s.status ?? '',
        reference: s.reference ?? '',
        notes: s.notes ?? '',
        place_funded_by: s.placeFundedBy ?? '',
        unoccupied_place_value: s.unoccupiedPlaceValue ? amountText(s.unoccupiedPlaceValue) : '',
      })),
    ),
    'bands.csv': csv(
      'bands.csv',
      (tariff.bands ?? []).map((b) => ({
        setting: b.setting,
        band: b.band,
        label: b.label,
        notes: b.notes ?? '',
      })),
    ),
    'rates.csv': csv(
      'rates.csv',
      tariff.rates.map((r) => ({
        effective_from: r.effectiveFrom,
        end_date: r.endDate ?? '',
        setting: r.setting,
        band: r.band,
        need: r.need,
        top_up: amountText(r.topUp),
        basis: r.basis ?? '',
        status: r.status ?? '',
        reference: r.reference ?? '',
        notes: r.notes ?? '',
      })),
    ),
  };
}
