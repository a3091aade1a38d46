import { type Command, Option } from 'commander';
import { repeatable } from './option-once.js';
import { ALLOW_OUTSIDE_HELP, anyCaseChoices, areaOption } from './shared-options.js';

/** `highneeds explain`: registered here, run by ./commands/explain.ts when called. */
export function addExplainCommand(root: Command, setExit: (code: number) => void): void {
  root
    .command('explain')
    .description(
      'how one figure of the summary is built, down to its inputs: pupils, rates and their tariff rows, funding rows, balances',
    )
    .argument('[model-dir]', 'model folder (default: the example)')
    .requiredOption('--year <financial-year>', 'the financial year, e.g. 2027-28')
    .requiredOption(
      '--figure <name>',
      'a column of the summary: spend_top_up, spend_place, spend_total, income_hnb, income_total, in_year_balance, cumulative_balance, …',
    )
    .option(
      '--setting <id>',
      "one setting's part (pupils_january, spend_top_up, spend_place and place_dfe are given by setting)",
    )
    .option(
      '--scenario <id>',
      "explain the figure under one scenario of the model's scenarios.json",
    )
    .option('--scenarios-file <file>', "scenarios from this file instead of the model folder's")
    .option('--tariff <file-or-id>', "use this tariff instead of the model's")
    .option(
      '--hnb-from <file>',
      "take hnb_allocation for the model's area from a highneeds nff output CSV (repeat for more years)",
      repeatable,
    )
    .addOption(areaOption())
    .addOption(
      anyCaseChoices(
        new Option(
          '--format <format>',
          "table, or json: the same tree as data, versioned (default: from --out's extension, else table)",
        ),
        ['table', 'json'],
      ),
    )
    .option('--out <file>', 'write the output to this file (atomically) instead of stdout')
    .option('--allow-outside', ALLOW_OUTSIDE_HELP)
    .action(async (dir: string | undefined, options) =>
      setExit(await (await import('./commands/explain.js')).runExplain(dir, options)),
    );
}
