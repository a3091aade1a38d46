import type { Command } from 'commander';
import {
  ALLOW_OUTSIDE_HELP,
  scenariosAsScenarioOption,
  formatOption,
  areaOption,
  hnbFromOption,
} from './shared-options.js';
import { quietOption } from './quiet-option.js';

/** `highneeds solve`: registered here, run by ./commands/solve.ts when called. */
export function addSolveCommand(root: Command, setExit: (code: number) => void): void {
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
    .addOption(areaOption())
    .addOption(formatOption())
    .option(
      '--out <file>',
      'write the projection at the answer to this file (atomically) instead of stdout',
    )
    .option('--bom', "start CSV output with Excel's byte order mark")
    .addOption(quietOption())
    .addOption(scenariosAsScenarioOption())
    .option('--allow-outside', ALLOW_OUTSIDE_HELP)
    .action(async (dir: string | undefined, options) =>
      setExit(await (await import('./commands/solve.js')).runSolve(dir, options)),
    );
}
