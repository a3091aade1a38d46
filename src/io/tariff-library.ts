import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { error, type Issue } from '../core/issue.js';
import type { Tariff } from '../core/tariff.js';
import { displayPath, readInput } from './files.js';
import { DEFAULT_LIMITS } from './limits.js';
import { parseTariff } from './read-tariff.js';

export interface LoadedTariff {
  readonly file: string;
  /** The SHA-256 of the file, when it could be read. */
  readonly sha256?: string;
  readonly tariff?: Tariff;
  readonly issues: Issue[];
}

export function readTariffFile(filePath: string): LoadedTariff {
  const file = displayPath(filePath);
  const read = readInput(filePath, file, DEFAULT_LIMITS.maxFileBytes);
  if (read.status === 'missing') return { file, issues: [error('FILE_MISSING', `tariff file ${file} was not found`, { file })] };
  if (read.status === 'refused') return { file, issues: [read.issue] };
  const issues: Issue[] = [];
  const tariff = parseTariff(read.file.text, file, issues);
  return { file, sha256: read.file.sha256, issues, ...(tariff ? { tariff } : {}) };
}

/** The tariff files of a library folder, in name order. */
export function libraryFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.json')).sort().map((name) => path.join(dir, name));
}

/**
 * A tariff named on the command line: a path to a file, or the id of a file in the library
 * (`devon-2022-24` for tariffs/devon-2022-24.json). Undefined when it is neither.
 */
export function resolveTariff(argument: string, libraryDir: string): string | undefined {
  if (readInput(argument, argument, DEFAULT_LIMITS.maxFileBytes).status !== 'missing') return path.resolve(argument);
  const byName = path.join(libraryDir, `${argument}.json`);
  if (readInput(byName, byName, DEFAULT_LIMITS.maxFileBytes).status !== 'missing') return byName;
  return undefined;
}
