import { Command, CommanderError, Option } from 'commander';
import { InputError, InternalError, UsageError } from '../core/errors.js';
import { cliIo, type CliIo, processIo, withCliIo } from './cli-io.js';
import type { ProjectOptions } from './commands/project.js';
import { addExplainCommand } from './explain-command.js';
import { examplesText } from './help-examples.js';
import { refuseRepeatedOptions, repeatable } from './option-once.js';
import { formatIssues, wantsJson } from './print-issues.js';
import { visible } from '../report/visible.js';
import { issuePaint } from './terminal.js';
import { toolVersion } from './version.js';
import { quietOption } from './quiet-option.js';

/** --allow-outside: model files may name tariffs and tables outside the model folder and the tariff library (issue 18, defect 7). */
const ALLOW_OUTSIDE_HELP =
  'let model files name tariffs and tables outside the model folder and the tariff library';

/**
 * Exit codes (docs/errors.md, "Exit codes"). main.ts alone sets process.exitCode from what
 * main() returns. `closedPipe` is what a shell shows for a Unix tool ended by SIGPIPE (128 + 13):
 * stdout's reader went away (`highneeds project | head -1`), so the run ends quietly.
 */
export const EXIT = {
  ok: 0,
  input: 1,
  usage: 2,
  internal: 3,
  noAnswer: 4,
  closedPipe: 141,
} as const;

function program(setExit: (code: number) => void): Command {
  const root = new Command('highneeds')
    .description(
      'Project England high-needs (SEND) spend, income and DSG balance from an EHCP cohort and a tariff table',
    )
    .version(toolVersion())
    .exitOverride()
    .showHelpAfterError('(run highneeds --help for usage)')
    // Help, --version and commander's own errors go to the run's streams (set before any command is added: they inherit it).
    .configureOutput({
      writeOut: (text) => cliIo().stdout.write(text),
      writeErr: (text) => cliIo().stderr.write(text),
      getOutHelpWidth: () => cliIo().stdout.columns ?? 80,
      getErrHelpWidth: () => cliIo().stderr.columns ?? 80,
    });
  root
    .command('project')
    .description(
      'project spend, income and the DSG balance for each financial year (default model: the shipped example)',
    )
    .argument('[model-dir]', 'model folder (model.json, cohort.csv, funding.csv, …)')
    .addOption(formatOption())
    .option('--out <file>', 'write the output to this file (atomically) instead of stdout')
    .option(
      '--detail',
      'add spend, pupils and flows by setting (JSON: and by need and age group too)',
    )
    .option(
      '--breakdown <by>',
      'instead of the summary, EHCPs in January and top-up spend by need or age-group',
    )
    .option(
      '--manifest <file>',
      'also write the provenance manifest (tool version, input SHA-256s, tariff dates, options) as JSON',
    )
    .option(
      '--tariff <file-or-id>',
      "use this tariff instead of the model's (a file, or an id in the tariff library)",
    )
    .option('--scenario <id>', "project one scenario of the model's scenarios.json")
    .addOption(scenariosFileOption())
    .addOption(hnbFromOption())
    .option(
      '--bom',
      "start CSV output with Excel's byte order mark, so names with accents open correctly",
    )
    .addOption(quietOption())
    .addOption(
      new Option(
        '--scenarios <id>',
        "compare's spelling: one id is taken as --scenario",
      ).hideHelp(),
    )
    // One module per command, loaded when that command runs (changesets' cli does the same).
    .option('--allow-outside', ALLOW_OUTSIDE_HELP)
    .action(async (dir: string | undefined, options: ProjectOptions) =>
      setExit(await (await import('./commands/project.js')).runProject(dir, options)),
    );
  root
    .command('init')
    .description(
      "start a model: a new folder with every file's header, an example row each and a README explaining every column",
    )
    .argument('<dir>', 'the folder to create (it must be new or empty)')
    .option('--area <code>', "the area's code, e.g. 880 (default: 000)")
    .option('--name <name>', "the area's name (default: New Authority)")
    .option(
      '--tariff <id-or-file>',
      'an id in the tariff library (default: example-borough-2025), or a tariff file to copy into the folder',
    )
    .option(
      '--national',
      'a national model folder: model.json naming areas.csv, an area column in every CSV',
    )
    .option(
      '--base-year <year>',
      'the academic year of the January census the cohort is from, e.g. 2025/26 (default: the latest January)',
    )
    .addOption(quietOption())
    .action(async (dir: string, options) =>
      setExit(await (await import('./commands/init.js')).runInit(dir, options)),
    );
  root
    .command('validate')
    .description('check a model folder and report every problem at once')
    .argument('[model-dir]', 'model folder')
    .addOption(hnbFromOption())
    .option(
      '--scenarios-file <file>',
      "check the scenarios of this file instead of the model folder's scenarios.json",
    )
    .addOption(quietOption())
    .option('--allow-outside', ALLOW_OUTSIDE_HELP)
    .action(async (dir: string | undefined, options: { quiet?: boolean }) =>
      setExit(await (await import('./commands/validate.js')).runValidate(dir, options)),
    );
  root
    .command('nff')
    .description(
      'the high-needs national funding formula for every area in a factors file: each step, the floor and cap, the allocation',
    )
    .argument('<factors>', 'nff-factors.csv: one row per area')
    .requiredOption(
      '--year <financial-year>',
      'the financial year, e.g. 2025-26 (parameters from <params>/<year>.json)',
    )
    .option('--params <dir>', 'folder of parameter files (default: the shipped nff-parameters/)')
    .option(
      '--solve-cap',
      "find the gains cap that makes the allocations add up to the parameters' nationalTotal",
    )
    .option('--area <code>', 'one area; with the table format, its calculation step by step')
    .addOption(formatOption())
    .option('--out <file>', 'write the output to this file (atomically) instead of stdout')
    .option(
      '--manifest <file>',
      "also write the provenance manifest (tool version, the input files' SHA-256s, the parameters, options) as JSON",
    )
    .option(
      '--baseline-from <file>',
      "in a rollover year, each area's baseline_allocation from this earlier highneeds nff output (its allocation for the year before)",
    )
    .option('--bom', "start CSV output with Excel's byte order mark")
    .action(async (factors: string, options) =>
      setExit(await (await import('./commands/nff.js')).runNff(factors, options)),
    );
  root
    .command('batch')
    .description(
      'every area of a national model (or a folder of model folders) under each scenario, in parallel: summary.csv, national.csv, failures.csv, manifest.json',
    )
    .argument(
      '[dir]',
      'national model folder (model.json naming an areas table), or a folder of model folders (default: the current folder)',
    )
    .requiredOption(
      '--out-dir <dir>',
      'folder for summary.csv, national.csv, failures.csv and manifest.json (written atomically)',
    )
    .option(
      '--scenarios <ids>',
      'which scenarios of scenarios.json, comma-separated (default: all)',
    )
    .option(
      '--jobs <n>',
      'threads that model areas, the main one included (default: the number of cores)',
    )
    .option(
      '--tariff <file-or-id>',
      "use this tariff for every area that has none of its own in areas.csv, instead of model.json's (a file, or an id in the tariff library)",
    )
    .option(
      '--hnb-from <file>',
      "take each area's hnb_allocation from a highneeds nff output CSV (repeat for more years)",
      repeatable,
    )
    .option(
      '--report <dir>',
      'also write the national report to this folder: national-report.html and national-report.xlsx',
    )
    .option('--fail-fast', 'stop at the first area that fails, writing nothing')
    .option(
      '--force',
      'write into an --out-dir that holds other files, and replace a national report in --report that no batch wrote',
    )
    .option(
      '--bom',
      "start summary.csv, national.csv and failures.csv with Excel's byte order mark",
    )
    .addOption(quietOption())
    .option(
      '--draws <n>',
      'also simulate each area this many times and write intervals.csv (docs/simulate.md)',
    )
    .option('--seed <s>', 'the seed of the draws (default 1)')
    .option('--allow-outside', ALLOW_OUTSIDE_HELP)
    .action(async (dir: string | undefined, options) =>
      setExit(await (await import('./commands/batch.js')).runBatchCommand(dir, options)),
    );
  addSimulateCommand(root, setExit);
  root
    .command('report')
    .description(
      'a report to present: a self-contained HTML page with charts, or an Excel workbook, chosen by --out',
    )
    .argument('[model-dir]', 'model folder (default: the shipped example)')
    .requiredOption('--out <file>', 'FILE.html or FILE.xlsx (written atomically)')
    .option(
      '--scenarios <ids>',
      'which scenarios, comma-separated, unmitigated first (default: all in scenarios.json)',
    )
    .addOption(scenariosFileOption())
    .option('--tariff <file-or-id>', "use this tariff instead of the model's")
    .addOption(hnbFromOption())
    .option('--allow-outside', ALLOW_OUTSIDE_HELP)
    .addOption(quietOption())
    .option(
      '--draws <n>',
      'also simulate the plan (last) scenario N times: a fan chart and a "Range of outcomes" sheet (docs/simulate.md)',
    )
    .option('--seed <s>', 'the seed of the draws (default 1)')
    .action(async (dir: string | undefined, options) =>
      setExit(await (await import('./commands/report.js')).runReport(dir, options)),
    );
  addScenarioCommands(root, setExit);
  addExplainCommand(root, setExit);
  addTariffCommands(root, setExit);
  addHistoryCommands(root, setExit);
  teach(root, '');
  return root;
}

/**
 * Every command exits through main's catch, points at its own --help after a mistake
 * (`highneeds project --help`, not the top level's), refuses an option of one value given
 * twice, and ends its help with examples.
 */
function teach(command: Command, name: string): void {
  command.exitOverride();
  refuseRepeatedOptions(command);
  command.showHelpAfterError(`(run highneeds ${name ? `${name} ` : ''}--help for usage)`);
  command.addHelpText('after', examplesText(name));
  for (const sub of command.commands) teach(sub, name ? `${name} ${sub.name()}` : sub.name());
}

/** Parses argv, runs one command and returns the exit code; every error ends here. */
function addScenarioCommands(root: Command, setExit: (code: number) => void): void {
  root
    .command('compare')
    .description(
      'scenarios side by side per financial year, DBV savings by lever, Safety Valve targets',
    )
    .argument('[model-dir]', 'model folder with a scenarios.json (default: the example)')
    .option(
      '--scenarios <ids>',
      'which scenarios, comma-separated, the first as the baseline (default: all)',
    )
    .addOption(scenariosFileOption())
    .option('--savings', 'output the savings by lever instead of the comparison')
    .option('--tariff <file-or-id>', "use this tariff instead of the model's")
    .addOption(hnbFromOption())
    .addOption(formatOption())
    .option('--out <file>', 'write to this file (atomically)')
    .option('--bom', "start CSV output with Excel's byte order mark")
    .addOption(new Option('--scenario <id>', "project's spelling, taken as --scenarios").hideHelp())
    .addOption(quietOption())
    .option('--allow-outside', ALLOW_OUTSIDE_HELP)
    .action(async (dir: string | undefined, options) =>
      setExit(await (await import('./commands/compare.js')).runCompare(dir, options)),
    );
  root
    .command('solve')
    .description('goal-seek one parameter so that a target holds (bisection)')
    .argument('[model-dir]', 'model folder (default: the example)')
    .requiredOption(
      '--target <expr>',
      'in-year-balance>=0@2028-29, cumulative-balance>=0@2030-31 or spend-total<=AMOUNT@YEAR',
    )
    .requiredOption(
      '--vary <param>',
      'lever:ID.share, lever:ID.places, assumption:NAME or transfer:YEAR:SCHOOLS_BLOCK',
    )
    .requiredOption('--range <lo,hi>', 'the values to search, e.g. -0.5,0')
    .option('--scenario <id>', 'the scenario to vary (default: the model as given)')
    .option('--scenarios-file <file>', 'scenarios file')
    .option('--tolerance <t>', 'stop when the value is known to within this (default 0.000001)')
    .option('--tariff <file-or-id>', "use this tariff instead of the model's")
    .addOption(hnbFromOption())
    .addOption(formatOption())
    .option(
      '--out <file>',
      'write the projection at the answer to this file (atomically) instead of stdout',
    )
    .option('--bom', "start CSV output with Excel's byte order mark")
    .addOption(quietOption())
    .addOption(
      new Option(
        '--scenarios <id>',
        "compare's spelling: one id is taken as --scenario",
      ).hideHelp(),
    )
    .option('--allow-outside', ALLOW_OUTSIDE_HELP)
    .action(async (dir: string | undefined, options) =>
      setExit(await (await import('./commands/solve.js')).runSolve(dir, options)),
    );
}

function addSimulateCommand(root: Command, setExit: (code: number) => void): void {
  root
    .command('simulate')
    .description(
      'seeded Monte Carlo: intervals of pupils, spend and the DSG balance by financial year (docs/simulate.md)',
    )
    .argument('[model-dir]', 'model folder (default: the example)')
    .option('--draws <n>', 'how many draws (default 1000)')
    .option('--seed <s>', 'a whole number; the same seed gives the same output (default 1)')
    .option('--scenario <id>', "simulate one scenario of the model's scenarios.json")
    .option('--scenarios-file <file>', 'scenarios file')
    .option(
      '--threshold <amount>',
      'also give the chance that the cumulative balance is below this amount, e.g. -5,000,000 (repeat for more)',
      repeatable,
    )
    .option('--jobs <n>', 'threads to draw on (default: the number of cores)')
    .option('--tariff <file-or-id>', "use this tariff instead of the model's")
    .addOption(formatOption())
    .option('--out <file>', 'write to this file (atomically) instead of stdout')
    .addOption(bomOption())
    .addOption(quietOption())
    .action(async (dir: string | undefined, options) =>
      setExit(await (await import('./commands/simulate.js')).runSimulate(dir, options)),
    );
}

const formatOption = () =>
  new Option(
    '--format <format>',
    "output format (default: from --out's extension, .csv or .json; else table on a terminal, csv otherwise)",
  ).choices(['table', 'csv', 'json']);
const bomOption = () => new Option('--bom', "start CSV output with Excel's byte order mark");
/** One area's --hnb-from (batch's says each area's). */
const hnbFromOption = () =>
  new Option(
    '--hnb-from <file>',
    "take hnb_allocation for the model's area from a highneeds nff output CSV (repeat for more years)",
  ).argParser(repeatable);
const scenariosFileOption = () =>
  new Option(
    '--scenarios-file <file>',
    "scenarios from this file instead of the model folder's scenarios.json",
  );
const tariffs = () => import('./commands/tariffs.js');

function addTariffCommands(root: Command, setExit: (code: number) => void): void {
  const group = root
    .command('tariffs')
    .description('check, show, compare, import and export band and tariff tables');
  group
    .command('list')
    .description('the tables in the library: id, title, years, settings, bands, sources')
    .option('--dir <dir>', 'library folder (default: the shipped tariffs/)')
    .addOption(formatOption())
    .option('--out <file>', 'write to this file')
    .addOption(bomOption())
    .action(async (options) => setExit(await (await tariffs()).runList(options)));
  group
    .command('show')
    .description('a table: every row, or the rows in force on a date')
    .argument('<tariff>', 'a file, or an id in the library')
    .option('--at <date>', 'show the rows in force on this date (YYYY-MM-DD), uplifted as declared')
    .option('--dir <dir>', 'library folder')
    .addOption(formatOption())
    .option('--out <file>', 'write to this file')
    .addOption(bomOption())
    .action(async (tariff: string, options) =>
      setExit(await (await tariffs()).runShow(tariff, options)),
    );
  group
    .command('check')
    .description('validate tariff files (default: the whole library); every problem at once')
    .argument('[files...]', 'tariff files')
    .option('--dir <dir>', 'library folder')
    .addOption(quietOption())
    .action(async (files: string[], options) =>
      setExit(await (await tariffs()).runCheck(files, options)),
    );
  group
    .command('diff')
    .description('rows that differ between two tables, and with --model what switching costs')
    .argument('<a>', 'the table you have (file or id)')
    .argument('<b>', 'the table to compare (file or id)')
    .option('--at <date>', 'compare the rows in force on this date')
    .option('--model [dir]', 'project this model under both tables (default: the example)')
    .option('--dir <dir>', 'library folder')
    .addOption(formatOption())
    .option('--out <file>', 'write to this file')
    .addOption(bomOption())
    .action(async (a: string, b: string, options) =>
      setExit(await (await tariffs()).runDiff(a, b, options)),
    );
  group
    .command('import')
    .description('a tariff from its spreadsheet form (CSV), as JSON')
    .argument('<rates>', 'rates CSV: effective_from,setting,band,need,top_up')
    .requiredOption('--settings <file>', 'settings CSV: setting,label,place_value')
    .option('--bands <file>', 'bands CSV: setting,band,label')
    .option('--references <file>', 'references CSV: id,title,url')
    .option('--meta <file>', 'tariff CSV: field,value (id, title, uplift…)')
    .option('--id <id>', 'tariff id')
    .option('--title <title>', 'tariff title')
    .option('--reference <url>', 'the source of the table')
    .option('--reference-title <title>', 'the title of that source')
    .option('--out <file>', 'write the JSON here')
    .addOption(quietOption())
    .action(async (rates: string, options) =>
      setExit(await (await tariffs()).runImport(rates, options)),
    );
  group
    .command('export')
    .description('a tariff as canonical JSON, or with --csv in its spreadsheet form')
    .argument('<tariff>', 'a file, or an id in the library')
    .option('--csv', 'write tariff.csv, references.csv, settings.csv, bands.csv and rates.csv')
    .option('--out-dir <dir>', 'folder for --csv (default: <id>-csv)')
    .option('--bom', "start each --csv file with Excel's byte order mark (the default)")
    .option('--no-bom', 'write the --csv files without the byte order mark')
    .option('--force', 'with --csv, replace the files of an earlier export in --out-dir')
    .option('--out <file>', 'write the JSON here')
    .option('--dir <dir>', 'library folder')
    .addOption(quietOption())
    .action(async (tariff: string, options) =>
      setExit(await (await tariffs()).runExport(tariff, options)),
    );
}

/**
 * Runs one command line (argv as process.argv: node, script, then the arguments) and returns
 * its exit code; nothing here exits the process. `io` is the process's streams and environment
 * unless a caller (a test) passes its own.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  return await withCliIo({ io, everyIssue: wantsJson(argv) }, async () => {
    let code: number = EXIT.ok;
    try {
      await program((value) => {
        code = value;
      }).parseAsync([...argv]);
    } catch (cause) {
      code = await report(cause);
    }
    return await stdoutWritten(code, io);
  });
}

/**
 * A run whose stdout could not be written did not do its job (`> /dev/full`: exit 2 with the
 * reason), except when the reader has simply gone: EPIPE ends quietly, as Unix tools do.
 */
async function stdoutWritten(code: number, io: CliIo): Promise<number> {
  const failure = await io.stdout.failure();
  if (failure === undefined) return code;
  if (failure.code === 'EPIPE') return code === EXIT.ok ? EXIT.closedPipe : code;
  io.stderr.write(`highneeds: cannot write to stdout: ${failure.message}\n`);
  return code === EXIT.ok ? EXIT.usage : code;
}

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

function addHistoryCommands(root: Command, setExit: (code: number) => void): void {
  historyOptions(
    root
      .command('calibrate')
      .description(
        "fit a runnable model folder to the authority's own history: ceasing, transitions, new plans per head",
      ),
  )
    .requiredOption('--out-dir <dir>', 'the model folder to write (new or empty)')
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
    .option('--name <name>', "the area's name")
    .addOption(quietOption())
    .action(async (options) =>
      setExit(await (await import('./commands/calibrate.js')).runCalibrate(options)),
    );
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
    .option('--seed <s>', 'the seed of the draws')
    .addOption(bomOption())
    .action(async (options) =>
      setExit(await (await import('./commands/backtest.js')).runBacktest(options)),
    );
}

async function report(cause: unknown): Promise<number> {
  if (cause instanceof CommanderError) {
    // --help and --version exit 0; anything else commander rejects (including no command at all) is usage.
    return cause.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (cause instanceof InputError) {
    cliIo().stderr.write(formatIssues(cause.issues, await issuePaint()));
    return EXIT.input;
  }
  if (cause instanceof UsageError) {
    cliIo().stderr.write(
      cause.issues.length
        ? formatIssues(cause.issues, await issuePaint())
        : `highneeds: ${visible(cause.message)}\n`,
    );
    return EXIT.usage;
  }
  const stack = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
  const what = cause instanceof InternalError ? 'internal error' : 'unexpected error';
  cliIo().stderr.write(
    `highneeds: ${what}: this is a bug; please report it with the command and inputs.\n${stack}\n`,
  );
  return EXIT.internal;
}
