import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../core/errors.js';

const pending = new Set<string>();
let committed = 0;

/**
 * True once this run has renamed an output into place and has nothing left staged: from then
 * on the run's files are complete, so an interruption should not be reported as a failure.
 */
export function outputsCommitted(): boolean {
  return committed > 0 && pending.size === 0;
}

/** Temporary files not yet renamed into place, so a SIGINT/SIGTERM handler can remove them. */
export function pendingTemporaryFiles(): readonly string[] {
  return [...pending];
}

export interface StagedOutput {
  readonly temporary: string;
  readonly target: string;
}

/**
 * Writes a whole output to a temporary file in the target's folder (so the rename is atomic).
 * Refuses to write over any input the run read. Nothing is visible at `target` until commit.
 */
export function stageOutput(target: string, text: string, inputs: readonly string[]): StagedOutput {
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
  } catch (cause) {
    discard({ temporary, target: resolved });
    if (cause instanceof Error && 'code' in cause) throw new UsageError(`cannot write ${target}: ${cause.message}`);
    throw cause;
  }
  return { temporary, target: resolved };
}

/**
 * Stages several outputs that must land together: if one cannot be staged (a refused target, a
 * folder that is not there), those already staged are removed before the error goes on, so a
 * refused run leaves no temporary file behind.
 */
export function stageOutputs(outputs: readonly { readonly target: string; readonly text: string }[], inputs: readonly string[]): StagedOutput[] {
  const staged: StagedOutput[] = [];
  try {
    for (const { target, text } of outputs) staged.push(stageOutput(target, text, inputs));
  } catch (cause) {
    for (const output of staged) discard(output);
    throw cause;
  }
  return staged;
}

/** Renames a staged output over its target: the previous file is replaced whole or not at all. */
export function commitOutput(staged: StagedOutput): void {
  renameSync(staged.temporary, staged.target);
  pending.delete(staged.temporary);
  committed += 1;
}

export function discard(staged: StagedOutput): void {
  rmSync(staged.temporary, { force: true });
  pending.delete(staged.temporary);
}
