import * as path from 'node:path';
import { error } from '../../core/issue.js';
import { displayPath, readInput } from '../files.js';
import { linkedOutside } from '../inside-folders.js';
import { type Limits, MAX_JSON_BYTES } from '../limits.js';
import { isNationalManifest } from '../read-national-manifest.js';
import { folderScenariosNotRead } from './folder-scenarios.js';
import { areaFolders, modelFolders, nothingThere } from './model-folders.js';
import { readNational } from './read-national.js';
import { packagePathHint } from '../package-path.js';
import type { BatchSources, EarlyAreas } from './sources.js';

/** True when the folder's model.json names an areas table (one over a JSON input's size is read as no manifest: reading it says so). */
export function isNationalFolder(dir: string): boolean {
  const manifest = readInput(path.resolve(dir, 'model.json'), 'model.json', MAX_JSON_BYTES, 'json');
  return manifest.status === 'ok' && isNationalManifest(manifest.file.text);
}

/**
 * Reads a national model folder (model.json naming an areas table) and splits every CSV by
 * area, reading the cohort once; or lists a folder of ordinary model folders (or one model).
 */
export async function readBatchSources(
  dir: string,
  limits: Limits,
  libraryDir: string,
  tariffFile?: string,
  allowOutside = false,
  early?: EarlyAreas,
): Promise<BatchSources> {
  const root = path.resolve(dir);
  const common = {
    dir: root,
    libraryDir,
    limits,
    ...(tariffFile ? { tariffFile } : {}),
    ...(allowOutside ? { allowOutside } : {}),
  };
  const file = path.join(root, 'model.json');
  // A model.json that is a link out of the folder is not read (its first character was quoted in JSON_MALFORMED).
  const outside = allowOutside ? undefined : linkedOutside(file, root, displayPath(file));
  if (outside)
    return {
      init: { kind: 'folders', ...common },
      tasks: [],
      failures: new Map(),
      issues: [outside],
      digests: [],
    };
  const manifest = readInput(file, displayPath(file), limits.maxFileBytes, 'json');
  if (manifest.status === 'ok' && isNationalManifest(manifest.file.text))
    return readNational(
      root,
      manifest.file.text,
      limits,
      libraryDir,
      tariffFile,
      allowOutside,
      early,
    );
  if (manifest.status !== 'missing')
    return {
      init: { kind: 'folders', ...common },
      tasks: [{ kind: 'folder', dir: root, weight: 1 }],
      failures: new Map(),
      issues: [],
      digests: [],
    };
  const folders = modelFolders(root, limits.maxFileBytes).length
    ? areaFolders(root, limits.maxFileBytes)
    : [];
  const issues = folders.length
    ? folderScenariosNotRead(folders)
    : [
        error(
          'FILE_MISSING',
          // A folder that is not there, or a file, is said so (found by a user trial).
          nothingThere(root) ??
            `${displayPath(root)} has no model.json, and no folder in it has one`,
          { file: displayPath(path.join(root, 'model.json')) },
          packagePathHint(dir) ??
            'give a national model (model.json naming "areas") or a folder of model folders',
        ),
      ];
  return {
    init: { kind: 'folders', ...common },
    tasks: folders.map((folder) => ({ kind: 'folder', dir: folder, weight: 1 })),
    failures: new Map(),
    issues,
    digests: [],
  };
}
