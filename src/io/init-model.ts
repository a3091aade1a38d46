import { mkdirSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../core/errors.js';
import type { TemplateFile } from './init-template.js';
import { commitOutputs, stageOutputs } from './write-output.js';

/**
 * Writes a new model folder: DIR is created (with its parents) and must be new or empty, so
 * nothing of the user's is ever written over. Each file is written to a temporary file and all
 * are renamed into place only once every one is written. Returns the paths written, in order.
 */
export async function writeModelFolder(
  dir: string,
  files: readonly TemplateFile[],
): Promise<string[]> {
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory())
    throw new UsageError(`${dir} is a file; give a new or empty folder`);
  if (stat && readdirSync(dir).length > 0)
    throw new UsageError(
      `${dir} is not empty; give a new or empty folder (a model folder is never written over existing files)`,
    );
  try {
    mkdirSync(dir, { recursive: true });
  } catch (cause) {
    throw new UsageError(
      `cannot create ${dir}: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
  const staged = stageOutputs(
    files.map((file) => ({ target: path.join(dir, file.name), text: file.text })),
    [],
  );
  // Awaited: a rename that fails (a file open elsewhere) is the run's error, not an unhandled rejection.
  await commitOutputs(staged);
  return staged.map((output) => output.target);
}
