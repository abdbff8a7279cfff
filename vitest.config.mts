import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Native addons and real child processes: one process per test file.
    pool: 'forks',
    execArgv: ['--expose-gc'],
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
