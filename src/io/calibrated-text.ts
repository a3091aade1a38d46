import type { FittedRate } from '../core/calibrate/fitted.js';
import { csvText } from '../core/csv-text.js';
import { Dec } from '../core/decimal.js';
import { double2dp } from '../core/rounding.js';
import type { Tariff } from '../core/tariff.js';
import type { CalibrationRun } from './calibrated-files.js';

/** The text of calibrate's own files: CSV lines, the rates' pseudo-counts, calibration.csv and the stub as JSON. */

export const csv = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  csvText([header, ...rows]);

/** observed, exposure and rate as written (src/core/calibrate/fitted.ts): observed ÷ exposure = rate. */
export const uncertainty = (r: FittedRate): string[] => [
  r.observed.toFixed(),
  r.exposure.toFixed(),
];

/** The stub as the tariff format writes it: amounts as decimal strings. */
export function tariffJson(tariff: Tariff): string {
  const json = {
    id: tariff.id,
    title: tariff.title,
    currency: tariff.currency,
    references: tariff.references,
    settings: tariff.settings.map((s) => ({
      id: s.id,
      label: s.label,
      placeValue: s.placeValue.toFixed(2),
      status: s.status,
      notes: s.notes,
    })),
    rates: tariff.rates.map((r) => ({
      effectiveFrom: r.effectiveFrom,
      setting: r.setting,
      band: r.band,
      need: r.need,
      topUp: r.topUp.toFixed(2),
      basis: r.basis,
      status: r.status,
      notes: r.notes,
    })),
    uplift: { method: 'none' },
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

const CALIBRATION_COLUMNS = [
  'kind',
  'file',
  'ncy',
  'need',
  'setting',
  'to_setting',
  'to_need',
  'level',
  'numerator',
  'exposure_seen',
  'parent_rate',
  'observed',
  'exposure',
  'rate',
  'january',
  'measure',
  'actual',
  'fitted',
] as const;

/** Every fitted rate with what it came from, then fitted against actual one year ahead in each fit year. */
export function calibrationCsv(run: CalibrationRun): string {
  const { fit } = run.spec;
  const rate = (file: string, cells: string[], r: FittedRate): string[] => [
    'rate',
    file,
    ...cells,
    r.level,
    String(r.numerator),
    r.seen.toFixed(),
    r.parent.toDecimalPlaces(10, Dec.ROUND_HALF_UP).toFixed(),
    ...uncertainty(r),
    r.rate.toFixed(),
    '',
    '',
    '',
    '',
  ];
  const rows = [
    ...fit.ceasing.map((r) =>
      rate('ceasing.csv', [String(r.ncy), r.need ?? '', r.setting ?? '', '', ''], r),
    ),
    ...fit.transitions.map((r) =>
      rate(
        'transitions.csv',
        [String(r.fromNcy), r.need ?? '', r.fromSetting, r.toSetting, r.toNeed ?? ''],
        r,
      ),
    ),
    ...fit.newPlans.map((r) =>
      rate('new-plans.csv', [String(r.ncy), r.need, r.setting, '', ''], r),
    ),
    ...run.totals.map((t) => [
      'total',
      ...Array<string>(13).fill(''),
      String(t.january),
      t.measure,
      double2dp(t.actual),
      double2dp(t.fitted),
    ]),
  ];
  return csv(CALIBRATION_COLUMNS, rows);
}
