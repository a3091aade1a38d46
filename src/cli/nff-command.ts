import type { Command } from 'commander';
import { formatOption } from './shared-options.js';

/** `highneeds nff`: registered here, run by ./commands/nff.ts when called. */
export function addNffCommand(root: Command, setExit: (code: number) => void): void {
  root
    .command('nff')
    .description(
      'the high-needs national funding formula for every area in a factors file: each step, the floor and cap, the allocation',
    )
    .argument('<factors>', 'nff-factors.csv: one row per area')
    .requiredOption(
      '--year <financial-year>',
      'the financial year, e.g. 2025-26 (parameters from <params>/<year>.json)',
    )
    .option('--params <dir>', 'folder of parameter files (default: the shipped nff-parameters/)')
    .option(
      '--solve-cap',
      "find the gains cap that makes the allocations add up to the parameters' nationalTotal",
    )
    .option('--area <code>', 'one area; with the table format, its calculation step by step')
    .addOption(formatOption())
    .option('--out <file>', 'write the output to this file (atomically) instead of stdout')
    .option(
      '--manifest <file>',
      "also write the provenance manifest (tool version, the input files' SHA-256s, the parameters, options) as JSON",
    )
    .option(
      '--baseline-from <file>',
      "in a rollover year, each area's baseline_allocation from this earlier highneeds nff output (its allocation for the year before)",
    )
    .option('--bom', "start CSV output with Excel's byte order mark")
    .action(async (factors: string, options) =>
      setExit(await (await import('./commands/nff.js')).runNff(factors, options)),
    );
}
