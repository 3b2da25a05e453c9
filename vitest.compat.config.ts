import { defineConfig } from 'vitest/config';

// The built extension in real headless Chromium, through a real third-party gateway (Portkey) started on
// 127.0.0.1: one browser and one gateway at a time on a 2-core machine.
export default defineConfig({
  test: {
    include: ['test/compat/**/*.compat.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    maxWorkers: 1,
    // The browser and the gateway, not the test, decide how long an answer takes to arrive.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
