import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';

/**
 * The parser of an option that may be given more than once (`--hnb-from` for more years,
 * `--threshold` for more amounts): every value is kept, in the order given.
 */
export const repeatable = (value: string, values: readonly string[] = []): string[] => [
  ...values,
  value,
];

/**
 * An option that takes one value, given twice, is a usage error: commander keeps the last, so
 * `project --scenario mitigated --scenario unmitigated` ran unmitigated with exit 0, and
 * `batch --out-dir oa --out-dir ob` wrote only ob (found by a user trial). Options parsed by
 * `repeatable` keep every value; a flag (`--quiet`) given twice says the same thing twice, and is let be.
 */
export function refuseRepeatedOptions(command: Command): void {
  for (const option of command.options) {
    if ((!option.required && !option.optional) || option.parseArg === repeatable) continue;
    let first: { value: string | undefined } | undefined;
    // Commander emits this for every occurrence, as it is parsed (`--out x` and `--out=x` alike).
    command.on(`option:${option.name()}`, (value: string | undefined) => {
      if (first === undefined) {
        first = { value };
        return;
      }
      throw new UsageError(
        `${option.long ?? option.flags} given twice (${given(first.value)}, then ${given(value)}); it takes one value: give it once`,
      );
    });
  }
}

const given = (value: string | undefined): string =>
  value === undefined ? 'with no value' : `"${value}"`;
