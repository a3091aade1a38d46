import { defineConfig } from 'vitest/config';

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
  },
});
