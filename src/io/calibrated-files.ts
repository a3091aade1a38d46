import type { Decimal } from 'decimal.js';
import {
  type CalibratedSpec,
  calibratedModel,
  STUB_BAND,
} from '../core/calibrate/calibrated-model.js';
import type { FitTotal } from '../core/calibrate/fit-totals.js';
import { formatAcademicYear, formatFinancialYear } from '../core/period.js';
import { calibratedReadme } from './calibrated-readme.js';
import { calibrationCsv, csv, tariffJson, uncertainty } from './calibrated-text.js';
import type { TemplateFile } from './init-template.js';

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
