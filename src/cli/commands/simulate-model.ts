import type { Decimal } from 'decimal.js';
import { InputError } from '../../core/errors.js';
import { hasErrors, sortIssues } from '../../core/issue.js';
import { AreaSimulation } from '../../core/simulate/simulate-area.js';
import { type Simulation, simulate, summarise } from '../../core/simulate/simulate.js';
import { displayPath } from '../../io/files.js';
import type { DrawThreads } from '../../io/simulate-threads.js';
import {
  renderIntervalsCsv,
  renderIntervalsJson,
  renderIntervalsTable,
} from '../../report/intervals.js';
import { writeOrPrint } from '../write-or-print.js';
import { findScenario, openModel } from '../open-model.js';
import { type Format, withBom } from '../output-format.js';
import { cliIo } from '../cli-io.js';
import { formatIssues } from '../print-issues.js';
import { issuePaint, spinner, tableWidth } from '../terminal.js';
import type { SimulateCommandOptions } from './simulate.js';

/**
 * `highneeds simulate` once its options are checked and its worker threads started: read and
 * check the model, draw (on the threads), summarise, render, write.
 */
export async function simulateModel(
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
  const drawing = `Drawing ${draws} times from ${displayPath(dir)}`;
  const progress = (
    await spinner(drawing, {
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
        // This thread draws alone and never pauses: the spinner turns only when told.
        onDraw: (drawn) => progress.update(`${drawing}: ${Math.floor((drawn / draws) * 100)}%`),
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
        (pupils, index) => here.figuresOf(pupils, { seed, index }),
        (share) => progress.update(`${drawing}: ${Math.floor(share * 100)}%`),
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
  // Warnings are about the user's data: said with --quiet too (README, "--quiet").
  if (issues.length) cliIo().stderr.write(formatIssues(issues, await issuePaint()));
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
  await writeOrPrint(
    text,
    options.out,
    open.inputs.map((input) => input.path),
  );
  return 0;
}
