import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';
import LongestFirst from './test/helpers/longest-first.js';

/*
 * The tests run the built modules (dist/), as bin/highneeds and its worker threads do, loaded by
 * Node itself: vitest's module runner, through which src/ would run, reads every import through a
 * getter, and the same commands and core functions take some 25-35% more CPU there (side by side
 * in one process, warm: 4.3 s against 3.1 s for six commands three times; issue 18, item 5: the
 * suite's time is mostly the work it asks of the engine). A test still imports '../src/X.js',
 * whose types tsc reads; here that import is resolved to dist/X.js, which test/helpers/built.ts
 * keeps built from src/ as it is. No test mocks a module (vi.mock reaches only the modules vitest
 * runs): a test of a fault no input can cause loads a copy of the modules of dist/ that reach one
 * module, that module replaced (test/helpers/faults.ts).
 */
const SRC = fileURLToPath(new URL('./src/', import.meta.url));
const DIST = fileURLToPath(new URL('./dist/', import.meta.url));
const TEST = fileURLToPath(new URL('./test/', import.meta.url));
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** dist/, matched by its absolute path: left to Node (server.deps.external). */
const BUILT = new RegExp(`^${escaped(DIST)}`);
/** A helper whose import() is Node's own (the reason is in the file): left to Node too. */
const NATIVE_IMPORT = new RegExp(`^${escaped(path.join(TEST, 'helpers/native-import.mjs'))}$`);

/** A test's import of src/X.js, as dist/X.js. */
const testsUseBuilt: Plugin = {
  name: 'tests-use-built',
  enforce: 'pre',
  resolveId(source, importer) {
    if (!importer?.startsWith(TEST) || !source.startsWith('.') || !source.endsWith('.js'))
      return null;
    const target = path.resolve(path.dirname(importer), source);
    if (!target.startsWith(SRC)) return null;
    return path.join(DIST, path.relative(SRC, target));
  },
};

export default defineConfig({
  plugins: [testsUseBuilt],
  test: {
    include: ['test/**/*.test.ts'],
    // The test files are CPU-bound (CLI runs in process, a few spawns of the built binary): one worker per core.
    maxWorkers: 2,
    // A young generation of up to 64 MB, not 16: the engine makes many short-lived objects
    // (decimal.js values above all), and with the default the test processes spent some 12% of
    // their time collecting them, 7% with this (V8's CPU profile of five of the heaviest files,
    // run twice each way; issue 18, item 5). The binary the tests spawn runs with Node's defaults.
    poolOptions: { forks: { execArgv: ['--max-semi-space-size=64'] } },
    testTimeout: 30000,
    // Test files share their worker's modules rather than loading src/ again for each of some fifty
    // files (about a quarter of a second of CPU each; issue 18, item 5). A test of a fault loads a
    // copy of the modules that reach the faulty one (test/helpers/faults.ts) and leaves the shared
    // ones as they are.
    isolate: false,
    // Scratch folders on a RAM file system where there is one (the reason is in the file), and
    // dist/ built from src/ as it is (the tests run it: test/helpers/built.ts).
    globalSetup: ['test/helpers/scratch-in-ram.ts', 'test/helpers/built.ts'],
    // The two longest files first, with or without vitest's timings of the last run.
    sequence: { sequencer: LongestFirst },
    // dist/ is loaded by Node itself (see testsUseBuilt above), and so is the native-import helper.
    server: { deps: { external: [BUILT, NATIVE_IMPORT] } },
  },
});
