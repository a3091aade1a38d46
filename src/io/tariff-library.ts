import { readdirSync } from 'node:fs';
import { packageFile } from './provenance-name.js';
import * as path from 'node:path';
import { error, type Issue, type Location } from '../core/issue.js';
import type { Tariff } from '../core/tariff.js';
import { displayPath, readInput } from './files.js';
import { exists, insideFolders, pathOutside } from './inside-folders.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { parseTariff } from './read-tariff.js';
import { nearNames } from '../core/edit-distance.js';

export interface LoadedTariff {
  readonly file: string;
  /** The SHA-256 of the file, when it could be read. */
  readonly sha256?: string;
  readonly tariff?: Tariff;
  /** The file's text as read and checked, when it could be read: init copies it, not the file read again. */
  readonly text?: string;
  readonly issues: Issue[];
}

/** Reads and checks a tariff file, for a model, an area of a national model or a lever alike. */
export function readTariffFile(filePath: string, limits: Limits = DEFAULT_LIMITS): LoadedTariff {
  const file = displayPath(filePath);
  const read = readInput(filePath, file, limits.maxFileBytes, 'json');
  if (read.status === 'missing')
    return { file, issues: [error('FILE_MISSING', `tariff file ${file} was not found`, { file })] };
  if (read.status === 'refused') return { file, issues: [read.issue] };
  const issues: Issue[] = [];
  const tariff = parseTariff(read.file.text, file, issues);
  return {
    file,
    sha256: read.file.sha256,
    text: read.file.text,
    issues,
    ...(tariff ? { tariff } : {}),
  };
}

/** The tariff files of a library folder, in name order. */
export function libraryFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * A tariff named on the command line: a path to a file, or the id of a file in the library
 * (`devon-2022-24` for tariffs/devon-2022-24.json). Undefined when it is neither. Found by its
 * metadata: it is read, and any problem with it reported, once it is used.
 */
export function resolveTariff(argument: string, libraryDir: string): string | undefined {
  const found = tariffsNamed(argument, libraryDir);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Every file `argument` may name: the file itself, else the library's file of that name, else the
 * library's files whose table has it as its id when no file is so named (found by a docs audit:
 * `tariffs list --dir` of a folder holding our-banding.json listed the id example-borough-2025,
 * which `tariffs show` then said was not in the folder). One is the table meant; several, an id
 * the caller must choose between; none, neither.
 */
export function tariffsNamed(argument: string, libraryDir: string): string[] {
  if (exists(argument)) return [path.resolve(argument)];
  const byName = path.join(libraryDir, `${argument}.json`);
  return exists(byName) ? [byName] : filesWithId(argument, libraryDir);
}

/** The files of a library folder whose table has `id`, in name order (none when the folder cannot be listed); a file that cannot be read or checked is passed over. */
function filesWithId(id: string, libraryDir: string): string[] {
  if (!LIBRARY_ID.test(id)) return [];
  let files: string[];
  try {
    files = libraryFiles(libraryDir);
  } catch {
    return [];
  }
  return files.filter((file) => readTariffFile(file).tariff?.id === id);
}

/** The tariff library shipped with the tool (tariffs/). */
export const shippedLibraryDir = (): string => packageFile('tariffs');

/** The ids of the tables in a library folder, in name order (none when the folder cannot be read). */
export function libraryIds(dir: string): string[] {
  try {
    return libraryFiles(dir).map((file) => path.basename(file, '.json'));
  } catch {
    return [];
  }
}

/** A library id is a plain file name: no folder, so it cannot reach outside the library. */
const LIBRARY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * A tariff named in a model file (model.json's `tariff`, a national model's, areas.csv's): a path
 * relative to the model folder if something is there, else the id of a table in the library
 * (`example-borough-2025` for tariffs/example-borough-2025.json); `outside` when the path leads
 * out of the folder and the library (src/io/inside-folders.ts) and that is not allowed.
 * Undefined when it is neither.
 */
export function resolveModelTariff(
  name: string,
  folder: string,
  libraryDir: string,
  allowOutside = false,
): { readonly file: string } | { readonly outside: true } | undefined {
  const inFolder = path.resolve(folder, name);
  if (exists(inFolder))
    return allowOutside || insideFolders(inFolder, [folder, libraryDir])
      ? { file: inFolder }
      : { outside: true };
  if (!LIBRARY_ID.test(name)) return undefined;
  const byId = path.join(libraryDir, `${name}.json`);
  return exists(byId) ? { file: byId } : undefined;
}

/**
 * The tariff file model.json names (a file in the folder, else a library id), or undefined with
 * FILE_MISSING at `$.tariff` when it is neither. A model folder and a national model alike.
 */
export function modelTariff(
  manifest: { readonly tariff?: string; readonly at?: (path: string) => Location },
  dir: string,
  options: { readonly libraryDir?: string; readonly allowOutside?: boolean },
  issues: Issue[],
): string | undefined {
  if (!manifest.tariff || !manifest.at) return undefined;
  const libraryDir = options.libraryDir ?? shippedLibraryDir();
  const found = resolveModelTariff(manifest.tariff, dir, libraryDir, options.allowOutside);
  if (found && 'file' in found) return found.file;
  const at = manifest.at('$.tariff');
  issues.push(
    found
      ? pathOutside(manifest.tariff, at, '$.tariff')
      : tariffNotFound(manifest.tariff, dir, libraryDir, at, '$.tariff'),
  );
  return undefined;
}

/** FILE_MISSING for a tariff a model file names that is neither a file in its folder nor a library id. */
export function tariffNotFound(
  name: string,
  folder: string,
  libraryDir: string,
  at: Location,
  what = 'tariff',
): Issue {
  const ids = libraryIds(libraryDir);
  // A library id mistyped by a letter or two (national-ilustrative, found by a national trial's
  // areas.csv) is named first: the list alone left the reader to spot the slip.
  const near = nearNames(ids, name.toLowerCase());
  return error(
    'FILE_MISSING',
    `${what} "${name}" is neither a file in ${displayPath(path.resolve(folder))} nor an id in the tariff library`,
    at,
    ids.length
      ? `${near.length ? `did you mean ${near.join(' or ')}? ` : ''}give a path relative to the model folder, or a library id: ${ids.join(', ')}`
      : 'give a path relative to the model folder',
  );
}
