import react from '@vitejs/plugin-react';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Workbook fixtures are generated inside the tests; a few take a second or two on a 2-core CI machine.
    testTimeout: 30_000,
    // Converted pictures are cached between builds: the tests' go to a folder of their own.
    env: { CATALOG_CACHE_DIR: join(tmpdir(), `catalog-test-cache-${process.pid}`) },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/renderer/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: { name: 'ui', include: ['test/renderer/**/*.test.{ts,tsx}'], environment: 'jsdom' },
      },
    ],
  },
});
