import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Golden and error tests spawn the built binary; keep them from starving each other on 2 cores.
    maxWorkers: 2,
    testTimeout: 30000,
  },
});
