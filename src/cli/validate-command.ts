import type { Command } from 'commander';
import { ALLOW_OUTSIDE_HELP, areaOption, hnbFromOption } from './shared-options.js';
import { quietOption } from './quiet-option.js';

/** `highneeds validate`: registered here, run by ./commands/validate.ts when called. */
export function addValidateCommand(root: Command, setExit: (code: number) => void): void {
  root
    .command('validate')
    .description('check a model folder and report every problem at once')
    .argument('[model-dir]', 'model folder (default: the example)')
    .addOption(hnbFromOption())
    .addOption(areaOption())
    .option(
      '--scenarios-file <file>',
      "check the scenarios of this file instead of the model folder's scenarios.json",
    )
    .addOption(quietOption())
    .option('--allow-outside', ALLOW_OUTSIDE_HELP)
    .action(async (dir: string | undefined, options: { quiet?: boolean }) =>
      setExit(await (await import('./commands/validate.js')).runValidate(dir, options)),
    );
}
