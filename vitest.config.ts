import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Workbook fixtures are generated inside the tests; a few take a second or two on a 2-core CI machine.
    testTimeout: 30_000,
  },
});
