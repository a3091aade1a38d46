import type { Command } from 'commander';
import { quietOption } from './quiet-option.js';

/** `highneeds init`: registered here, run by ./commands/init.ts when called. */
export function addInitCommand(root: Command, setExit: (code: number) => void): void {
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
}
