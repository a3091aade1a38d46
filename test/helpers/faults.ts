import { register } from 'node:module';
import { nativeImport } from './native-import.mjs';

/** The faults test/helpers/faults/hooks.mjs knows: each replaces one module in a copy of dist/. */
export type Fault =
  | 'internal-error'
  | 'full-disk'
  | 'file-in-use'
  | 'national-in-use'
  | 'outputs-in-use'
  | 'rename-refused'
  | 'renames-logged'
  | 'workers-fail';

/** Set once the hooks are registered in this process (test files share their worker: vitest.config.ts). */
const REGISTERED = Symbol.for('highneeds.test.fault-hooks');

/**
 * dist/MODULE (a path under dist/, as 'cli/run.js') from a fresh copy of the built modules that
 * reach the fault's module, in which that module is replaced by one that fails (the others are
 * the ones every test runs: test/helpers/faults/hooks.mjs), loaded by Node itself: what it runs
 * is the built code every other test runs, except for that one module. Give its type as `typeof import('../../src/MODULE')`. The hooks stay for the rest of the
 * worker's life (Node 20 cannot take them away): every import without the query is left as it
 * is, at the cost of a turn on the hooks' thread (some 0.3 ms; a few hundred in a worker).
 */
export async function withFault<T>(fault: Fault, module: string): Promise<T> {
  const state = globalThis as { [REGISTERED]?: true };
  if (!state[REGISTERED]) {
    register(new URL('./faults/hooks.mjs', import.meta.url));
    state[REGISTERED] = true;
  }
  const url = new URL(`../../dist/${module}`, import.meta.url);
  url.searchParams.set('fault', fault);
  return (await nativeImport(url.href)) as T;
}
