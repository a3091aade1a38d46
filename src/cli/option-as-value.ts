import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';

/**
 * An option that takes a value, followed by another of the command's options instead, is a usage
 * error: commander takes the next word whatever it is, so `batch m --out-dir out --report --quiet`
 * wrote the national report into a folder named `--quiet`, with exit 0 (found by a user trial).
 * Only a word that is one of this command's own long options (or --help) is refused: a negative
 * amount (`--threshold -30000000`) and any other value are let be.
 */
export function refuseOptionAsValue(command: Command): void {
  const names = new Set(['--help', ...command.options.flatMap((option) => option.long ?? [])]);
  for (const option of command.options) {
    if (!option.required && !option.optional) continue;
    command.on(`option:${option.name()}`, (value: unknown) => {
      if (typeof value !== 'string' || !names.has(value.split('=')[0]!)) return;
      throw new UsageError(
        `${option.flags} was followed by the option ${value}, not its value: give its value straight after ${option.long ?? option.flags}`,
      );
    });
  }
}
