import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { error, type Issue, type Location } from '../core/issue.js';
import type { Tariff } from '../core/tariff.js';
import { displayPath, readInput } from './files.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { parseTariff } from './read-tariff.js';

export interface LoadedTariff {
  readonly file: string;
  /** The SHA-256 of the file, when it could be read. */
  readonly sha256?: string;
  readonly tariff?: Tariff;
  readonly issues: Issue[];
}

/** Reads and checks a tariff file, for a model, an area of a national model or a lever alike. */
export function readTariffFile(filePath: string, limits: Limits = DEFAULT_LIMITS): LoadedTariff {
  const file = displayPath(filePath);
  const read = readInput(filePath, file, limits.maxFileBytes);
  if (read.status === 'missing')
    return { file, issues: [error('FILE_MISSING', `tariff file ${file} was not found`, { file })] };
  if (read.status === 'refused') return { file, issues: [read.issue] };
  const issues: Issue[] = [];
  const tariff = parseTariff(read.file.text, file, issues);
  return { file, sha256: read.file.sha256, issues, ...(tariff ? { tariff } : {}) };
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
 * (`devon-2022-24` for tariffs/devon-2022-24.json). Undefined when it is neither.
 */
export function resolveTariff(argument: string, libraryDir: string): string | undefined {
  if (readInput(argument, argument, DEFAULT_LIMITS.maxFileBytes).status !== 'missing')
    return path.resolve(argument);
  const byName = path.join(libraryDir, `${argument}.json`);
  if (readInput(byName, byName, DEFAULT_LIMITS.maxFileBytes).status !== 'missing') return byName;
  return undefined;
}

/** The tariff library shipped with the tool (tariffs/). */
export const shippedLibraryDir = (): string =>
  fileURLToPath(new URL('../../tariffs/', import.meta.url));

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
 * relative to the model folder if such a file exists, else the id of a table in the library
 * (`example-borough-2025` for tariffs/example-borough-2025.json). Undefined when it is neither.
 */
export function resolveModelTariff(
  name: string,
  folder: string,
  libraryDir: string,
): string | undefined {
  const inFolder = path.resolve(folder, name);
  if (readInput(inFolder, inFolder, DEFAULT_LIMITS.maxFileBytes).status !== 'missing')
    return inFolder;
  if (!LIBRARY_ID.test(name)) return undefined;
  const byId = path.join(libraryDir, `${name}.json`);
  return readInput(byId, byId, DEFAULT_LIMITS.maxFileBytes).status !== 'missing' ? byId : undefined;
}

/**
 * The tariff file model.json names (a file in the folder, else a library id), or undefined with
 * FILE_MISSING at `$.tariff` when it is neither. A model folder and a national model alike.
 */
export function modelTariff(
  manifest: { readonly tariff?: string; readonly at?: (path: string) => Location },
  dir: string,
  options: { readonly libraryDir?: string },
  issues: Issue[],
): string | undefined {
  if (!manifest.tariff || !manifest.at) return undefined;
  const libraryDir = options.libraryDir ?? shippedLibraryDir();
  const found = resolveModelTariff(manifest.tariff, dir, libraryDir);
  if (!found)
    issues.push(
      tariffNotFound(manifest.tariff, dir, libraryDir, manifest.at('$.tariff'), '$.tariff'),
    );
  return found;
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
  return error(
    'FILE_MISSING',
    `${what} "${name}" is neither a file in ${displayPath(path.resolve(folder))} nor an id in the tariff library`,
    at,
    ids.length
      ? `give a path relative to the model folder, or a library id: ${ids.join(', ')}`
      : 'give a path relative to the model folder',
  );
}
