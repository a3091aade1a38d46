import { defineConfig } from 'vitest/config';
import LongestFirst from './test/helpers/longest-first.js';

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
    // Scratch folders on a RAM file system where there is one (the reason is in the file).
    globalSetup: ['test/helpers/scratch-in-ram.ts'],
    // The two longest files first, with or without vitest's timings of the last run.
    sequence: { sequencer: LongestFirst },
  },
});
