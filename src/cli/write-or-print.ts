import { stageModelFolder } from '../io/init-model.js';
import type { TemplateFile } from '../io/init-template.js';
import { commitOutputs, stageOutputs } from '../io/write-output.js';
import { cliIo } from './cli-io.js';
import { yieldToSignals } from './interrupt.js';

/**
 * A command's one output: written to `out` through the atomic writer (never over one of `inputs`),
 * or printed on stdout when there is no `out`.
 */
export async function writeOrPrint(
  text: string,
  out: string | undefined,
  inputs: readonly string[],
): Promise<void> {
  const staged = stageOutputs(out ? [{ target: out, text }] : [], inputs);
  await yieldToSignals();
  await commitOutputs(staged);
  if (!out) cliIo().stdout.write(text);
}

/**
 * A new model folder (init, calibrate): staged (src/io/init-model.ts), then, after a turn for a
 * pending Ctrl-C, put in place. calibrate fits without a turn of the event loop, so a Ctrl-C
 * during the fit was heard only once the folder was written, and the run ended 0 (found by a
 * probe). Returns the paths written, in order.
 */
export async function writeModelFolder(
  dir: string,
  option: string,
  files: readonly TemplateFile[],
  inputs: readonly string[] = [],
): Promise<string[]> {
  const staged = stageModelFolder(dir, option, files, inputs);
  await yieldToSignals();
  // Awaited: a rename that fails (a file open elsewhere) is the run's error, not an unhandled rejection.
  await commitOutputs(staged);
  return staged.map((output) => output.target);
}
