import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../core/errors.js';
import type { TemplateFile } from './init-template.js';
import {
  checkOutputDirOption,
  deadRunsLeftoverOf,
  makeOutputDir,
  type StagedOutput,
  stageOutputs,
} from './write-output.js';

/**
 * Stages a new model folder: DIR is made (with its parents, as every output folder is:
 * makeOutputDir) and must be new or empty, so nothing of the user's is ever written over. Each
 * file is written to a temporary file, renamed into place with the others at commit
 * (writeModelFolder in src/cli/write-or-print.ts); a run that fails removes the folders it made.
 * `option` names DIR in messages.
 */
export function stageModelFolder(
  dir: string,
  option: string,
  files: readonly TemplateFile[],
  inputs: readonly string[] = [],
): StagedOutput[] {
  makeOutputDir(dir, option);
  // What holdsFiles passes over, a killed run's leftovers of these files, go as each is put in place (removeLeftovers).
  const names = files.map((file) => file.name);
  if (holdsFiles(dir, option, names)) throw new UsageError(notEmpty(dir));
  return stageOutputs(
    files.map((file) => ({ target: path.join(dir, file.name), text: file.text })),
    inputs,
  );
}

/**
 * Refuses a DIR that already holds files, before the work that fills it: calibrate read and fitted
 * the whole history, and printed its warnings, before saying the folder was not empty (found by
 * an analyst's trial re-running calibrate into last run's folder), and an --out-dir that is a file
 * was said after them too. stageModelFolder checks again.
 */
export function refuseFilledFolder(dir: string, option: string): void {
  // A file or an empty name on the way, as makeOutputDir will say it, making nothing yet.
  checkOutputDirOption(option, dir);
  if (existsSync(dir) && statSync(dir).isDirectory() && holdsFiles(dir, option))
    throw new UsageError(notEmpty(dir));
}

const notEmpty = (dir: string): string =>
  `${dir} is not empty; give a new or empty folder (a model folder is never written over existing files)`;

/**
 * Whether a folder holds anything but a killed run's temporaries of `names`, the files to be
 * written (of any file when not given: calibrate's early check, before its files are made; staging
 * checks again). A folder that cannot be listed is a usage error saying so. calibrate killed
 * outright (SIGKILL) as it wrote its folder left only `.model.json.tmp-PID` and the like in it:
 * `ls` showed it empty, and the same command again was refused as "not empty" (found by a probe
 * killing calibrate at random points).
 */
function holdsFiles(dir: string, option: string, names?: readonly string[]): boolean {
  try {
    return readdirSync(dir).some((entry) => !killedRunsLeftover(dir, entry, names));
  } catch (cause) {
    const code = cause instanceof Error && 'code' in cause ? String(cause.code) : '';
    throw new UsageError(
      `cannot read ${option} ${dir}${code === 'EACCES' ? ': permission denied' : ''}; give a new or empty folder`,
    );
  }
}

/**
 * `.NAME.tmp-PID` or `.NAME.old-PID` of a run no longer alive, NAME one of `names` (any, when not
 * given), and a regular file, as removeLeftovers judges an output's. Found by a review: every
 * dot-name of that shape was passed over and then removed, whatever it was: a folder so named
 * failed the run with exit 3, and a file of the user's (`.notes.old-20240101`) was deleted unsaid.
 */
function killedRunsLeftover(
  dir: string,
  entry: string,
  names: readonly string[] | undefined,
): boolean {
  const of = deadRunsLeftoverOf(entry);
  return (
    of !== undefined &&
    (names?.includes(of) ?? true) &&
    lstatSync(path.join(dir, entry), { throwIfNoEntry: false })?.isFile() === true
  );
}
