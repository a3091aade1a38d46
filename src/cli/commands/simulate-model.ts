import type { Decimal } from 'decimal.js';
import { InputError } from '../../core/errors.js';
import { drawnInputs } from '../../core/simulate/drawn-inputs.js';
import { hasErrors, sortIssues } from '../../core/issue.js';
import { issueFromBase } from '../../io/issue-paths.js';
import { simulateOnThreads } from '../../io/simulate-on-threads.js';
import {
  renderIntervalsCsv,
  renderIntervalsJson,
  renderIntervalsTable,
} from '../../report/intervals.js';
import { checkOutputOption } from '../../io/write-output.js';
import { writeOrPrint } from '../write-or-print.js';
import { findScenario, openModel } from '../open-model.js';
import { type Format, withBom } from '../output-format.js';
import { cliIo } from '../cli-io.js';
import { formatIssues } from '../print-issues.js';
import { issuePaint, tableWidth } from '../terminal.js';
import { drawingProgress } from '../drawing-progress.js';
import type { SimulateCommandOptions, StartOnce } from './simulate.js';

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
  threadStart: StartOnce,
): Promise<number> {
  const open = await openModel(dir, {
    ...(options.tariff ? { tariff: options.tariff } : {}),
    ...(options.scenariosFile ? { scenariosFile: options.scenariosFile } : {}),
    ...(options.hnbFrom ? { hnbFrom: options.hnbFrom } : {}),
    ...(options.area !== undefined ? { area: options.area } : {}),
    ...(options.allowOutside ? { allowOutside: true } : {}),
    reading: { quiet: Boolean(options.quiet), json: format === 'json' },
  });
  checkOutputOption(
    '--out',
    options.out,
    open.inputs.map((input) => input.path),
  );
  const scenario =
    options.scenario === undefined ? undefined : findScenario(open, options.scenario);
  const progress = await drawingProgress(
    draws,
    dir,
    { quiet: Boolean(options.quiet), json: format === 'json' },
    options.area === undefined ? undefined : open.model.area,
  );
  let outcome: Awaited<ReturnType<typeof simulateOnThreads>>;
  try {
    outcome = await simulateOnThreads(
      open.model,
      scenario,
      threadStart.start(open.nationalArea),
      { seed, thresholds: limits },
      progress.begun,
    );
  } finally {
    progress.stop();
  }
  const issues = sortIssues([...open.issues, ...outcome.issues]);
  if (!outcome.simulation || hasErrors(issues)) throw new InputError(issues);
  const { simulation } = outcome;
  const drawn = drawnInputs(open.model, scenario);
  // Warnings are about the user's data: said with --quiet too (README, "--quiet").
  if (issues.length) cliIo().stderr.write(formatIssues(issues, await issuePaint()));
  const text = withBom(
    format === 'table'
      ? renderIntervalsTable(
          simulation,
          drawn,
          tableWidth(Boolean(options.out)),
          open.model.area.name,
        )
      : format === 'json'
        ? renderIntervalsJson(
            simulation,
            drawn,
            // From the model folder, as project's JSON names files.
            issues.map((issue) => issueFromBase(dir, issue)),
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
