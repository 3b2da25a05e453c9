import { defineConfig } from 'vitest/config';

// The built extension in real headless Chromium: one browser at a time on a 2-core machine.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    maxWorkers: 1,
    // The browser, not the test, decides how long a page takes to react.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
