import { lstatSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../core/errors.js';

/**
 * A command that writes a set of files into a folder (`tariffs export --csv --out-dir`) replaces
 * none that are already there unless --force: a second export into the same folder would
 * otherwise overwrite an officer's edited CSVs silently (issue 18). Any kind of file counts.
 * `batch --report` passes the national reports no earlier batch wrote (src/cli/commands/batch-output-checks.ts).
 */
export function refuseToReplace(
  option: string,
  dir: string,
  targets: readonly string[],
  force: boolean,
): void {
  if (force) return;
  const there = targets.filter((target) => {
    try {
      lstatSync(target);
      return true;
    } catch {
      return false;
    }
  });
  if (there.length === 0) return;
  throw new UsageError(
    `${option} ${dir} already holds ${there.map((target) => path.basename(target)).join(', ')}; choose a new folder, or add --force to replace ${there.length === 1 ? 'it' : 'them'}`,
  );
}
