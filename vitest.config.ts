import { defineConfig } from 'vitest/config';

// CLI tests spawn bin/klopt.js (tsx compiles on start-up: ~1-3 s per call on a loaded 2-core CI
// machine), so vitest's 5 s default fails tests that are merely slow. A limit, not a speed target:
// speed is measured by `npm run bench`.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
