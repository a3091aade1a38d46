import { availableParallelism } from 'node:os';
import type { Decimal } from 'decimal.js';
import { InputError } from '../../core/errors.js';
import { hasErrors, sortIssues } from '../../core/issue.js';
import { AreaSimulation } from '../../core/simulate/simulate-area.js';
import { type Simulation, simulate, summarise } from '../../core/simulate/simulate.js';
import { displayPath } from '../../io/files.js';
import { limitsFromEnvironment } from '../../io/limits.js';
import { DrawThreads } from '../../io/simulate-threads.js';
import { checkOutputOption, commitOutput, stageOutputs } from '../../io/write-output.js';
import {
  renderIntervalsCsv,
  renderIntervalsJson,
  renderIntervalsTable,
} from '../../report/intervals.js';
import { yieldToSignals } from '../interrupt.js';
import { findScenario, openModel, tariffOption } from '../open-model.js';
import { type Format, outputFormat, withBom } from '../output-format.js';
import { cliIo } from '../cli-io.js';
import { formatIssues } from '../print-issues.js';
import { issuePaint, spinner, tableWidth } from '../terminal.js';
import { defaultModelDir, defaultTariffDir } from '../version.js';
import { thresholdOption } from '../threshold-option.js';
import { wholeOption } from '../whole-option.js';

export interface SimulateCommandOptions {
  readonly draws?: string;
  readonly seed?: string;
  readonly scenario?: string;
  readonly scenariosFile?: string;
  readonly threshold?: readonly string[];
  readonly jobs?: string;
  readonly tariff?: string;
  readonly format?: Format;
  readonly out?: string;
  readonly bom?: boolean;
  readonly quiet?: boolean;
}

/** Draws at most; a million draws of a median area is a quarter of an hour. */
const MAX_DRAWS = 1_000_000;
/** Fewer draws than this are drawn on the main thread alone: a worker takes longer to start. */
const DRAWS_PER_THREAD = 200;

/** `highneeds simulate [model-dir]`: read, check, draw (on threads), summarise, render, write. */
export async function runSimulate(
  dirArgument: string | undefined,
  options: SimulateCommandOptions,
): Promise<number> {
  const draws = wholeOption('--draws', options.draws, 1000, [1, MAX_DRAWS]);
  const seed = wholeOption('--seed', options.seed, 1, [0, Number.MAX_SAFE_INTEGER]);
  const jobs = wholeOption('--jobs', options.jobs, availableParallelism(), [1, 1024]);
  const limits = thresholdOption(options.threshold);
  checkOutputOption('--out', options.out);
  const format = outputFormat(options);
  withBom('', format, options.bom);
  const dir = dirArgument ?? defaultModelDir();
  // This thread draws too. The others start now with their task, reading the model while this one
  // reads and checks it; a problem found here stops them (finally).
  const threads = DrawThreads.start(
    Math.min(jobs, availableParallelism(), Math.ceil(draws / DRAWS_PER_THREAD)) - 1,
    {
      dir,
      load: {
        limits: limitsFromEnvironment(cliIo().env),
        libraryDir: defaultTariffDir(),
        ...(options.tariff ? { tariffFile: tariffOption(options.tariff)! } : {}),
      },
      ...(options.scenariosFile ? { scenariosFile: options.scenariosFile } : {}),
      ...(options.scenario !== undefined ? { scenario: options.scenario } : {}),
      seed,
      draws,
    },
  );
  try {
    return await simulateWith(dir, options, { draws, seed, limits, format }, threads);
  } finally {
    threads.stop();
  }
}

async function simulateWith(
  dir: string,
  options: SimulateCommandOptions,
  {
    draws,
    seed,
    limits,
    format,
  }: { draws: number; seed: number; limits: Decimal[]; format: Format },
  threads: DrawThreads,
): Promise<number> {
  const open = openModel(dir, {
    ...(options.tariff ? { tariff: options.tariff } : {}),
    ...(options.scenariosFile ? { scenariosFile: options.scenariosFile } : {}),
  });
  const scenario =
    options.scenario === undefined ? undefined : findScenario(open, options.scenario);
  const progress = (
    await spinner(`Drawing ${draws} times from ${displayPath(dir)}`, {
      quiet: Boolean(options.quiet),
      json: format === 'json',
    })
  ).start();
  let simulation: Simulation;
  let issues;
  try {
    if (threads.size === 0) {
      const outcome = simulate(open.model, {
        draws,
        seed,
        thresholds: limits,
        ...(scenario ? { scenario } : {}),
      });
      issues = sortIssues([...open.issues, ...outcome.issues]);
      if (!outcome.simulation || hasErrors(issues)) throw new InputError(issues);
      simulation = outcome.simulation;
    } else {
      // Checked and projected here first, so that a problem is reported once, located, not by each thread.
      const prepared = AreaSimulation.prepare(open.model, scenario);
      issues = sortIssues([...open.issues, ...prepared.issues]);
      if (!prepared.simulation || hasErrors(issues)) throw new InputError(issues);
      const here = prepared.simulation;
      const figures = await threads.draw(
        (from, to) => Array.from({ length: to - from }, (_, i) => here.draw(seed, from + i)),
        (pupils) => here.figuresOf(pupils),
      );
      simulation = summarise(
        open.model.area.code,
        scenario?.id ?? '',
        prepared.simulation.financialYears,
        figures,
        { seed, thresholds: limits },
      );
    }
  } finally {
    progress.stop();
  }
  if (issues.length && !options.quiet)
    cliIo().stderr.write(formatIssues(issues, await issuePaint()));
  const text = withBom(
    format === 'table'
      ? renderIntervalsTable(simulation, tableWidth(Boolean(options.out)))
      : format === 'json'
        ? renderIntervalsJson(
            simulation,
            issues.map((issue) => `${issue.code}: ${issue.message}`),
          )
        : renderIntervalsCsv(simulation.rows, simulation.thresholds),
    format,
    options.bom,
  );
  const staged = stageOutputs(
    options.out ? [{ target: options.out, text }] : [],
    open.inputs.map((input) => input.path),
  );
  await yieldToSignals();
  for (const output of staged) await commitOutput(output);
  if (!options.out) cliIo().stdout.write(text);
  return 0;
}
