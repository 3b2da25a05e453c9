import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Files and tests run in a random order every time, so a test that leans on state another left behind
// fails. The seed is printed; `TEST_SEED=<seed> npm run test:unit` replays an order.
const seed = Number(process.env.TEST_SEED) || Math.floor(Math.random() * 1_000_000_000);
console.log(`Unit tests shuffled with seed ${seed} (replay: TEST_SEED=${seed} npm run test:unit)`);

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    restoreMocks: true,
    sequence: { shuffle: { files: true, tests: true }, seed },
  },
});
