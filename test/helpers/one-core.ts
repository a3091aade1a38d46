import { createRequire, syncBuiltinESMExports } from 'node:module';
import { afterAll, beforeAll } from 'vitest';

/** node:os's own object: `import { availableParallelism } from 'node:os'` follows it after syncBuiltinESMExports. */
const cores = createRequire(import.meta.url)('node:os') as { availableParallelism: () => number };

/**
 * Runs a test file's commands as on a one-core machine: from its first test to its last,
 * os.availableParallelism() is 1, so batch, validate of a national model and simulate work on
 * this thread alone (their default --jobs is the number of cores, and a larger one is capped at it).
 *
 * Why (issue 18, item 5: the suite's time): a command run in process starts its worker threads
 * afresh, and each loads the built modules and runs them cold, some 0.3 s of CPU that changes no
 * output; in the files that use this (--help and docs examples, the error catalogue, init's
 * tables, ...) threads are not what is tested, and they started some 40 of them. What threads do
 * is tested where it is the subject, on two threads: test/cli/batch.test.ts, simulate.test.ts,
 * simulate-lever-ranges.test.ts, batch-draws-area-failure.test.ts, national-folder.test.ts,
 * validate-range-bounds.test.ts, library-batch.test.ts, outputs.test.ts and test/io/batch-*.test.ts,
 * simulate-threads.test.ts; and where a file that runs on one core compares --jobs 1 with 2
 * (test/cli/batch-national-trial.test.ts, onCores). The machine's own count is put back after the file, as the next file
 * runs in the same process (vitest.config.ts: isolate false).
 */
export function asOnOneCore(): void {
  const own = cores.availableParallelism;
  beforeAll(() => {
    cores.availableParallelism = () => 1;
    syncBuiltinESMExports();
  });
  afterAll(() => {
    cores.availableParallelism = own;
    syncBuiltinESMExports();
  });
}

/**
 * `run` as on a one-core machine (see asOnOneCore), the machine's own count put back after: for a
 * run in a file about threads that is not itself about them (a control run beside one on threads).
 */
export function onOneCore<T>(run: () => Promise<T>): Promise<T> {
  return onCores(1, run);
}

/**
 * `run` as on a machine of `count` cores, the count before put back after: for a run on two
 * threads in a file that runs as on one core (asOnOneCore), whatever the machine's own count.
 */
export async function onCores<T>(count: number, run: () => Promise<T>): Promise<T> {
  const own = cores.availableParallelism;
  cores.availableParallelism = () => count;
  syncBuiltinESMExports();
  try {
    return await run();
  } finally {
    cores.availableParallelism = own;
    syncBuiltinESMExports();
  }
}
