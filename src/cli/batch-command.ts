import { type Command, Option } from 'commander';
import { ALLOW_OUTSIDE_HELP } from './shared-options.js';
import { quietOption } from './quiet-option.js';
import { repeatable } from './option-once.js';

/** `highneeds batch`: registered here, run by ./commands/batch.ts when called. */
export function addBatchCommand(root: Command, setExit: (code: number) => void): void {
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
    .addOption(new Option('--scenario <id>', "project's spelling, taken as --scenarios").hideHelp())
    .addOption(
      new Option(
        '--area <code>',
        "the one-area commands' option, refused with them named",
      ).hideHelp(),
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
      "start summary.csv, national.csv, failures.csv and, with --draws, intervals.csv with Excel's byte order mark",
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
}
