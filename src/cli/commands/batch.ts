import * as path from 'node:path';
import { InputError, UsageError } from '../../core/errors.js';
import { hasErrors } from '../../core/issue.js';
import { displayPath } from '../../io/files.js';
import { limitsFromEnvironment } from '../../io/limits.js';
import { type BatchResult, runBatch } from '../../io/batch/run.js';
import { checkOutputDirOption } from '../../io/write-output.js';
import { issuesWithAreas } from '../../report/area-issues.js';
import { listed } from '../../core/words.js';
import { printBatch } from '../../report/batch-print.js';
import { renderBatchTable } from '../../report/batch-table.js';
import { isUnlistedCode } from '../../core/unlisted-code.js';
import { unlistedText } from '../../report/presentation/failed-areas.js';
import { batchProgress } from '../batch-progress.js';
import { tariffOption } from '../open-model.js';
import { formatIssues } from '../print-issues.js';
import { issuePaint, tableWidth } from '../terminal.js';
import { defaultTariffDir } from '../version.js';
import { jobsNote } from '../jobs-note.js';
import { cliIo } from '../cli-io.js';
import { scenarioOptionUsage } from '../scenario-option-usage.js';
import { scenarioIds, scenariosFromScenario } from '../scenario-spelling.js';
import { wholeOption } from '../whole-option.js';
import { writeBatchOutputs } from './batch-outputs.js';
import { checkOutDir, checkReportDir, checkTargets } from './batch-output-checks.js';
import { NATIONAL_REPORT, OUTPUTS } from './batch-output-names.js';
import { nationalIssues } from './national-issues.js';
import { areaNextStep, wroteOutputs } from './batch-next-step.js';
import { shellWord } from '../shell-word.js';
import { counted } from '../../core/words.js';

export interface BatchCommandOptions {
  readonly outDir: string;
  readonly scenarios?: string;
  /** The spelling of project, read as --scenarios (src/cli/scenario-spelling.ts). */
  readonly scenario?: string;
  /** The one-area commands' option: refused, naming them (a batch runs every area). */
  readonly area?: string;
  readonly jobs?: string;
  readonly failFast?: boolean;
  readonly force?: boolean;
  readonly quiet?: boolean;
  /** Start each CSV (summary, national, failures) with Excel's byte order mark. */
  readonly bom?: boolean;
  /** A tariff file or library id for every area with none of its own in areas.csv. */
  readonly tariff?: string;
  /** Also simulate every area this many times (intervals.csv), from --seed. */
  readonly draws?: string;
  readonly seed?: string;
  /** highneeds nff outputs supplying each area's hnb_allocation. */
  readonly hnbFrom?: readonly string[];
  /** Let model files name tariffs and tables outside the model folder and the library. */
  readonly allowOutside?: boolean;
  /** A folder for the national report: national-report.html and national-report.xlsx. */
  readonly report?: string;
}

/**
 * `highneeds batch [dir] --out-dir DIR`: every area of a national model (or a folder of model
 * folders) under each scenario, in parallel; summary.csv, national.csv, failures.csv and
 * manifest.json (every input's SHA-256) written atomically, a summary on stdout. Exit 1 when
 * any area failed (the others are still written).
 */
export async function runBatchCommand(
  dirArgument: string | undefined,
  given: BatchCommandOptions,
): Promise<number> {
  const options: BatchCommandOptions = { ...given, ...scenariosFromScenario('batch', given) };
  const dir = dirArgument ?? '.';
  // After a batch, an analyst drilling into one area reached for --area here, and was told only
  // that it was an unknown option (found by a DfE analyst's trial).
  if (options.area !== undefined)
    throw new UsageError(
      `--area: batch runs every area of a national model; for one area, give --area to project, explain, compare, solve, simulate, report or validate: highneeds project ${shellWord(dir)} --area ${shellWord(options.area)}`,
    );
  // Read as simulate's --jobs is, thousands grouped or not (87de299 left batch's its own pattern).
  const jobs =
    options.jobs === undefined ? undefined : wholeOption('--jobs', options.jobs, 1, [1, 1024]);
  // As in report: a seed alone would run a thousand draws nobody asked for.
  if (options.seed !== undefined && options.draws === undefined)
    throw new UsageError('--seed goes with --draws N');
  const draws =
    options.draws === undefined
      ? undefined
      : {
          count: wholeOption('--draws', options.draws, 1000, [1, 100_000]),
          seed: wholeOption('--seed', options.seed, 1, [0, Number.MAX_SAFE_INTEGER]),
        };
  // An earlier batch's outputs there, which this run replaces or, if it does not write them, removes.
  const earlier = checkOutDir(options.outDir, Boolean(options.force));
  checkTargets('--out-dir', options.outDir, [...OUTPUTS, ...(draws ? ['intervals.csv'] : [])]);
  checkOutputDirOption('--out-dir', options.outDir);
  if (options.report !== undefined) {
    checkOutputDirOption('--report', options.report);
    checkReportDir(options.report, options.outDir, Boolean(options.force));
    checkTargets('--report', options.report, NATIONAL_REPORT);
  }
  const scenarios = scenarioIds(options.scenarios);
  const tariffFile = tariffOption(options.tariff);
  const progress = await batchProgress({ quiet: Boolean(options.quiet) });
  let result: BatchResult;
  try {
    result = await runBatch(dir, {
      ...(jobs ? { jobs } : {}),
      ...(scenarios ? { scenarios } : {}),
      failFast: Boolean(options.failFast),
      ...(tariffFile ? { tariffFile } : {}),
      ...(options.hnbFrom ? { hnbFrom: options.hnbFrom } : {}),
      ...(options.allowOutside ? { allowOutside: true } : {}),
      limits: limitsFromEnvironment(cliIo().env),
      libraryDir: defaultTariffDir(),
      onProgress: (done, total, workDone) => progress.update(done, total, workDone),
      ...(draws ? { draws } : {}),
    });
  } catch (cause) {
    throw scenarioOptionUsage(cause, '--scenarios');
  } finally {
    progress.stop();
  }
  // More threads than cores or areas are not started (src/io/batch/run.ts); say so once.
  if (jobs && result.jobs < jobs && !options.quiet)
    cliIo().stderr.write(jobsNote(jobs, result.jobs, result.areas.length, 'area'));
  const paint = await issuePaint();
  const failed = result.areas.filter((area) => area.failed);
  const errors = issuesWithAreas(
    failed.map(({ code, issues }) => ({
      code,
      issues: issues.filter((issue) => issue.severity === 'error'),
    })),
    [],
    result.areas.length,
  );
  const warnings = issuesWithAreas(
    result.areas.map(({ code, issues }) => ({
      code,
      issues: issues.filter((issue) => issue.severity === 'warning'),
    })),
    nationalIssues(result),
    result.areas.length,
  );
  // A run with no failed area says its warnings first, as project does; one with failed areas says
  // them after its errors, in one list with one count (docs/errors.md), at the foot of the output,
  // where the reason for its exit code is looked for: batch printed two lists, each with its count.
  if (warnings.length && !hasErrors(errors)) cliIo().stderr.write(formatIssues(warnings, paint));
  if (result.stopped) {
    // --fail-fast: the run did not finish, so nothing is written.
    cliIo().stderr.write(
      'highneeds: stopped at the first area that failed (--fail-fast); nothing was written\n',
    );
    throw new InputError([...errors, ...warnings]);
  }
  // Rows under a code areas.csv does not list fail as an "area" of that code (UNKNOWN_AREA), which
  // is no area of the model: counted apart, as a national trial's "8 of 8 areas failed" was 4
  // areas and 4 codes written otherwise (0202 for 202); so in the manifest and the report.
  const unlisted = failed.filter(isUnlistedCode);
  const areaFailed = failed.filter((area) => !unlisted.includes(area));
  const areaCount = result.areas.length - unlisted.length;
  const { printed, national } = printBatch(result);
  let written: string[];
  try {
    written = await writeBatchOutputs({
      dir,
      options,
      result,
      printed,
      national,
      failed,
      unlisted: unlisted.length,
      warnings,
      earlier,
      ...(draws ? { draws } : {}),
    });
  } catch (cause) {
    // A failed run says its errors at the foot, after its outputs: a write that failed (a full
    // disk) lost them, leaving only its own message (found by a reliability probe).
    if (hasErrors(errors)) cliIo().stderr.write(formatIssues([...errors, ...warnings], paint));
    throw cause;
  }
  if (!options.quiet)
    cliIo().stdout.write(
      renderBatchTable({
        areas: areaCount,
        failed: areaFailed.length,
        unlisted: unlisted.length,
        scenarios: result.scenarios,
        national,
        rows: result.rows,
        width: tableWidth(),
      }),
    );
  cliIo().stderr.write(wroteOutputs(written, draws, Boolean(options.quiet)));
  cliIo().stderr.write(areaNextStep(dir, result.rows, Boolean(options.quiet)));
  if (!hasErrors(errors)) return 0;
  // "1 of 1 area failed", as the summary says "0 of 1 area modelled".
  const ofAreas = `of ${counted(areaCount, 'area')} failed`;
  const said = [
    ...(areaFailed.length
      ? [`${areaFailed.length} ${ofAreas}: ${listed(areaFailed.map((a) => a.code))}`]
      : []),
    ...(unlisted.length
      ? [`${unlistedText(unlisted.length)}: ${listed(unlisted.map((a) => a.code))}`]
      : []),
  ];
  cliIo().stderr.write(
    `${formatIssues([...errors, ...warnings], paint)}${(said.length ? said : [`${failed.length} ${ofAreas}`]).join('; ')}; each error is in ${displayPath(path.join(options.outDir, 'failures.csv'))}\n`,
  );
  return 1;
}
