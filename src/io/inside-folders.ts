import { realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { error, type Issue, type Location } from '../core/issue.js';

/**
 * Paths that model files name (a tariff, the areas table) stay inside the model folder or the
 * tariff library unless --allow-outside is given: a model passed on, or a national model's
 * areas.csv, must not make the tool read /etc/shadow and echo its first character in an error,
 * or hang on /dev/zero. Checked on real paths, so a link inside the folder cannot lead out.
 */
export function insideFolders(file: string, folders: readonly string[]): boolean {
  const real = realPath(file);
  return folders.some((folder) => {
    const relative = path.relative(realPath(folder), real);
    // Up and out is ".." as a whole name: "..data/cohort.csv" is a folder of the model (found by a review).
    const up = relative === '..' || relative.startsWith(`..${path.sep}`);
    return relative !== '' && !up && !path.isAbsolute(relative);
  });
}

/** A path with its links followed; as given (resolved) where nothing is there to follow (/dev/stdout on a pipe links to "pipe:[…]", no path). */
export const realPath = (file: string): string => {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
};

/** True when something is at the path (a file or not): found by its metadata, never by reading it. */
export const exists = (file: string): boolean =>
  statSync(file, { throwIfNoEntry: false }) !== undefined;

/**
 * A model's own file (cohort.csv, scenarios.json, model.json…) that is a symbolic link leading out
 * of its folder: PATH_OUTSIDE_MODEL at the file, with nothing read from it, or undefined when it
 * stays inside or is not there. A model passed on keeps its links (tar and zip do): a cohort.csv
 * linked to /etc/shadow had its first line printed as a column name (found by a probe).
 */
export function linkedOutside(file: string, folder: string, display: string): Issue | undefined {
  let there: boolean;
  try {
    there = exists(file);
  } catch {
    there = false; // under a file (ENOTDIR), unreadable: the read says why
  }
  if (!there || insideFolders(file, [folder])) return undefined;
  return error(
    'PATH_OUTSIDE_MODEL',
    `${display} is a link to a file outside the model folder; nothing was read from it`,
    { file: display },
    'copy the file into the model folder in place of the link, or run with --allow-outside',
  );
}

/** PATH_OUTSIDE_MODEL at the field or file that names the path; nothing read from it. */
export function pathOutside(name: string, at: Location, what = 'path'): Issue {
  return error(
    'PATH_OUTSIDE_MODEL',
    `${what} "${name}" is outside the model folder and the tariff library`,
    at,
    'copy the file into the model folder (or name a library id), or run with --allow-outside',
  );
}
