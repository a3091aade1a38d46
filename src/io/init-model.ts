import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../core/errors.js';
import type { TemplateFile } from './init-template.js';
import { makeOutputDir, type StagedOutput, stageOutputs } from './write-output.js';

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
  if (holdsFiles(dir, option))
    throw new UsageError(
      `${dir} is not empty; give a new or empty folder (a model folder is never written over existing files)`,
    );
  return stageOutputs(
    files.map((file) => ({ target: path.join(dir, file.name), text: file.text })),
    inputs,
  );
}

/** Whether a folder holds anything (a folder that cannot be listed is a usage error saying so). */
function holdsFiles(dir: string, option: string): boolean {
  try {
    return readdirSync(dir).length > 0;
  } catch (cause) {
    const code = cause instanceof Error && 'code' in cause ? String(cause.code) : '';
    throw new UsageError(
      `cannot read ${option} ${dir}${code === 'EACCES' ? ': permission denied' : ''}; give a new or empty folder`,
    );
  }
}
