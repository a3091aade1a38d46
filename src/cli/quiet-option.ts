import { Option } from 'commander';

/**
 * --quiet means one thing wherever a command has it (README, "--quiet"): what a script or a
 * scheduled run does not need is left out (progress, notes on how an option was read, summaries,
 * "ok" and "wrote" lines), and what is about the user's data is not. A warning says a figure may
 * not be what they think: it is printed, --quiet or not, as an error is. The output itself, on
 * stdout or in the files asked for, is the same with or without it, and so is the exit code.
 */
export const quietOption = (): Option =>
  new Option(
    '--quiet',
    'only the output, warnings and errors: no progress, notes, summaries or confirmations',
  );
