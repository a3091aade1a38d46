import type { Decimal } from 'decimal.js';
import { calibratedModel, type CalibratedSpec } from '../core/calibrate/calibrated-model.js';
import { fitRates } from '../core/calibrate/fit.js';
import { fitTotals, type FitTotal } from '../core/calibrate/fit-totals.js';
import type { Fit } from '../core/calibrate/fitted.js';
import { academicYearOfJanuary, januaryStates, stepsBetween } from '../core/calibrate/history.js';
import { UsageError } from '../core/errors.js';
import type { Model } from '../core/model.js';
import { checkOptionNames } from '../core/option-names.js';
import type { AcademicYear, FinancialYear } from '../core/period.js';
import { calibratedFiles } from './calibrated-files.js';
import type { TemplateFile } from './init-template.js';
import type { LoadedHistory } from './load-history.js';
import { provenanceName } from './provenance-name.js';
import { checkCalibrateOptions } from './calibrate-options.js';

/** How far a calibrated model runs by default: this many financial years, or as far as the population goes. */
const DEFAULT_HORIZON_YEARS = 5;

export interface CalibrateOptions {
  /** Calendar years of the history's rows to fit on (January `first` to January `last` + 1); default all. */
  readonly fitYears?: { readonly first: number; readonly last: number };
  /** The last projected FY; default five from the base year, no further than the population goes. */
  readonly horizon?: FinancialYear;
  /** model.json's area; default code "000", "Calibrated authority". */
  readonly area?: { readonly code: string; readonly name: string };
  /**
   * The folder the files are to be written to: the README names the input files from there, as a
   * manifest names its inputs, so the same run from another working folder writes the same bytes.
   * Without it they are named as given.
   */
  readonly outDir?: string;
}

/** What calibrate fits, and the model folder it writes (docs/calibration.md). */
export interface Calibration {
  /** The calibrated model, as `loadModel` would read the folder: `project(calibration.model)` runs it. */
  readonly model: Model;
  readonly fit: Fit;
  /** Fitted against actual totals for each fit year (calibration.csv's second part). */
  readonly totals: readonly FitTotal[];
  readonly fitYears: { readonly first: number; readonly last: number };
  readonly baseYear: AcademicYear;
  readonly horizon: FinancialYear;
  /** The folder `highneeds calibrate --out-dir` writes, file by file: name (relative) and text. */
  readonly files: readonly TemplateFile[];
}

/**
 * `highneeds calibrate` as a function (docs/calibration.md): fits the rates of a history read by
 * `loadHistory` and builds the model folder from them, without writing anything. Pure: the same
 * history and options give the same model and the same bytes. Throws UsageError when `fitYears`
 * is outside the history, and TypeError for options of the wrong shape.
 */
export function calibrate(loaded: LoadedHistory, options: CalibrateOptions = {}): Calibration {
  checkOptionNames<CalibrateOptions>(
    'calibrate',
    options,
    { fitYears: true, horizon: true, area: true, outDir: true },
    `{ area: { code: '880', name: 'My authority' } }`,
  );
  checkCalibrateOptions(options);
  const { history, population, weight } = loaded;
  const { outDir } = options;
  const sources =
    outDir === undefined
      ? loaded.sources
      : loaded.sources.map((file) => provenanceName(outDir, file));
  const years = options.fitYears ?? { first: history.first, last: history.last - 1 };
  if (years.first > years.last || years.first < history.first || years.last > history.last - 1)
    throw new UsageError(
      `fit years ${years.first}-${years.last} are outside the history: its rows run from ${history.first} to ${history.last - 1}`,
    );
  const steps = stepsBetween(history, years.first, years.last);
  const fit = fitRates(steps, { weight, population });
  const baseYear = academicYearOfJanuary(history.last);
  const spec: CalibratedSpec = {
    area: options.area ?? { code: '000', name: 'Calibrated authority' },
    baseYear,
    horizon: options.horizon ?? defaultHorizon(baseYear, population),
    fit,
    cohort: januaryStates(history, history.last),
    settings: loaded.settings,
    population,
    costs: loaded.costs,
  };
  const totals = fitTotals(steps, fit, population);
  return {
    model: calibratedModel(spec),
    fit,
    totals,
    fitYears: years,
    baseYear,
    horizon: spec.horizon,
    files: calibratedFiles({ spec, totals, fitYears: years, weight, sources }),
  };
}

/** DEFAULT_HORIZON_YEARS from the base year, no further than the population goes (nor before the first projected year). */
export function defaultHorizon(
  baseYear: AcademicYear,
  population: ReadonlyMap<string, Decimal>,
): FinancialYear {
  let lastJanuary = 0;
  for (const key of population.keys())
    lastJanuary = Math.max(lastJanuary, Number(key.split(':')[0]));
  return Math.max(baseYear + 1, Math.min(baseYear + DEFAULT_HORIZON_YEARS, lastJanuary - 1));
}
