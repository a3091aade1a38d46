import type { Decimal } from 'decimal.js';
import {
  type CalibratedSpec,
  calibratedModel,
  STUB_BAND,
} from '../core/calibrate/calibrated-model.js';
import type { FitTotal } from '../core/calibrate/fit-totals.js';
import type { FittedRate } from '../core/calibrate/fitted.js';
import { Dec } from '../core/decimal.js';
import { formatAcademicYear, formatFinancialYear } from '../core/period.js';
import type { Tariff } from '../core/tariff.js';
import { calibratedReadme } from './calibrated-readme.js';
import type { TemplateFile } from './init-template.js';

/** A CSV line; a cell with a comma, quote or line break is quoted. */
const line = (cells: readonly string[]): string =>
  `${cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',')}\n`;

const csv = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  line(header) + rows.map(line).join('');

/** observed, exposure and rate as written (src/core/calibrate/fitted.ts): observed ÷ exposure = rate. */
const uncertainty = (r: FittedRate): string[] => [r.observed.toFixed(), r.exposure.toFixed()];

/** Counts in calibration.csv's totals: expected values to 2 dp. */
const count2 = (n: number): string => new Dec(n).toFixed(2, Dec.ROUND_HALF_UP);

export interface CalibrationRun {
  readonly spec: CalibratedSpec;
  readonly totals: readonly FitTotal[];
  /** The calendar years of the steps fitted, and what calibrate was run with, for the README. */
  readonly fitYears: { readonly first: number; readonly last: number };
  readonly weight: Decimal;
  readonly sources: readonly string[];
}

/** The model folder calibrate writes (docs/calibration.md, "What calibrate writes"), ready for writeModelFolder. */
export function calibratedFiles(run: CalibrationRun): TemplateFile[] {
  const { spec } = run;
  const model = calibratedModel(spec);
  const { fit } = spec;
  const manifest = {
    area: spec.area,
    baseYear: formatAcademicYear(spec.baseYear),
    horizon: formatFinancialYear(spec.horizon),
    tariff: 'tariff.json',
    assumptions: { newPlansGrowth: '0', hnbGrowth: '0', tariffUplift: '0' },
  };
  return [
    { name: 'model.json', text: `${JSON.stringify(manifest, null, 2)}\n` },
    {
      name: 'cohort.csv',
      text: csv(
        ['ncy', 'need', 'setting', 'band', 'count'],
        model.cohort.map((c) => [String(c.ncy), c.need, c.setting, c.band, c.count.toFixed()]),
      ),
    },
    {
      name: 'ceasing.csv',
      text: csv(
        ['ncy', 'rate', 'need', 'setting', 'observed', 'exposure'],
        fit.ceasing.map((r) => [
          String(r.ncy),
          r.rate.toFixed(),
          r.need ?? '',
          r.setting ?? '',
          ...uncertainty(r),
        ]),
      ),
    },
    {
      name: 'transitions.csv',
      text: csv(
        [
          'from_ncy',
          'from_setting',
          'to_setting',
          'rate',
          'need',
          'to_need',
          'observed',
          'exposure',
        ],
        fit.transitions.map((r) => [
          String(r.fromNcy),
          r.fromSetting,
          r.toSetting,
          r.rate.toFixed(),
          r.need ?? '',
          r.toNeed ?? '',
          ...uncertainty(r),
        ]),
      ),
    },
    {
      name: 'new-plans.csv',
      text: csv(
        ['ncy', 'need', 'setting', 'band', 'rate', 'observed', 'exposure'],
        fit.newPlans.map((r) => [
          String(r.ncy),
          r.need,
          r.setting,
          STUB_BAND,
          r.rate.toFixed(),
          ...uncertainty(r),
        ]),
      ),
    },
    {
      name: 'population.csv',
      text: csv(
        ['academic_year', 'ncy', 'population'],
        (model.population ?? []).map((p) => [
          formatAcademicYear(p.academicYear),
          String(p.ncy),
          p.population.toFixed(),
        ]),
      ),
    },
    { name: 'tariff.json', text: tariffJson(model.tariff) },
    {
      name: 'funding.csv',
      text: csv(
        ['financial_year', 'line', 'amount', 'note'],
        [
          [
            formatFinancialYear(spec.baseYear),
            'opening_balance',
            '0.00',
            'fill in: the DSG high-needs balance at the end of this year',
          ],
          [
            formatFinancialYear(spec.baseYear + 1),
            'hnb_allocation',
            '0.00',
            'fill in: the high needs block allocation',
          ],
        ],
      ),
    },
    { name: 'calibration.csv', text: calibrationCsv(run) },
    { name: 'README.md', text: calibratedReadme(run) },
  ];
}

/** The stub as the tariff format writes it: amounts as decimal strings. */
function tariffJson(tariff: Tariff): string {
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
function calibrationCsv(run: CalibrationRun): string {
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
      count2(t.actual),
      count2(t.fitted),
    ]),
  ];
  return csv(CALIBRATION_COLUMNS, rows);
}
