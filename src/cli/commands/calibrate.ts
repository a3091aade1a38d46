import * as path from 'node:path';
import type { Decimal } from 'decimal.js';
import { academicYearOfJanuary, populationKey } from '../../core/calibrate/history.js';
import { InputError, UsageError } from '../../core/errors.js';
import { yearHint } from '../../core/year-hint.js';
import { error, type Issue } from '../../core/issue.js';
import { formatAcademicYear, formatFinancialYear, parseFinancialYear } from '../../core/period.js';
import { calibrate, defaultHorizon } from '../../io/calibrate-history.js';
import { displayPath } from '../../io/files.js';
import { refuseFilledFolder } from '../../io/init-model.js';
import { writeModelFolder } from '../write-or-print.js';
import { cliIo } from '../cli-io.js';
import { shellWord } from '../shell-word.js';
import { fitText } from '../../report/fit-width.js';
import { formatIssues } from '../print-issues.js';
import { issuePaint, messageWidth } from '../terminal.js';
import { fitYearsRange, type HistoryOptions, loadHistory, twoYears } from './history-input.js';
import { andList } from '../../core/words.js';

export interface CalibrateOptions extends HistoryOptions {
  readonly outDir: string;
  readonly fitYears?: string;
  readonly horizon?: string;
  readonly area?: string;
  readonly name?: string;
  readonly quiet?: boolean;
}

/** --fit-years FROM-TO: calendar years of the history's rows (January FROM to January TO + 1), inside the history. */
export function fitYears(
  text: string | undefined,
  first: number,
  last: number,
): { first: number; last: number } {
  if (text === undefined) return { first, last: last - 1 };
  const range = fitYearsRange(text);
  const backwards = range ? undefined : twoYears(text);
  if (backwards)
    throw new UsageError(
      `--fit-years "${text}" runs backwards: write it ${backwards.last}-${backwards.first}, the earlier year first`,
    );
  if (!range)
    throw new UsageError(`--fit-years must be two calendar years such as 2018-2023, not "${text}"`);
  const { first: from, last: to } = range;
  if (from < first || to > last - 1)
    throw new UsageError(
      `--fit-years ${text} is outside the history: its rows run from ${first} to ${last - 1} (January ${first} to January ${last})`,
    );
  return { first: from, last: to };
}

/** `highneeds calibrate --out-dir DIR`: a runnable model folder fitted to an authority's history. */
export async function runCalibrate(options: CalibrateOptions): Promise<number> {
  refuseFilledFolder(options.outDir, '--out-dir');
  const loaded = loadHistory(options, 2);
  const { history, population } = loaded;
  const years = fitYears(options.fitYears, history.first, history.last);
  const baseYear = academicYearOfJanuary(history.last);
  const horizon = horizonOf(options.horizon, baseYear, population);
  const code = (options.area ?? '000').trim();
  const calibration = calibrate(loaded, {
    fitYears: years,
    horizon,
    area: { code, name: (options.name ?? 'Calibrated authority').trim() },
    // Named as given (from the working folder), the README's inputs made the same run from another folder write another README (found by a probe).
    outDir: options.outDir,
  });
  const { fit } = calibration;
  const issues: Issue[] = [...loaded.issues];
  checkProjectedPopulation(
    fit.newPlans.map((r) => r.ncy),
    baseYear,
    horizon,
    population,
    options.population!,
    issues,
  );
  // model.json needs an area code; an empty one would write a folder validate then refuses.
  if (code === '') throw new UsageError('--area needs a code, such as 880');
  if (issues.length) cliIo().stderr.write(formatIssues(issues, await issuePaint()));
  const written = await writeModelFolder(
    options.outDir,
    '--out-dir',
    calibration.files,
    loaded.sources,
  );
  cliIo().stdout.write(written.map((target) => `${displayPath(target)}\n`).join(''));
  if (!options.quiet) {
    const where = displayPath(path.resolve(options.outDir));
    const said = [
      `highneeds: fitted ${fit.ceasing.length} ceasing, ${fit.transitions.length} transition and ${fit.newPlans.length} new-plan rates to January ${years.first}–January ${years.last + 1}; base year ${formatAcademicYear(baseYear)}, horizon ${formatFinancialYear(horizon)}`,
      `Fill in ${path.join(where, 'tariff.json')} and ${path.join(where, 'funding.csv')} (the folder's README.md says what), then:`,
    ].map((line) => fitText(line, messageWidth()));
    cliIo().stderr.write([...said, `  highneeds project ${shellWord(where)}`, ''].join('\n'));
  }
  return 0;
}

/** The horizon given, or DEFAULT_HORIZON_YEARS from the base year, no further than the population file goes. */
function horizonOf(
  text: string | undefined,
  baseYear: number,
  population: ReadonlyMap<string, Decimal>,
): number {
  const first = baseYear + 1;
  if (text !== undefined) {
    const horizon = parseFinancialYear(text);
    // 2028/29 or 2028–29 told how to write it, as explain --year is (found by an officer's trial).
    const hint = horizon === undefined ? yearHint(text, 'financial') : undefined;
    if (horizon === undefined || horizon < first)
      throw new UsageError(
        `--horizon must be a financial year from ${formatFinancialYear(first)} (the first after the last January), written like ${formatFinancialYear(first)}; not "${text}"${hint ? `: ${hint}` : ''}`,
      );
    return horizon;
  }
  return defaultHorizon(baseYear, population);
}

/** The projection needs the population of each NCY new plans join at, in every projected January. */
function checkProjectedPopulation(
  ncys: readonly number[],
  baseYear: number,
  horizon: number,
  population: ReadonlyMap<string, Decimal>,
  file: string,
  issues: Issue[],
): void {
  const missing: string[] = [];
  /** The first projected AY the population lacks at some NCY: the horizon can run to the FY before it. */
  let firstLacking = horizon + 1;
  const joined = [...new Set(ncys)].sort((a, b) => a - b);
  // By year: a year the file lacks at every NCY is said once, not once an NCY (an analyst's trial
  // read "NCY -1 in 2031/32, NCY 0 in 2031/32, NCY 1 in 2031/32 and 10 more" for one year missing).
  const wholeYears: string[] = [];
  for (let ay = baseYear + 1; ay <= horizon; ay += 1) {
    const lacking = joined.filter((ncy) => !population.has(populationKey(ay + 1, ncy)));
    if (lacking.length === 0) continue;
    firstLacking = Math.min(firstLacking, ay);
    if (lacking.length === joined.length && joined.length > 1)
      wholeYears.push(formatAcademicYear(ay));
    else missing.push(...lacking.map((ncy) => `NCY ${ncy} in ${formatAcademicYear(ay)}`));
  }
  if (wholeYears.length) missing.unshift(`every NCY new plans join at in ${andList(wholeYears)}`);
  if (missing.length === 0) return;
  // Named, not left to be worked out from the rows (an analyst's trial).
  const reach = formatFinancialYear(firstLacking - 1);
  issues.push(
    error(
      'POPULATION_MISSING',
      `new plans are fitted per head, but the population file has no population for ${andList(missing.length > 3 ? [...missing.slice(0, 3), `${missing.length - 3} more`] : missing)}, projected years to ${formatFinancialYear(horizon)}`,
      { file: displayPath(path.resolve(file)) },
      // Where the first projected year lacks it there is none earlier: ONS estimates alone end at the last January
      // of the history, which a user trial gave and was told to take an earlier --horizon.
      firstLacking > baseYear + 1
        ? `give the population forecast for every projected year, or an earlier --horizon: the population given reaches ${reach} (--horizon ${reach})`
        : `the projection starts in ${formatAcademicYear(baseYear + 1)}, so the population needs a forecast of January ${baseYear + 2} at least: ONS subnational population projections by single year of age, turned into NCYs as the estimates are`,
    ),
  );
  throw new InputError(issues);
}
