import type { Command } from 'commander';

/** Commander's own report of an unknown option, with its "(Did you mean --out?)". */
interface SaysUnknown {
  unknownOption(flag: string): void;
}

/**
 * An unknown option is said before a missing required one. Commander checks the required options
 * first, so `report m --output r.html` said only "required option '--out <file>' not specified"
 * and `explain m --yr 2027-28 --figure spend_total` that --year was missing, never that the word
 * typed was not an option, nor the option meant (found by a user trial). Help asked for anywhere
 * on the line is still shown.
 */
export function unknownOptionFirst(command: Command): void {
  if (command.commands.length) return;
  const parse = command.parseOptions.bind(command);
  command.parseOptions = (argv) => {
    const parsed = parse(argv);
    const [flag] = parsed.unknown;
    const help = parsed.unknown.some((word) => word === '--help' || word === '-h');
    if (flag !== undefined && flag.length > 1 && flag.startsWith('-') && !help)
      (command as unknown as SaysUnknown).unknownOption(flag);
    return parsed;
  };
}
