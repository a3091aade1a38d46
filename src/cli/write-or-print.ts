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
