import { type Command, Option } from 'commander';
import {
  ALLOW_OUTSIDE_HELP,
  formatOption,
  areaOption,
  hnbFromOption,
  scenariosFileOption,
} from './shared-options.js';
import { quietOption } from './quiet-option.js';

/** `highneeds compare`: registered here, run by ./commands/compare.ts when called. */
export function addCompareCommand(root: Command, setExit: (code: number) => void): void {
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
    .addOption(areaOption())
    .addOption(formatOption())
    .option('--out <file>', 'write to this file (atomically)')
    .option('--bom', "start CSV output with Excel's byte order mark")
    .addOption(new Option('--scenario <id>', "project's spelling, taken as --scenarios").hideHelp())
    .addOption(quietOption())
    .option('--allow-outside', ALLOW_OUTSIDE_HELP)
    .action(async (dir: string | undefined, options) =>
      setExit(await (await import('./commands/compare.js')).runCompare(dir, options)),
    );
}
