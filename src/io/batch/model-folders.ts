import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { displayPath, readInput } from '../files.js';
import { MAX_JSON_BYTES } from '../limits.js';

/**
 * True for a folder of model folders, as batch reads one (README, "National batch"): no
 * model.json of its own, and a folder in it with one. validate checks it as batch does. Whether a
 * model.json is there needs none of it read: one over a JSON input's size is there, unread (read
 * whole, a model.json of 600 MB crashed validate with a stack trace; found by a review).
 */
export function isFolderOfModels(dir: string): boolean {
  const root = path.resolve(dir);
  return (
    readInput(path.join(root, 'model.json'), '', MAX_JSON_BYTES, 'json').status === 'missing' &&
    modelFolders(root, MAX_JSON_BYTES).length > 0
  );
}

/** The folders in root that hold a model.json (one that cannot be read fails that area). */
export function modelFolders(root: string, maxFileBytes: number): string[] {
  return subfolders(root).filter((folder) => hasModelJson(folder, maxFileBytes));
}

/**
 * The folders a batch of a folder of model folders models: those with a model.json, and those
 * with a cohort.csv but no model.json, which fail (FILE_MISSING) rather than drop out of the
 * national totals unsaid (an analyst's trial: such a folder was left out without a word).
 */
export function areaFolders(root: string, maxFileBytes: number): string[] {
  return subfolders(root).filter(
    (folder) =>
      hasModelJson(folder, maxFileBytes) ||
      statSync(path.join(folder, 'cohort.csv'), { throwIfNoEntry: false })?.isFile(),
  );
}

const hasModelJson = (folder: string, maxFileBytes: number): boolean =>
  readInput(path.join(folder, 'model.json'), '', maxFileBytes, 'json').status !== 'missing';

function subfolders(root: string): string[] {
  let names: string[];
  try {
    names = readdirSync(root).sort();
  } catch {
    return [];
  }
  return names
    .map((name) => path.join(root, name))
    .filter((full) => statSync(full, { throwIfNoEntry: false })?.isDirectory());
}

/** Why `root` holds no model at all: it does not exist, or it is a file. */
export function nothingThere(root: string): string | undefined {
  const kind = statSync(root, { throwIfNoEntry: false });
  if (kind === undefined) return `there is no folder ${displayPath(root)}`;
  if (!kind.isDirectory()) return `${displayPath(root)} is a file, not a folder`;
  return undefined;
}
