import * as path from 'node:path';
import { InputError, UsageError } from '../../core/errors.js';
import { type Issue, hasErrors } from '../../core/issue.js';
import type { Model } from '../../core/model.js';
import type { Scenario } from '../../core/scenario/types.js';
import { fromModel, relativeInputs } from '../../io/input-reader.js';
import { loadOptionsOf } from '../../io/model-folder.js';
import { readDsgPlanMap, unknownMapSettings } from '../../io/read-dsg-plan-map.js';
import { simulateOnThreads } from '../../io/simulate-on-threads.js';
import { DrawThreads, drawWorkers } from '../../io/simulate-threads.js';
import {
  checkOutputName,
  checkOutputOption,
  commitOutput,
  stageOutput,
} from '../../io/write-output.js';
import { buildManifest } from '../../report/manifest.js';
import {
  AS_GIVEN,
  reportScenarioSteps,
  type FanRow,
  type ReportModel,
} from '../../report/presentation/report-model.js';
import { fanRowsOf } from '../../report/presentation/fan-rows.js';
import { finishWithTurns, yieldToSignals } from '../interrupt.js';
import {
  findScenarios,
  type ModelOptions,
  modelLoadOptions,
  type OpenModel,
  openModel,
  tariffOptionRecorded,
} from '../open-model.js';
import { cliIo } from '../cli-io.js';
import { scenarioIds, scenariosFromScenario } from '../scenario-spelling.js';
import { formatIssues } from '../print-issues.js';
import { reportWarnings } from '../report-warnings.js';
import { printWarnings } from '../print-warnings.js';
import { issuePaint } from '../terminal.js';
import { drawingProgress } from '../drawing-progress.js';
import { defaultModelDir, toolVersion } from '../version.js';
import { wholeOption } from '../whole-option.js';

export interface ReportOptions extends ModelOptions {
  readonly out?: string;
  readonly scenarios?: string;
  /** The spelling of project, read as --scenarios (src/cli/scenario-spelling.ts). */
  readonly scenario?: string;
  readonly quiet?: boolean;
  /** Simulated draws of the plan scenario for the range of outcomes (docs/simulate.md). */
  readonly draws?: string;
  readonly seed?: string;
}

/** Which renderer --out's extension asks for; anything else is a usage error. */
export function reportKind(out: string | undefined): 'html' | 'xlsx' {
  if (out === undefined)
    throw new UsageError('give --out FILE.html or --out FILE.xlsx: the report is a file');
  const extension = path.extname(out).toLowerCase();
  if (extension === '.html' || extension === '.htm') return 'html';
  if (extension === '.xlsx') return 'xlsx';
  throw new UsageError(
    `--out ${out}: the report is written as HTML (.html) or as an Excel workbook (.xlsx), chosen by the extension`,
  );
}

/** Draws to simulate at most in a report: a report is for reading, not a national run. */
const MAX_REPORT_DRAWS = 100_000;

/** --draws and --seed, read before any work: undefined without --draws (and --seed alone is a usage error). */
function fanOptions(options: ReportOptions): { draws: number; seed: number } | undefined {
  if (options.draws === undefined) {
    if (options.seed !== undefined) throw new UsageError('--seed goes with --draws N');
    return undefined;
  }
  return {
    draws: wholeOption('--draws', options.draws, 1000, [1, MAX_REPORT_DRAWS]),
    seed: wholeOption('--seed', options.seed, 1, [0, Number.MAX_SAFE_INTEGER]),
  };
}

/**
 * With --draws, the plan scenario (the last chosen, as the breakdowns show) simulated with
 * --seed as `highneeds simulate` does it, so the fan equals its intervals for the same seed.
 * The draws are shared with worker threads (started by startFan while this thread builds the
 * report) and can be interrupted between chunks.
 */
async function simulatedFan(
  model: Model,
  plan: Scenario,
  threads: DrawThreads,
  { draws, seed }: { draws: number; seed: number },
  begun: (share: number) => void,
): Promise<{ rows: FanRow[]; draws: string; issues: readonly Issue[] }> {
  const outcome = await simulateOnThreads(
    model,
    plan === AS_GIVEN ? undefined : plan,
    threads,
    { seed },
    begun,
  );
  if (!outcome.simulation || hasErrors(outcome.issues)) throw new InputError(outcome.issues);
  return {
    rows: fanRowsOf(outcome.simulation.rows),
    draws: draws.toLocaleString('en-GB'),
    // The simulation's own warnings (RANGE_UNPRICED), which the projections above did not give.
    issues: outcome.issues.filter((issue) => issue.code === 'RANGE_UNPRICED'),
  };
}

/**
 * The fan's worker threads, each reading the model and drawing the plan scenario's pupils as
 * `simulate` does: with --area, building the area from the rows this thread read, as simulate's
 * do (a worker given only the folder read the national model.json as one area's, and the report
 * stopped with an internal error; found by a review).
 */
function startFan(
  dir: string,
  options: ReportOptions,
  open: OpenModel,
  plan: Scenario,
  { draws, seed }: { draws: number; seed: number },
): DrawThreads {
  return DrawThreads.start(drawWorkers(draws), {
    dir,
    load: loadOptionsOf(modelLoadOptions(options)),
    ...(open.nationalArea ? { national: open.nationalArea } : {}),
    ...(options.scenariosFile ? { scenariosFile: options.scenariosFile } : {}),
    ...(plan === AS_GIVEN ? {} : { scenario: plan.id }),
    seed,
    draws,
  });
}

/**
 * `highneeds report [model-dir] [--scenarios a,b] --out FILE.html|FILE.xlsx`: the projection of
 * each scenario with its breakdowns, savings, Safety Valve assessment and the DSG management plan
 * layout, as a self-contained HTML page or a workbook, written atomically.
 */
export async function runReport(
  dirArgument: string | undefined,
  given: ReportOptions,
): Promise<number> {
  const options: ReportOptions = { ...given, ...scenariosFromScenario('report', given) };
  // An empty --out (or -) is said to be so, not to lack .html or .xlsx (found by a probe).
  // A report is never printed: --out - is not told to do without --out, which report requires.
  if (options.out !== undefined) checkOutputName('--out', options.out, 'file name', false);
  const kind = reportKind(options.out);
  checkOutputOption('--out', options.out);
  const drawn = fanOptions(options);
  const dir = dirArgument ?? defaultModelDir();
  // Before the model is read: an empty --scenarios is a usage error, not "all".
  const ids = scenarioIds(options.scenarios);
  const open = await openModel(dir, {
    ...options,
    reading: { quiet: Boolean(options.quiet), json: false },
  });
  const map = readDsgPlanMap(dir, Boolean(options.allowOutside));
  // The model's and scenarios' warnings, and each projection's, as project and compare print them.
  const warnings = [...open.issues, ...map.issues, ...unknownMapSettings(map, open.model.tariff)];
  if (hasErrors(map.issues) || !map.map) throw new InputError(map.issues);
  const inputs = [...open.inputs, ...(map.input ? [map.input] : [])];
  checkOutputOption(
    '--out',
    options.out,
    inputs.map((input) => input.path),
  );
  const chosen: Scenario[] = ids
    ? findScenarios(open, ids, '--scenarios')
    : open.scenarios.length
      ? [...open.scenarios]
      : [AS_GIVEN];
  const threads = drawn ? startFan(dir, options, open, chosen.at(-1)!, drawn) : undefined;
  let scenarios;
  let fan: { readonly rows: readonly FanRow[]; readonly draws: string } | undefined;
  try {
    scenarios = await finishWithTurns(
      reportScenarioSteps(open.model, chosen, open.scenarios, warnings),
    );
    // Warnings are about the user's data: said with --quiet too (README, "--quiet").
    await printWarnings(warnings);
    if (drawn) {
      const progress = await drawingProgress(
        drawn.draws,
        dir,
        { quiet: Boolean(options.quiet), json: false },
        options.area === undefined ? undefined : open.model.area,
      );
      let simulated;
      try {
        simulated = await simulatedFan(open.model, chosen.at(-1)!, threads!, drawn, progress.begun);
      } finally {
        progress.stop();
      }
      if (simulated.issues.length)
        cliIo().stderr.write(formatIssues(simulated.issues, await issuePaint()));
      warnings.push(...simulated.issues);
      fan = simulated;
    }
  } finally {
    threads?.stop();
  }
  const report: ReportModel = {
    model: open.model,
    scenarios,
    ...(options.area !== undefined ? { area: open.model.area.code } : {}),
    dsgMap: map.map,
    // Paths relative to the model folder, as project's manifest gives them: the same report
    // from another working folder is the same bytes, and shows no one's install path.
    manifest: buildManifest({
      version: toolVersion(),
      inputs: relativeInputs(dir, inputs),
      ...(scenarios[0]!.projection.tariff.source
        ? { tariffSource: fromModel(dir, scenarios[0]!.projection.tariff.source) }
        : {}),
      projection: scenarios[0]!.projection,
      options: {
        command: 'report',
        out: kind,
        scenarios: chosen.map((s) => s.id).join(','),
        // --area as areas.csv writes the code, however it was typed.
        ...(options.area !== undefined ? { area: open.model.area.code } : {}),
        ...(options.tariff ? { tariff: tariffOptionRecorded(dir, options.tariff) } : {}),
        ...(fan ? { draws: fan.draws } : {}),
        // As read, so the same draws give the same bytes however the seed was typed (7, 07, 1,000).
        ...(drawn ? { seed: String(drawn.seed) } : {}),
      },
    }),
    ...(fan ? { fan: fan.rows } : {}),
    warnings: reportWarnings(dir, warnings),
  };
  // Each renderer is loaded only when asked for: exceljs alone takes a fifth of a run to load.
  const bytes =
    kind === 'html'
      ? (await import('../../report/html/render-html.js')).renderHtml({
          title: `High-needs projection: ${open.model.area.name} (${open.model.area.code})`,
          subtitle: `Scenarios: ${chosen.map((s) => s.label).join('; ')}. Tariff: ${open.model.tariff.title}. Made by highneeds ${toolVersion()}.`,
          sections: (await import('../../report/presentation/report-sections.js')).reportSections(
            report,
            fan?.draws,
          ),
        })
      : await (
          await import('../../report/xlsx/write-workbook.js')
        ).writeWorkbook(
          (await import('../../report/xlsx/report-sheets.js')).reportSheets(report, fan?.draws),
        );
  const staged = stageOutput(
    options.out!,
    bytes,
    inputs.map((i) => i.path),
  );
  await yieldToSignals();
  await commitOutput(staged);
  if (!options.quiet) cliIo().stderr.write(`highneeds: wrote ${options.out}\n`);
  return 0;
}
