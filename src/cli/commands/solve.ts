import { performance } from 'node:perf_hooks';
import type { Decimal } from 'decimal.js';
import { parseDecimal } from '../../core/decimal.js';
import { InputError, UsageError } from '../../core/errors.js';
import { whyNotGrowth } from '../../core/growth.js';
import { formatFinancialYear } from '../../core/period.js';
import { ProjectionCache } from '../../core/demand/cache.js';
import { projectScenario } from '../../core/scenario/apply.js';
import { hasLeftOutIncome, underlyingInYearBalance } from '../../core/underlying-balance.js';
import { DEFAULT_TOLERANCE, metricOf, solve, type Target } from '../../core/scenario/goal-seek.js';
import { type Scenario } from '../../core/scenario/types.js';
import { fitText } from '../../report/fit-width.js';
import { figure, renderRecords } from '../../report/records.js';
import { checkOutputOption } from '../../io/write-output.js';
import { writeOrPrint } from '../write-or-print.js';
import { findScenario, type ModelOptions, openModel } from '../open-model.js';
import { type Format, outputFormat, withBom } from '../output-format.js';
import { scenarioFromScenarios } from '../scenario-spelling.js';
import { tableWidth } from '../terminal.js';
import { defaultModelDir } from '../version.js';
import { cliIo } from '../cli-io.js';
import { printWarnings } from '../print-warnings.js';
import { poundsText } from '../../core/money-text.js';
import type { Issue } from '../../core/issue.js';
import { warningsJson } from '../warnings-json.js';
import type { Projection } from '../../core/projection.js';
import { addedTransferWarnings } from '../../core/scenario/added-transfers.js';
import { leftOutOfInYear } from '../../report/headline.js';
import {
  checkShareRange,
  checkTargetYear,
  parameter,
  parseRange,
  parseTarget,
} from './solve-arguments.js';

export interface SolveOptions extends ModelOptions {
  readonly target: string;
  readonly vary: string;
  readonly range: string;
  readonly scenario?: string;
  readonly tolerance?: string;
  readonly format?: Format;
  readonly out?: string;
  readonly bom?: boolean;
  readonly quiet?: boolean;
  /** compare's spelling, taken as --scenario when it names one scenario. */
  readonly scenarios?: string;
}

/** `highneeds solve`: goal-seek one parameter so that a target holds. */
export async function runSolve(
  dirArgument: string | undefined,
  given: SolveOptions,
): Promise<number> {
  const options: SolveOptions = { ...given, ...scenarioFromScenarios('solve', given) };
  const target = parseTarget(options.target);
  const [low, high] = parseRange(options.range);
  // A growth is searched only where model.json could give it (src/core/growth.ts): a range up to 5
  // would try 500% a year, and the answer would be money no file could make.
  const growthBound = options.vary.startsWith('assumption:')
    ? [low, high].find((bound) => whyNotGrowth(bound) !== undefined)
    : undefined;
  if (growthBound)
    throw new UsageError(
      `--range "${options.range}": ${options.vary} at ${growthBound.toString()} is ${whyNotGrowth(growthBound)!}`,
    );
  const tolerance =
    options.tolerance === undefined ? DEFAULT_TOLERANCE : parseDecimal(options.tolerance);
  if (!tolerance || !tolerance.greaterThan(0))
    throw new UsageError('--tolerance must be a positive decimal');
  const format = outputFormat(options);
  withBom('', format, options.bom);
  // Before the search, which can take a while: `--out ''` once wrote the answer to stdout, exit 0.
  checkOutputOption('--out', options.out);
  const dir = dirArgument ?? defaultModelDir();
  const open = await openModel(dir, {
    ...options,
    reading: { quiet: Boolean(options.quiet), json: format === 'json' },
  });
  checkOutputOption(
    '--out',
    options.out,
    open.inputs.map((input) => input.path),
  );
  const scenario: Scenario = options.scenario
    ? findScenario(open, options.scenario)
    : {
        id: 'model',
        label: 'the model as given',
        assumptions: {},
        funding: [],
        levers: [],
        inheritedLevers: 0,
      };
  checkTargetYear(options.target, target, open.model);
  const variant = parameter(options.vary, scenario, open.scenarios);
  checkShareRange(options, scenario, low, high);
  const started = performance.now();
  // Every run projects the same model: what depends on it alone is made once.
  const cache = new ProjectionCache();
  // Each run's warnings, for those of the projection at the answer.
  const warningsOf = new WeakMap<Projection, readonly Issue[]>();
  let result;
  try {
    result = solve(
      // The answer prints money by FY: no run needs the flows by setting.
      (value) => {
        const outcome = projectScenario(open.model, variant(value), undefined, {
          cache,
          flows: false,
        });
        if (outcome.projection) warningsOf.set(outcome.projection, outcome.issues);
        return outcome.projection;
      },
      target,
      low,
      high,
      tolerance,
    );
  } catch (cause) {
    if (cause instanceof RangeError)
      throw new InputError([
        { severity: 'error', code: 'NO_RATE_IN_FORCE', message: cause.message },
      ]);
    throw cause;
  }
  const elapsed = performance.now() - started;
  const timing = `${result.runs} projections in ${elapsed.toFixed(0)} ms (${(elapsed / result.runs).toFixed(1)} ms each)`;
  // --quiet: no run time (its help says so), but a run with no answer still says why.
  const after = options.quiet ? '' : ` ${timing}`;
  const goal = `${target.metric} ${target.comparison} ${poundsText(target.threshold)} in ${formatFinancialYear(target.year)}`;
  // The model's and scenario's warnings, and the answer's (a transfer above the Forum's 0.5%), as project prints them.
  const warnings: Issue[] = [
    ...open.issues,
    ...('projection' in result
      ? [
          ...(warningsOf.get(result.projection) ?? []),
          ...addedTransferWarnings(open.model, variant(result.value)),
        ]
      : []),
  ];
  await printWarnings(warnings);
  // No answer is not data: the reason goes to stderr, nothing to stdout or --out.
  if (result.kind === 'not-monotone') {
    cliIo().stderr.write(
      `No answer: ${options.vary} does not move ${target.metric} one way over ${options.range} (samples: ${result.samples.map((s) => `${s.value.toString()} → margin ${poundsText(s.margin)}`).join('; ')}). Narrow the range.${after}\n`,
    );
    return 4;
  }
  if (result.kind === 'unreachable') {
    cliIo().stderr.write(
      `No value of ${options.vary} in ${options.range} meets ${goal}: at best (${result.best.toString()}) it is ${poundsText(result.bestMargin.negated())} short.${after}\n`,
    );
    return 4;
  }
  const verb =
    result.kind === 'already-met' ? 'is already met at the start of the range,' : 'holds from';
  const achieved = metricOf(result.projection, target)!;
  const answer = `${goal} ${verb} ${options.vary} = ${result.value.toFixed()} (to within ${tolerance.toString()}; ${target.metric} there${basisNote(result.projection, target)}: ${poundsText(achieved)}).`;
  // A transfer's answer in pounds, a sentence of its own after the answer (whose form scripts read).
  const transfer = transferNote(variant(result.value), result.projection);
  const rows = result.projection.years.map((y) => ({
    financial_year: formatFinancialYear(y.financialYear),
    spend_total: figure(y.spendTotal),
    income_total: figure(y.income.total),
    in_year_balance: figure(y.inYearBalance),
    cumulative_balance: figure(y.cumulativeBalance),
    underlying_in_year_balance: figure(underlyingInYearBalance(y)),
    target: options.target,
    vary: options.vary,
    value: { figure: result.value.toFixed() },
  }));
  // The underlying balance last, as in project's CSV; the table has it beside the in-year
  // balance, and only where it differs (a year with Safety Valve or write-off income).
  const table = format === 'table';
  const beside = table && hasLeftOutIncome(result.projection.years);
  const columns = [
    'financial_year',
    'spend_total',
    'income_total',
    'in_year_balance',
    ...(beside ? ['underlying_in_year_balance'] : []),
    'cumulative_balance',
    ...(table ? [] : ['underlying_in_year_balance']),
    // The answer as data on every row, as the JSON's value (which holds them outside the rows):
    // with --quiet, the sentence on stderr is left out, and a CSV without them lost the answer.
    ...(format === 'csv' ? ['target', 'vary', 'value'] : []),
  ];
  // COLUMNS or a terminal's width fits the sentence and the table (none when piped or written to --out without COLUMNS).
  const width = format === 'table' ? tableWidth(Boolean(options.out)) : undefined;
  // The answer in words leads the table; CSV and JSON carry only data (the value among it), so
  // the sentence and the run time, which differs every run, go to stderr.
  const text =
    format === 'json'
      ? `{\n"value": ${result.value.toFixed()},\n"runs": ${result.runs},\n"target": ${JSON.stringify(options.target)},\n"vary": ${JSON.stringify(options.vary)},\n"projection": ${renderRecords('json', columns, rows).trimEnd()},\n${warningsJson(dir, warnings)}\n}\n`
      : withBom(
          `${format === 'table' ? `${fitText(answer, width)}\n${transfer ? `${fitText(transfer, width)}\n` : ''}` : ''}${renderRecords(format, columns, rows, { width, keys: ['financial_year'] })}`,
          format,
          options.bom,
        );
  await writeOrPrint(
    text,
    options.out,
    open.inputs.map((input) => input.path),
  );
  // Said once the output is in place: a run interrupted before then said its answer as if it
  // had written it, then that earlier output files were unchanged (found by a user trial).
  if (!options.quiet)
    cliIo().stderr.write(
      format === 'table' && !options.out
        ? `${timing}\n`
        : `${answer} ${timing}\n${transfer ? `${transfer}\n` : ''}`,
    );
  return 0;
}

/**
 * The in-year target is sought on the underlying balance (core/scenario/goal-seek.ts); where the
 * target year has Safety Valve or write-off income, the CSV's in_year_balance differs from it, so
 * the answer says which it is.
 */
function basisNote(projection: Projection, target: Target): string {
  if (target.metric !== 'in-year-balance') return '';
  const year = projection.years.find((y) => y.financialYear === target.year);
  // What the year has of the two, in the headline's words (a review found both named where one was).
  const left =
    year &&
    leftOutOfInYear({
      beforeSafetyValve: !year.income.safetyValve.isZero(),
      beforeWriteOff: !year.income.writeOff.isZero(),
      beforeContributions: !year.income.laContribution.isZero(),
    });
  return left ? `, before ${left}` : '';
}

/**
 * The transfer at a transfer:YEAR:SCHOOLS_BLOCK answer in pounds, and with the year's other
 * transfers, which it is added to: an officer's trial read "= 0.0084191" as the 0.84% transfer to
 * ask the Schools Forum for, where the year already had £1.5m and the ask was £3.9m (1.36%),
 * said only in a warning about the disapplication.
 */
function transferNote(scenario: Scenario, projection: Projection): string {
  const added = scenario.funding.find((row) => row.origin?.file === '--vary');
  if (!added?.schoolsBlock) return '';
  const percent = (amount: Decimal) =>
    `${amount.div(added.schoolsBlock!).times(100).toDecimalPlaces(2).toFixed()}%`;
  const year = formatFinancialYear(added.financialYear);
  const all = projection.years.find((y) => y.financialYear === added.financialYear)?.income
    .transfer;
  const others = all?.minus(added.amount);
  const total =
    all && others && !others.isZero()
      ? `; with the year's other transfers of ${poundsText(others)}, ${poundsText(all)} in all, ${percent(all)}`
      : '';
  return `That is a transfer of ${poundsText(added.amount)} in ${year}, ${percent(added.amount)} of the schools block of ${poundsText(added.schoolsBlock)}${total}.`;
}
