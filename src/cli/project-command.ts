import type { Command } from 'commander';
import {
  ALLOW_OUTSIDE_HELP,
  scenariosAsScenarioOption,
  formatOption,
  areaOption,
  hnbFromOption,
  scenariosFileOption,
} from './shared-options.js';
import { quietOption } from './quiet-option.js';
import type { ProjectOptions } from './commands/project.js';

/** `highneeds project`: registered here, run by ./commands/project.ts when called. */
export function addProjectCommand(root: Command, setExit: (code: number) => void): void {
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
    .addOption(areaOption())
    .option(
      '--bom',
      "start CSV output with Excel's byte order mark, so names with accents open correctly",
    )
    .addOption(quietOption())
    .addOption(scenariosAsScenarioOption())
    // One module per command, loaded when that command runs (changesets' cli does the same).
    .option('--allow-outside', ALLOW_OUTSIDE_HELP)
    .action(async (dir: string | undefined, options: ProjectOptions) =>
      setExit(await (await import('./commands/project.js')).runProject(dir, options)),
    );
}
