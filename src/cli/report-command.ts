import { type Command, Option } from 'commander';
import {
  ALLOW_OUTSIDE_HELP,
  areaOption,
  hnbFromOption,
  scenariosFileOption,
} from './shared-options.js';
import { quietOption } from './quiet-option.js';

/** `highneeds report`: registered here, run by ./commands/report.ts when called. */
export function addReportCommand(root: Command, setExit: (code: number) => void): void {
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
    .addOption(new Option('--scenario <id>', "project's spelling, taken as --scenarios").hideHelp())
    .addOption(scenariosFileOption())
    .option('--tariff <file-or-id>', "use this tariff instead of the model's")
    .addOption(hnbFromOption())
    .addOption(areaOption())
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
}
