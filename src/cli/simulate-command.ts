import type { Command } from 'commander';
import {
  ALLOW_OUTSIDE_HELP,
  areaOption,
  bomOption,
  formatOption,
  hnbFromOption,
} from './shared-options.js';
import { quietOption } from './quiet-option.js';
import { repeatable } from './option-once.js';

/** `highneeds simulate`: registered here, run by ./commands/simulate.ts when called. */
export function addSimulateCommand(root: Command, setExit: (code: number) => void): void {
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
    .addOption(hnbFromOption())
    .addOption(areaOption())
    .addOption(formatOption())
    .option('--out <file>', 'write to this file (atomically) instead of stdout')
    .addOption(bomOption())
    .addOption(quietOption())
    .option('--allow-outside', ALLOW_OUTSIDE_HELP)
    .action(async (dir: string | undefined, options) =>
      setExit(await (await import('./commands/simulate.js')).runSimulate(dir, options)),
    );
}
