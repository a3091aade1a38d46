import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import LongestFirst from './test/helpers/longest-first.js';

/** This repository's built modules (dist/), matched by their absolute path. */
const BUILT = new RegExp(
  `^${fileURLToPath(new URL('./dist/', import.meta.url)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The test files are CPU-bound (CLI runs in process, a few spawns of the built binary): one worker per core.
    maxWorkers: 2,
    testTimeout: 30000,
    // Test files share their worker's modules rather than loading src/ again for each of some fifty
    // files (about a quarter of a second of CPU each; issue 18, item 5). A file that mocks a module
    // does it on a fresh registry (vi.resetModules + vi.doMock) and takes it away after.
    isolate: false,
    // Scratch folders on a RAM file system where there is one (the reason is in the file), and
    // dist/ built from src/ as it is (the tests run the built CLI: test/helpers/built.ts).
    globalSetup: ['test/helpers/scratch-in-ram.ts', 'test/helpers/built.ts'],
    // The two longest files first, with or without vitest's timings of the last run.
    sequence: { sequencer: LongestFirst },
    // The built CLI that the in-process CLI tests run (test/helpers/run-cli.ts) is imported by Node
    // itself, as bin/highneeds imports it, not through vitest's module runner, which runs the same
    // commands on some 35% more CPU (each import read through a getter; issue 18, item 5).
    server: { deps: { external: [BUILT] } },
  },
});
