import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../../core/errors.js';
import { refuseToReplace } from '../../io/existing-outputs.js';
import { checkOutputName, checkOutputOption } from '../../io/write-output.js';
import { batchManifestOf, earlierBatchOutputs } from './batch-earlier-outputs.js';
import { NATIONAL_REPORT, STALE_WHEN_NOT_WRITTEN } from './batch-output-names.js';

/**
 * Each file the run will write into a folder that is already there, checked as the write will
 * check it (a folder of that name, a link to nowhere): before the areas are modelled rather than
 * after them (with --draws, minutes). A folder that is not there yet is made, and checked, later.
 */
export function checkTargets(option: string, dir: string, names: readonly string[]): void {
  // existsSync is false for a path under a file (ENOTDIR), where statSync would throw.
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return;
  for (const name of names) checkOutputOption(option, path.join(dir, name));
}

/** An existing --out-dir may hold only an earlier run's outputs, unless --force. */
export function checkOutDir(outDir: string, force: boolean): { ours: readonly string[] } {
  // Refused before the run, not after every area is modelled (makeOutputDir says the same).
  checkOutputName('--out-dir', outDir, 'folder');
  if (!existsSync(outDir)) return { ours: [] };
  if (!statSync(outDir).isDirectory())
    throw new UsageError(`--out-dir ${outDir} is a file, not a folder`);
  const ours = earlierBatchOutputs(outDir);
  const others = readdirSync(outDir)
    .filter((name) => !ours(name))
    .sort();
  if (others.length && !force) {
    throw new UsageError(
      `--out-dir ${outDir} already holds other files (${others.slice(0, 3).join(', ')}${others.length > 3 ? ', …' : ''}); choose an empty or new folder, or add --force to write beside them`,
    );
  }
  return { ours: STALE_WHEN_NOT_WRITTEN.filter(ours) };
}

/**
 * A --report folder replaces a national report only as --out-dir would (a user trial: a user's
 * annotated national-report.html was replaced with exit 0): one an earlier batch wrote, beside
 * its manifest or in the --report folder that the --out-dir's manifest names (the same command
 * run again), or any with --force. The --out-dir itself is checked as such (checkOutDir).
 */
export function checkReportDir(dir: string, outDir: string, force: boolean): void {
  // existsSync is false for a path under a file (ENOTDIR); the write says why (checkTargets).
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return;
  if (existsSync(outDir) && realpathSync(dir) === realpathSync(outDir)) return;
  const named = batchManifestOf(path.join(outDir, 'manifest.json'))?.report;
  const folder = named === undefined ? undefined : path.resolve(outDir, named);
  if (folder !== undefined && existsSync(folder) && realpathSync(folder) === realpathSync(dir))
    return;
  const ours = earlierBatchOutputs(dir);
  const theirs = NATIONAL_REPORT.filter((name) => !ours(name));
  refuseToReplace(
    '--report',
    dir,
    theirs.map((name) => path.join(dir, name)),
    force,
  );
}
