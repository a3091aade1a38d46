import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import type { Decimal } from 'decimal.js';
import { Dec } from '../../core/decimal.js';
import { InputError } from '../../core/errors.js';
import { error, hasErrors, sortIssues, uniqueIssues, type Issue } from '../../core/issue.js';
import { AreaPool, startWorkers } from './pool.js';
import type { AreaOutcome, BatchInit, BatchTask, SourcesInit, WireRow } from './wire.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { loadScenarios } from '../scenarios-file.js';
import { sameInEveryArea } from '../../core/scenario/same-every-area.js';
import { isUnlistedCode } from '../../core/unlisted-code.js';
import { noScenariosHint } from './folder-scenarios.js';
import { scenariosHint } from '../scenarios-hint.js';
import { checkBatchOptions } from './batch-arguments.js';
import { type InputDigest, InputReader } from '../input-reader.js';
import { HNB_FROM_COLUMNS } from '../read-hnb-from.js';
import { readBatchSources } from './read-sources.js';
import type { BatchSources } from './sources.js';
import { shippedLibraryDir } from '../tariff-library.js';
import type { AreaIntervals } from '../../core/simulate/area-intervals.js';
import type { DrawSpec } from '../area-intervals.js';

export interface BatchOptions {
  /**
   * Threads that model areas, this one included (default: os.availableParallelism()): this thread
   * reads the national cohort while jobs − 1 worker threads model the areas read so far, then models
   * areas beside them; 1 models every area on this thread. More than the cores or the areas are
   * never used: the result's `jobs` says how many were.
   */
  readonly jobs?: number;
  /** Scenario ids to run, in this order (default: all in scenarios.json). */
  readonly scenarios?: readonly string[];
  /** Stop at the first area that fails. */
  readonly failFast?: boolean;
  readonly limits?: Limits;
  /** The tariff library for tariff ids (default: the shipped tariffs/). */
  readonly libraryDir?: string;
  /**
   * A tariff file for every area with no tariff of its own in areas.csv, instead of model.json's
   * (in a folder of model folders: instead of each folder's), as `project --tariff` replaces a model's.
   */
  readonly tariffFile?: string;
  /** `highneeds nff` outputs whose allocation for each area replaces funding.csv's hnb_allocation (as `project --hnb-from`). */
  readonly hnbFrom?: readonly string[];
  /** Let model files name tariffs and tables outside the model folder and the library (--allow-outside). */
  readonly allowOutside?: boolean;
  /**
   * Called once the areas are known, then after each area: areas done, areas in all, and the
   * share of the work done (areas weighted by their cohort rows; the biggest go first).
   */
  readonly onProgress?: (done: number, total: number, workDone: number) => void;
  /** Also simulate every area this many times from this seed: the result's `intervals` (docs/simulate.md). */
  readonly draws?: DrawSpec;
  /** Project each scenario's ranged levers at their bounds too, and warn where a draw would stop (RANGE_UNPRICED; validate). */
  readonly checkRanges?: boolean;
}

export interface AreaResult {
  readonly code: string;
  readonly name: string;
  /** Errors and warnings for the area; any error means it failed. */
  readonly issues: readonly Issue[];
  readonly failed: boolean;
}

/** A summary row (src/report/rows.ts's columns), figures unrounded, with the scenario it is for. */
export type BatchRow = Readonly<Record<string, string | Decimal>> & { readonly scenario: string };

export interface BatchResult {
  /** Every area, modelled or failed, by area code. */
  readonly areas: readonly AreaResult[];
  /** The scenario ids run, in order; [''] when the model has no scenarios. */
  readonly scenarios: readonly string[];
  /** Summary rows of the modelled areas by area code, scenario and financial year, unrounded (printBatch in src/report/batch-print.ts rounds them and totals them). */
  readonly rows: readonly BatchRow[];
  /** Warnings, each once (many areas share a file). */
  readonly warnings: readonly Issue[];
  /**
   * Every input file read, for refusing to write over one: provenance's paths. Every file the
   * result names (here, in provenance, in an issue's location and message) is named as the CLI
   * prints it and as every Issue of the library names it: relative to the working folder when it
   * is inside it, else absolute. (These were absolute, so a batch named an input it refused to
   * write over otherwise than project does.)
   */
  readonly inputs: readonly string[];
  /** Every input file read on any thread, with its SHA-256, by path (named as `inputs` are), sorted by path: for the provenance manifest. */
  readonly provenance: readonly InputDigest[];
  /** True when --fail-fast stopped the run early: rows and national are then empty. */
  readonly stopped: boolean;
  /** Worker threads used: the jobs asked for, at most the cores and the areas (1: this thread alone). */
  readonly jobs: number;
  /** With `draws`: each modelled area's simulations, unrounded (src/report/national-intervals.ts prints them with the national totals). */
  readonly intervals?: {
    readonly draws: number;
    readonly scenarios: readonly string[];
    readonly areas: readonly {
      readonly code: string;
      readonly intervals: readonly AreaIntervals[];
    }[];
  };
}

/**
 * Models every area of a national model (or a folder of model folders) under each scenario,
 * in parallel worker threads. The result does not depend on the number of jobs or on the order
 * of input rows. Problems with the national files throw InputError; an area's own problems
 * fail that area only.
 */
export async function runBatch(dir: string, options: BatchOptions = {}): Promise<BatchResult> {
  checkBatchOptions(options);
  // More threads than cores only compete (--jobs 1000 once started 1,000 threads and took 10 GB);
  // more than areas would sit idle, and the areas are known only once read, so those stop then.
  const jobs = Math.min(
    Math.max(1, options.jobs ?? availableParallelism()),
    availableParallelism(),
  );
  const limits = options.limits ?? DEFAULT_LIMITS;
  const libraryDir = options.libraryDir ?? shippedLibraryDir();
  // Threads start (and load their modules) while this thread reads the inputs. This thread is
  // one of the jobs: each more thread compiles and optimises the same code again in its own heap,
  // which on two cores cost more than a third thread gained (docs/reliability.md).
  const workers = startWorkers(jobs - 1);
  try {
    const root = path.resolve(dir);
    const scenarioFile = loadScenarios(root, libraryDir, undefined, options.allowOutside);
    const hnbFrom = readHnbFromFiles(root, options.hnbFrom, limits);
    const hasScenarios = scenarioFile.inputs.length > 0;
    const chosen = chooseScenarios(
      scenarioFile.scenarios?.map((s) => s.id),
      options.scenarios,
      hasScenarios,
      root,
    );
    const settings = sortIssues([...scenarioFile.issues, ...hnbFrom.issues, ...chosen.issues]);
    const initOf = (sources: SourcesInit): BatchInit => ({
      ...sources,
      ...(chosen.ids ? { scenarios: chosen.ids } : {}),
      ...(hasScenarios ? { scenariosFile: path.resolve(sources.dir, 'scenarios.json') } : {}),
      ...(options.draws ? { draws: options.draws } : {}),
      ...(options.checkRanges ? { checkRanges: true } : {}),
      ...(hnbFrom.files.length ? { hnbFrom: hnbFrom.files } : {}),
    });
    // Progress counts the tasks whose outcome counts, once the areas are known: an area handed on
    // early and sent again is one area, and an early outcome counts if its task was kept.
    const progress = new Progress(options.onProgress);
    // Each area's figures are made Decimals as its outcome comes in, while the other threads still
    // model, rather than all of them once the last area is done, with the workers stopped.
    const rowsOf = new Map<AreaOutcome, BatchRow[][]>();
    const pool = new AreaPool(workers, {
      failFast: Boolean(options.failFast),
      onDone: (task, outcome) => {
        progress.add(task);
        rowsOf.set(outcome, decimalRows(outcome));
      },
    });
    // Workers model areas while this thread reads the rest of the cohort; not with --fail-fast,
    // which must see every area that fails while the inputs are split before it models any.
    const handed = new Set<BatchTask>();
    const early =
      workers.length && !options.failFast && !hasErrors(settings)
        ? {
            begin: (sources: SourcesInit) => pool.start(initOf(sources)),
            area: (task: BatchTask) => {
              handed.add(task);
              pool.submit(task);
            },
          }
        : undefined;
    const sources = await readBatchSources(
      dir,
      limits,
      libraryDir,
      options.tariffFile === undefined ? undefined : path.resolve(options.tariffFile),
      Boolean(options.allowOutside),
      early,
    );
    const chosenIds = chosen.ids ? new Set(chosen.ids) : undefined;
    const global = sortIssues([
      ...sources.issues,
      ...settings,
      // Once the areas are known: a run of one area gives its amounts to that area alone.
      ...sameInEveryArea(
        (scenarioFile.scenarios ?? []).filter((s) => chosenIds?.has(s.id) ?? true),
        areasOf(sources),
      ),
    ]);
    if (hasErrors(global)) throw new InputError(global);
    const preFailed: AreaOutcome[] = [...sources.failures].map(([code, { name, issues }]) => ({
      code,
      name,
      issues: sortIssues(issues),
      scenarios: [],
      inputs: [],
    }));
    // With --fail-fast, an area that failed while the inputs were split stops the run before any is modelled.
    const tasks = options.failFast && preFailed.length ? [] : sources.tasks;
    progress.start(tasks);
    const used = Math.max(1, Math.min(jobs, tasks.length));
    // Threads beyond the areas would sit idle (an early start leaves them no work either).
    if (!handed.size) for (const idle of workers.splice(used - 1)) void idle.terminate();
    pool.start(initOf(sources.init));
    // The biggest areas first, so that no thread is left with a big one at the end.
    for (const task of [...tasks].sort((a, b) => b.weight - a.weight))
      if (!handed.has(task)) pool.submit(task);
    const run = await pool.finish();
    // An area handed on early whose rows came later was sent again whole: only that outcome counts.
    const current = new Set(tasks);
    const outcomes = run.results.filter((r) => current.has(r.task)).map((r) => r.outcome);
    return {
      ...assemble(
        [...preFailed, ...outcomes],
        rowsOf,
        chosen.ids ?? [''],
        global,
        [...sources.digests, ...scenarioFile.inputs, ...hnbFrom.inputs],
        run.stopped || (Boolean(options.failFast) && preFailed.length > 0),
      ),
      jobs: used,
      ...(options.draws
        ? {
            intervals: {
              draws: options.draws.count,
              scenarios: chosen.ids ?? [''],
              // By code, so the result is the same whichever thread finished first.
              areas: outcomes
                .flatMap((o) => (o.intervals ? [{ code: o.code, intervals: o.intervals }] : []))
                .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
            },
          }
        : {}),
    };
  } finally {
    for (const worker of workers) void worker.terminate();
  }
}

/**
 * Areas done of the tasks that count, and the share of the work (each area costs about a fixed
 * part plus a part per cohort row), reported once the areas are known and then after each one.
 */
class Progress {
  /** Tasks modelled before the areas were known (handed on early): counted at start if kept. */
  private readonly early: BatchTask[] = [];
  private current: ReadonlySet<BatchTask> | undefined;
  private totalCost = 1;
  private done = 0;
  private doneCost = 0;

  constructor(private readonly onProgress: BatchOptions['onProgress']) {}

  start(tasks: readonly BatchTask[]): void {
    this.current = new Set(tasks);
    this.totalCost = tasks.reduce((sum, task) => sum + cost(task), 0) || 1;
    for (const task of this.early.splice(0)) this.count(task);
    this.report();
  }

  add(task: BatchTask): void {
    if (!this.current) this.early.push(task);
    // A task sent again supersedes the early one: only the current tasks count.
    else if (this.count(task)) this.report();
  }

  private count(task: BatchTask): boolean {
    if (!this.current!.has(task)) return false;
    this.done += 1;
    this.doneCost += cost(task);
    return true;
  }

  private report(): void {
    this.onProgress?.(this.done, this.current!.size, this.doneCost / this.totalCost);
  }
}

const cost = (task: BatchTask) => task.weight + 100;

/** The areas of the model, modelled or failed: not the codes of rows areas.csv does not list (UNKNOWN_AREA). */
const areasOf = (sources: BatchSources): number =>
  sources.tasks.length +
  [...sources.failures.values()].filter((failure) => !isUnlistedCode(failure)).length;

/** --hnb-from's files, read here once so that a problem with one stops the run before any area is modelled. */
function readHnbFromFiles(
  dir: string,
  files: readonly string[] | undefined,
  limits: Limits,
): { files: string[]; issues: readonly Issue[]; inputs: readonly InputDigest[] } {
  const reader = new InputReader(dir, limits);
  const absolute = (files ?? []).map((file) => path.resolve(file));
  for (const file of absolute) reader.table(file, HNB_FROM_COLUMNS, true);
  return { files: absolute, issues: reader.issues, inputs: reader.inputs };
}

function chooseScenarios(
  available: readonly string[] | undefined,
  wanted: readonly string[] | undefined,
  hasFile: boolean,
  root: string,
): { ids?: string[]; issues: Issue[] } {
  if (!wanted)
    return available && available.length ? { ids: [...available], issues: [] } : { issues: [] };
  const issues = wanted
    .filter((id) => !available?.includes(id))
    .map((id) =>
      error(
        'UNKNOWN_SCENARIO',
        `scenario "${id}" is not defined`,
        undefined,
        available?.length ? scenariosHint(available, id) : noScenariosHint(root, hasFile),
      ),
    );
  // A scenario named twice would be run and counted twice (the CLI refuses it; the library keeps the first).
  return { ids: wanted.filter((id, i) => wanted.indexOf(id) === i), issues };
}

function assemble(
  outcomes: readonly AreaOutcome[],
  rowsOf: ReadonlyMap<AreaOutcome, readonly (readonly BatchRow[])[]>,
  scenarios: readonly string[],
  global: readonly Issue[],
  read: readonly InputDigest[],
  stopped: boolean,
): Omit<BatchResult, 'jobs'> {
  const byCode = new Map<string, AreaOutcome[]>();
  for (const outcome of outcomes)
    byCode.set(outcome.code, [...(byCode.get(outcome.code) ?? []), outcome]);
  const codes = [...byCode.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const areas: AreaResult[] = [];
  const rows: BatchRow[] = [];
  for (const code of codes) {
    const group = byCode.get(code)!.sort((a, b) => ((a.source ?? '') < (b.source ?? '') ? -1 : 1));
    // A folder of model folders can name one area twice; none of them is modelled.
    const duplicated = group.slice(1).map((o) => ({
      ...error(
        'DUPLICATE_AREA',
        `area "${code}" is already the area of ${group[0]!.source ?? 'another model'}`,
        o.source ? { file: o.source } : undefined,
        'give each model folder its own area code',
      ),
      area: code,
    }));
    const issues = sortIssues(uniqueIssues([...duplicated, ...group.flatMap((o) => o.issues)]));
    const failed = hasErrors(issues) || group[0]!.scenarios.length === 0;
    areas.push({ code, name: group[0]!.name, issues, failed });
    if (failed || stopped) continue;
    // Converted as it came in (onDone); an outcome that did not come through the pool, now.
    const byScenario = rowsOf.get(group[0]!) ?? decimalRows(group[0]!);
    for (const id of scenarios) {
      const at = group[0]!.scenarios.findIndex((s) => s.id === id);
      if (at >= 0) rows.push(...byScenario[at]!);
    }
  }
  const warnings = uniqueIssues(
    sortIssues(
      [...global, ...areas.flatMap((a) => a.issues)].filter((i) => i.severity === 'warning'),
    ),
  );
  // Every file any thread read, once each, by path: what the run's figures came from.
  const byPath = new Map<string, InputDigest>();
  for (const digest of [...read, ...outcomes.flatMap((o) => o.inputs)])
    if (!byPath.has(digest.path)) byPath.set(digest.path, digest);
  const provenance = [...byPath.values()].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  const inputs = provenance.map((digest) => digest.path);
  return {
    areas,
    scenarios,
    rows,
    warnings,
    inputs,
    provenance,
    stopped,
  };
}

/** An outcome's rows by scenario, in the order of its scenarios, as figures (fromWire). */
const decimalRows = (outcome: AreaOutcome): BatchRow[][] =>
  outcome.scenarios.map((run) => run.rows.map((wire) => fromWire(wire, run.id)));

/** A worker's row as figures: decimal text made Decimals again (structured clone keeps no prototypes). */
function fromWire(wire: WireRow, scenario: string): BatchRow {
  const row: Record<string, string | Decimal> = {};
  for (const [column, value] of Object.entries(wire))
    row[column] = typeof value === 'string' ? value : new Dec(value.d);
  return { ...row, scenario };
}
