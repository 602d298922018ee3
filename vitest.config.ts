import { defineConfig } from 'vitest/config';

// CLI tests spawn bin/klopt.js, which runs dist/: globalSetup compiles it first when the sources
// changed. A CLI call reading documents still takes seconds on a loaded 2-core CI machine, so
// vitest's 5 s default fails tests that are merely slow. A limit, not a speed target: speed is
// measured by `npm run bench`.
export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
