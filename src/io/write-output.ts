import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../core/errors.js';

const pending = new Set<string>();

/** Temporary files still being written, so a SIGINT/SIGTERM handler can remove them. */
export function pendingTemporaryFiles(): readonly string[] {
  return [...pending];
}

/**
 * Writes a whole output atomically: to a temporary file in the same folder, then renamed
 * over the target. A failure or interruption leaves the previous file as it was.
 * Refuses to write over any input the run read.
 */
export function writeOutputAtomically(target: string, text: string, inputs: readonly string[]): void {
  const resolved = path.resolve(target);
  if (inputs.some((input) => path.resolve(input) === resolved)) {
    throw new UsageError(`--out ${target} is one of this run's inputs; choose another file`);
  }
  const temporary = path.join(path.dirname(resolved), `.${path.basename(resolved)}.tmp-${process.pid}`);
  pending.add(temporary);
  try {
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, resolved);
  } catch (cause) {
    rmSync(temporary, { force: true });
    if (cause instanceof Error && 'code' in cause) throw new UsageError(`cannot write ${target}: ${cause.message}`);
    throw cause;
  } finally {
    pending.delete(temporary);
  }
}
