import { Chalk } from 'chalk';
import ora, { type Ora } from 'ora';
import type { IssuePaint } from './print-issues.js';
import type { Paint } from '../report/table.js';

/** chalk ignores NO_COLOR, so colour is decided here once, for stdout and stderr separately. */
function chalkFor(stream: NodeJS.WriteStream): InstanceType<typeof Chalk> {
  const off = Boolean(process.env['NO_COLOR']) || !stream.isTTY;
  return new Chalk({ level: off && !process.env['FORCE_COLOR'] ? 0 : 1 });
}

export function tablePaint(): Paint {
  const chalk = chalkFor(process.stdout);
  return { negative: (t) => chalk.red(t), heading: (t) => chalk.bold(t), dim: (t) => chalk.dim(t) };
}

export function issuePaint(): IssuePaint {
  const chalk = chalkFor(process.stderr);
  return { error: (t) => chalk.red.bold(t), warning: (t) => chalk.yellow(t), dim: (t) => chalk.dim(t) };
}

/** Progress only for a person watching a terminal: never in CI, under --quiet, or with JSON output. */
export function spinner(text: string, options: { quiet: boolean; json: boolean }): Ora {
  const enabled = Boolean(process.stderr.isTTY) && !process.env['CI'] && !options.quiet && !options.json;
  // A disabled ora still prints its text once; isSilent keeps stderr clean for scripts.
  return ora({ text, stream: process.stderr, isEnabled: enabled, isSilent: !enabled });
}
