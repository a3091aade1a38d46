import { InvalidArgumentError, Option } from 'commander';
import { repeatable } from './option-once.js';

// Options several commands share, said in the same words in each.

/** --allow-outside: model files may name tariffs and tables outside the model folder and the tariff library (issue 18, defect 7). */
export const ALLOW_OUTSIDE_HELP =
  'let model files name tariffs and tables outside the model folder and the tariff library';

export const formatOption = () =>
  anyCaseChoices(
    new Option(
      '--format <format>',
      "output format (default: from --out's extension, .csv or .json; else table on a terminal, csv otherwise)",
    ),
    ['table', 'csv', 'json'],
  );

/**
 * An option of a few words, taken in any case and with spaces around (`--format CSV`, as a
 * spreadsheet user writes it, was refused), shown in help as commander shows its choices.
 */
export function anyCaseChoices(option: Option, choices: readonly string[]): Option {
  return option.choices(choices).argParser((value: string) => {
    const word = value.trim().toLowerCase();
    if (!choices.includes(word))
      throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    return word;
  });
}
export const bomOption = () => new Option('--bom', "start CSV output with Excel's byte order mark");
/** One area's --hnb-from (batch's says each area's). */
export const hnbFromOption = () =>
  new Option(
    '--hnb-from <file>',
    "take hnb_allocation for the model's area from a highneeds nff output CSV (repeat for more years)",
  ).argParser(repeatable);
export const scenariosFileOption = () =>
  new Option(
    '--scenarios-file <file>',
    "scenarios from this file instead of the model folder's scenarios.json",
  );
/** compare's --scenarios on project and solve, which run one scenario (src/cli/scenario-spelling.ts). */
export const scenariosAsScenarioOption = () =>
  new Option('--scenarios <id>', "compare's spelling: one id is taken as --scenario").hideHelp();
/** --area: one area of a national model, as batch models it (src/io/national-area.ts). */
export const areaOption = () =>
  new Option(
    '--area <code>',
    'one area of a national model (model.json naming an areas table): its code in areas.csv, or its name',
  );
