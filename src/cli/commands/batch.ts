import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { InputError, UsageError } from '../../core/errors.js';
import { hasErrors, type Issue, issueKey } from '../../core/issue.js';
import { displayPath } from '../../io/files.js';
import { refuseToReplace } from '../../io/existing-outputs.js';
import { relativeInputs } from '../../io/input-reader.js';
import { limitsFromEnvironment } from '../../io/limits.js';
import { type BatchResult, runBatch } from '../../io/batch/run.js';
import {
  checkOutputOption,
  commitOutputs,
  intoMadeFolders,
  makeOutputDir,
  stageOutputs,
} from '../../io/write-output.js';
import { issuesWithAreas, listed } from '../../report/area-issues.js';
import { renderFailures, renderNational, renderPrintedSummary } from '../../report/batch-csv.js';
import { printBatch } from '../../report/batch-print.js';
import { renderBatchTable } from '../../report/batch-table.js';
import { renderPrintedCsv } from '../../report/csv.js';
import { INTERVAL_COLUMNS } from '../../report/intervals.js';
import { batchIntervalRows, printIntervals } from '../../report/national-intervals.js';
import { jsonText } from '../../report/json.js';
import type { NationalReportInput } from '../../report/presentation/national-report.js';
import { buildBatchManifest } from '../../report/manifest.js';
import { batchProgress } from '../batch-progress.js';
import { yieldToSignals } from '../interrupt.js';
import { tariffOption } from '../open-model.js';
import { formatIssues } from '../print-issues.js';
import { issuePaint, tableWidth } from '../terminal.js';
import { defaultTariffDir, toolVersion } from '../version.js';
import { cliIo } from '../cli-io.js';
import { scenarioOptionUsage } from '../scenario-option-usage.js';
import { scenarioIds } from '../scenario-spelling.js';
import { wholeOption } from '../whole-option.js';

export interface BatchCommandOptions {
  readonly outDir: string;
  readonly scenarios?: string;
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

const OUTPUTS = ['summary.csv', 'national.csv', 'failures.csv', 'manifest.json'] as const;
/** What an earlier batch run leaves, or an interrupted one (src/io/write-output.ts names temporaries so). */
const OURS =
  /^(?:summary|national|failures|intervals)\.csv$|^national-report\.(?:html|xlsx)$|^\.(?:(?:summary|national|failures|intervals)\.csv|manifest\.json|national-report\.(?:html|xlsx))\.tmp-\d+$/;

/**
 * An earlier batch's manifest.json, and whether that run drew (it wrote intervals.csv), or
 * undefined: another command's manifest (or a user's file) is not ours to replace.
 */
function batchManifestOf(
  file: string,
): { readonly draws: boolean; readonly report?: string } | undefined {
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as {
      command?: unknown;
      draws?: unknown;
      report?: unknown;
    };
    if (json.command !== 'batch') return undefined;
    return {
      draws: json.draws !== undefined,
      ...(typeof json.report === 'string' ? { report: json.report } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * `highneeds batch [dir] --out-dir DIR`: every area of a national model (or a folder of model
 * folders) under each scenario, in parallel; summary.csv, national.csv, failures.csv and
 * manifest.json (every input's SHA-256) written atomically, a summary on stdout. Exit 1 when
 * any area failed (the others are still written).
 */
export async function runBatchCommand(
  dirArgument: string | undefined,
  options: BatchCommandOptions,
): Promise<number> {
  const dir = dirArgument ?? '.';
  const jobs = options.jobs === undefined ? undefined : Number.parseInt(options.jobs, 10);
  if (options.jobs !== undefined && (!/^[1-9]\d*$/.test(options.jobs) || !jobs))
    throw new UsageError(`--jobs must be a whole number of threads from 1, not "${options.jobs}"`);
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
  if (options.report !== undefined) {
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
    cliIo().stderr.write(
      `highneeds: --jobs ${jobs} is more than needed; using ${result.jobs} (${result.areas.length} area${result.areas.length === 1 ? '' : 's'}, ${availableParallelism()} core${availableParallelism() === 1 ? '' : 's'})\n`,
    );
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
  if (warnings.length) cliIo().stderr.write(formatIssues(warnings, paint));
  if (result.stopped) {
    // --fail-fast: the run did not finish, so nothing is written.
    cliIo().stderr.write(
      'highneeds: stopped at the first area that failed (--fail-fast); nothing was written\n',
    );
    throw new InputError(errors);
  }
  const made = makeOutputDir(options.outDir, '--out-dir');
  const { printed, national } = printBatch(result);
  const manifest = buildBatchManifest({
    version: toolVersion(),
    // Relative to the national folder, in path order (provenance is in order of the paths as displayed).
    inputs: relativeInputs(dir, result.provenance).sort((a, b) =>
      a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
    ),
    scenarios: result.scenarios,
    areas: { modelled: result.areas.length - failed.length, failed: failed.length },
    ...(draws ? { draws } : {}),
    // Relative to the out-dir, where the manifest is: the same whatever the working folder.
    ...(options.report !== undefined
      ? { report: path.relative(path.resolve(options.outDir), path.resolve(options.report)) || '.' }
      : {}),
  });
  const bom = options.bom ? '\uFEFF' : '';
  const texts = [
    `${bom}${renderPrintedSummary(printed)}`,
    `${bom}${renderNational(national)}`,
    `${bom}${renderFailures(failed)}`,
    jsonText(manifest),
  ];
  // Worked out once: intervals.csv prints them and the national report shows the same figures.
  const intervals = result.intervals && batchIntervalRows(result.intervals);
  if (options.report !== undefined) makeOutputDir(options.report, '--report');
  const report =
    options.report === undefined
      ? []
      : await nationalReport(options.report, result, national, manifest, {
          ...(intervals && draws
            ? { ranges: { ...intervals, draws: draws.count, seed: draws.seed } }
            : {}),
        });
  await intoMadeFolders(made, async () => {
    const staged = stageOutputs(
      [
        ...OUTPUTS.map((name, i) => ({ target: path.join(options.outDir, name), text: texts[i]! })),
        ...(intervals
          ? [
              {
                target: path.join(options.outDir, 'intervals.csv'),
                text: `${bom}${renderPrintedCsv(INTERVAL_COLUMNS, printIntervals(intervals))}`,
              },
            ]
          : []),
        ...report,
      ],
      result.inputs,
    );
    await yieldToSignals();
    await commitOutputs(staged);
    removeStale(
      options.outDir,
      earlier.ours,
      new Set(staged.map((output) => path.resolve(output.target))),
    );
  });
  if (!options.quiet)
    cliIo().stdout.write(
      renderBatchTable({
        areas: result.areas.length,
        failed: failed.length,
        scenarios: result.scenarios,
        national,
        rows: result.rows,
        width: tableWidth(),
      }),
    );
  if (!hasErrors(errors)) return 0;
  cliIo().stderr.write(
    `${formatIssues(errors, paint)}${failed.length} of ${result.areas.length} areas failed: ${listed(failed.map((area) => area.code))}; each error is in ${displayPath(path.join(options.outDir, 'failures.csv'))}\n`,
  );
  return 1;
}

/** batch --report DIR: the national report as HTML and XLSX (src/report/presentation/national-report.ts). */
async function nationalReport(
  dir: string,
  result: BatchResult,
  national: ReturnType<typeof printBatch>['national'],
  manifest: ReturnType<typeof buildBatchManifest>,
  extra: Pick<NationalReportInput, 'ranges'>,
): Promise<{ target: string; text: string | Uint8Array }[]> {
  const { renderNationalReport } = await import('../../report/presentation/national-output.js');
  const { html, xlsx } = await renderNationalReport({
    scenarios: result.scenarios,
    national,
    rows: result.rows,
    manifest,
    failures: result.areas.filter((area) => area.failed),
    ...extra,
  });
  return [
    { target: path.join(dir, NATIONAL_REPORT[0]), text: html },
    { target: path.join(dir, NATIONAL_REPORT[1]), text: xlsx },
  ];
}

/**
 * An earlier run's outputs that this run did not write (intervals.csv without --draws, a national
 * report without --report): removed once this run's are in place, so that every batch output in
 * the folder is of one run (an intervals.csv beside a new summary.csv would count areas that have
 * since failed). `ours`: those an earlier batch's manifest says it wrote (checkOutDir); any other
 * file of such a name is someone else's, written beside with --force and left alone.
 */
function removeStale(outDir: string, ours: readonly string[], written: ReadonlySet<string>): void {
  for (const name of ours) {
    const file = path.join(outDir, name);
    // A plain file, or a link to one (an earlier run wrote through it): the link is removed, never
    // what it points at. A folder of that name is not a file this tool wrote.
    const entry = lstatSync(file, { throwIfNoEntry: false });
    const linked = entry?.isSymbolicLink() && statSync(file, { throwIfNoEntry: false })?.isFile();
    if (!entry?.isFile() && !linked) continue;
    // Staged targets are real paths (write-output.ts): this run wrote it, through a link or not.
    if (!written.has(realpathSync(file))) rmSync(file);
  }
}

const NATIONAL_REPORT = ['national-report.html', 'national-report.xlsx'] as const;

const STALE_WHEN_NOT_WRITTEN = [
  'intervals.csv',
  'national-report.html',
  'national-report.xlsx',
] as const;

/**
 * Each file the run will write into a folder that is already there, checked as the write will
 * check it (a folder of that name, a link to nowhere): before the areas are modelled rather than
 * after them (with --draws, minutes). A folder that is not there yet is made, and checked, later.
 */
function checkTargets(option: string, dir: string, names: readonly string[]): void {
  // existsSync is false for a path under a file (ENOTDIR), where statSync would throw.
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return;
  for (const name of names) checkOutputOption(option, path.join(dir, name));
}

/**
 * Which files in a folder an earlier batch wrote, by name: its CSVs; beside a manifest.json that
 * says it is a batch's, that manifest and its national report; intervals.csv only if that run drew
 * (simulate writes an intervals.csv of the same columns, which is not ours to replace or remove).
 */
function earlierBatchOutputs(dir: string): (name: string) => boolean {
  const earlier = batchManifestOf(path.join(dir, 'manifest.json'));
  const earlierBatch = earlier !== undefined;
  return (name) =>
    name === 'intervals.csv'
      ? earlier?.draws === true
      : name === 'manifest.json' || (STALE_WHEN_NOT_WRITTEN as readonly string[]).includes(name)
        ? earlierBatch
        : OURS.test(name);
}

/** An existing --out-dir may hold only an earlier run's outputs, unless --force. */
function checkOutDir(outDir: string, force: boolean): { ours: readonly string[] } {
  // Refused before the run, not after every area is modelled (makeOutputDir says the same).
  if (outDir === '') throw new UsageError('--out-dir is empty; give a folder');
  if (!existsSync(outDir)) return { ours: [] };
  if (!statSync(outDir).isDirectory())
    throw new UsageError(`--out-dir ${outDir} is a file, not a folder`);
  const ours = earlierBatchOutputs(outDir);
  const others = readdirSync(outDir)
    .filter((name) => !ours(name))
    .sort();
  if (others.length && !force) {
    throw new UsageError(
      `--out-dir ${outDir} already holds other files (${others.slice(0, 3).join(', ')}${others.length > 3 ? ', …' : ''}); choose an empty or new folder, or add --force to write beside them`,
    );
  }
  return { ours: STALE_WHEN_NOT_WRITTEN.filter(ours) };
}

/**
 * A --report folder replaces a national report only as --out-dir would (a user trial: a user's
 * annotated national-report.html was replaced with exit 0): one an earlier batch wrote, beside
 * its manifest or in the --report folder that the --out-dir's manifest names (the same command
 * run again), or any with --force. The --out-dir itself is checked as such (checkOutDir).
 */
function checkReportDir(dir: string, outDir: string, force: boolean): void {
  // existsSync is false for a path under a file (ENOTDIR); the write says why (checkTargets).
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return;
  if (existsSync(outDir) && realpathSync(dir) === realpathSync(outDir)) return;
  const named = batchManifestOf(path.join(outDir, 'manifest.json'))?.report;
  const folder = named === undefined ? undefined : path.resolve(outDir, named);
  if (folder !== undefined && existsSync(folder) && realpathSync(folder) === realpathSync(dir))
    return;
  const ours = earlierBatchOutputs(dir);
  const theirs = NATIONAL_REPORT.filter((name) => !ours(name));
  refuseToReplace(
    '--report',
    dir,
    theirs.map((name) => path.join(dir, name)),
    force,
  );
}

/** `highneeds validate` on a national model (or a folder of model folders): every area read and projected under each scenario; every problem at once. */
export async function runValidateNational(
  dir: string,
  options: { quiet?: boolean; hnbFrom?: readonly string[]; allowOutside?: boolean },
): Promise<number> {
  const result = await runBatch(dir, {
    ...(options.allowOutside ? { allowOutside: true } : {}),
    ...(options.hnbFrom ? { hnbFrom: options.hnbFrom } : {}),
    limits: limitsFromEnvironment(cliIo().env),
    libraryDir: defaultTariffDir(),
    // As validate of one model does: where a ranged lever at a bound would stop simulate.
    checkRanges: true,
  });
  const issues = issuesWithAreas(result.areas, nationalIssues(result), result.areas.length);
  if (hasErrors(issues)) throw new InputError(issues);
  if (issues.length) cliIo().stderr.write(formatIssues(issues, await issuePaint()));
  const scenarios = result.scenarios.filter((id) => id !== '').length;
  if (!options.quiet)
    cliIo().stdout.write(
      `${displayPath(dir)}: ok (${result.areas.length} area${result.areas.length === 1 ? '' : 's'}${scenarios ? `, ${scenarios} scenario${scenarios === 1 ? '' : 's'}` : ''})\n`,
    );
  return 0;
}

/** The run's warnings about the national files themselves: those of no area. */
function nationalIssues(result: BatchResult): Issue[] {
  const ofAreas = new Set(result.areas.flatMap((area) => area.issues.map(issueKey)));
  return result.warnings.filter((issue) => !ofAreas.has(issueKey(issue)));
}
