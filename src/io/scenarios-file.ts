import * as path from 'node:path';
import { error, type Issue } from '../core/issue.js';
import type { Scenario } from '../core/scenario/types.js';
import { displayPath, readInput } from './files.js';
import { insideFolders, linkedOutside, pathOutside } from './inside-folders.js';
import { DEFAULT_LIMITS } from './limits.js';
import type { InputDigest } from './model-folder.js';
import { parseScenarios } from './read-scenarios.js';
import { filesIn, lookalikeFiles, notReadWarning } from './lookalike-files.js';
import { readTariffFile, resolveTariff } from './tariff-library.js';

export interface LoadedScenarios {
  /** Undefined when there is no scenarios file (not an error) or it has errors. */
  readonly scenarios?: readonly Scenario[];
  readonly issues: readonly Issue[];
  /** Every file read: the scenarios file, then each tariff a lever names, with their SHA-256 (for manifests); empty when there is no scenarios file. */
  readonly inputs: readonly InputDigest[];
}

/**
 * Reads the model folder's scenarios.json, or `file` if given (then it must exist). A tariff
 * lever's other table is a path relative to the scenarios file, or an id in the library.
 */
export function loadScenarios(
  modelDir: string,
  libraryDir: string,
  file?: string,
  allowOutside = false,
): LoadedScenarios {
  const filePath = file ? path.resolve(file) : path.resolve(modelDir, 'scenarios.json');
  const display = displayPath(filePath);
  // The model's own scenarios.json linked out of its folder is not read; a --scenarios-file is read where it is.
  const outside = file || allowOutside ? undefined : linkedOutside(filePath, modelDir, display);
  if (outside) return { issues: [outside], inputs: [] };
  const read = readInput(filePath, display, DEFAULT_LIMITS.maxFileBytes, 'json');
  if (read.status === 'missing')
    return file
      ? {
          issues: [
            error('FILE_MISSING', `scenarios file ${display} was not found`, { file: display }),
          ],
          inputs: [],
        }
      : {
          // A scenarios file Notepad saved as scenarios.json.txt is said, not left out unseen.
          issues: lookalikeFiles(filesIn(modelDir), 'scenarios.json').map((found) =>
            notReadWarning(modelDir, found, 'scenarios.json'),
          ),
          inputs: [],
        };
  if (read.status === 'refused') return { issues: [read.issue], inputs: [] };
  const issues: Issue[] = [];
  const inputs: InputDigest[] = [{ path: display, sha256: read.file.sha256 }];
  const scenarios = parseScenarios(
    read.file.text,
    display,
    (argument, at) => {
      const found =
        resolveTariff(path.resolve(path.dirname(filePath), argument), libraryDir) ??
        resolveTariff(argument, libraryDir);
      // A lever's table stays beside the scenarios, in the model folder or in the library (src/io/inside-folders.ts).
      if (
        found &&
        !allowOutside &&
        !insideFolders(found, [modelDir, path.dirname(filePath), libraryDir])
      ) {
        issues.push(pathOutside(argument, at, 'tariff'));
        return undefined;
      }
      if (!found) {
        issues.push(
          error(
            'FILE_MISSING',
            `tariff "${argument}" is neither a file beside the scenarios nor an id in the library`,
            at,
          ),
        );
        return undefined;
      }
      const loaded = readTariffFile(found);
      issues.push(...loaded.issues);
      if (loaded.sha256 && !inputs.some((input) => input.path === loaded.file))
        inputs.push({ path: loaded.file, sha256: loaded.sha256 });
      return loaded.tariff;
    },
    issues,
  );
  return { ...(scenarios ? { scenarios } : {}), issues, inputs };
}
