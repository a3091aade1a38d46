import type { Command } from 'commander';
import { bomOption, formatOption } from './shared-options.js';
import { quietOption } from './quiet-option.js';
import { refuseHistoryFolder } from './history-folder.js';

/** Options calibrate and backtest share: the history and what it is read with (docs/calibration.md). */
function historyOptions(command: Command): Command {
  return command
    .option(
      '--transitions <file>',
      'the history as transitions: calendar-year, setting-1, need-1, academic-year-1, setting-2, need-2, academic-year-2',
    )
    .option(
      '--snapshots <file>',
      'the history as January snapshots: year, person_id, ncy, need, setting[, band]',
    )
    .option(
      '--population <file>',
      'resident population: calendar-year, academic-year, population (or academic_year, ncy, population)',
    )
    .option(
      '--codes <file>',
      'codes.csv: kind (need or setting), from (a local code), to (a SEN2 need or a setting id)',
    )
    .option(
      '--prior-weight <w>',
      "pseudo-observations at the parent's rate each fitted rate is shrunk with (default 1)",
    );
}

/** `highneeds calibrate` and `backtest`: registered here, run by ./commands/calibrate.ts and ./commands/backtest.ts when called. */
export function addHistoryCommands(root: Command, setExit: (code: number) => void): void {
  historyOptions(
    root
      .command('calibrate')
      .description(
        "fit a runnable model folder to the authority's own history: ceasing, transitions, new plans per head",
      ),
  )
    // Required, but checked in the action: a history folder given instead of the options is
    // answered first with the command that reads it, --out-dir DIR and all (history-folder.ts).
    .option('--out-dir <dir>', 'the model folder to write (new or empty)')
    .option(
      '--costs <file>',
      "costs.csv: need, setting, cost (annual top-up per pupil, place funding not included: the tariff stub's top-ups)",
    )
    .option(
      '--fit-years <from-to>',
      'fit only the rows of these calendar years, e.g. 2018-2023 (default: all)',
    )
    .option(
      '--horizon <year>',
      'the last financial year to project, e.g. 2030-31 (default: 5 years, as far as the population goes)',
    )
    .option('--area <code>', "the area's code (default: 000)")
    .option('--name <name>', "the area's name (default: Calibrated authority)")
    .addOption(quietOption())
    // A folder given as every other command takes one is answered with the options (history-folder.ts).
    .allowExcessArguments()
    .action(async (options, command: Command) => {
      refuseHistoryFolder('calibrate', command.args, (options as { outDir?: string }).outDir);
      if ((options as { outDir?: string }).outDir === undefined)
        command.error("error: required option '--out-dir <dir>' not specified", {
          code: 'commander.missingMandatoryOptionValue',
        });
      setExit(await (await import('./commands/calibrate.js')).runCalibrate(options));
    });
  historyOptions(
    root
      .command('backtest')
      .description(
        'rolling-origin backtest: fit on the years before each January, project to the last, compare with what happened',
      ),
  )
    .addOption(formatOption())
    .option('--out <file>', 'write the output to this file (atomically) instead of stdout')
    .option('--summary', 'CSV: MAPE and bias by horizon instead of every row')
    .option(
      '--draws <n>',
      "95% intervals from this many of simulate's draws of each origin's model, and their coverage",
    )
    .option('--seed <s>', 'the seed of the draws (default 1)')
    .addOption(bomOption())
    .allowExcessArguments()
    .action(async (options, command: Command) => {
      refuseHistoryFolder('backtest', command.args);
      setExit(await (await import('./commands/backtest.js')).runBacktest(options));
    });
}
