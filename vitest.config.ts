import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{server,shared,electron,renderer,tests,sdk}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'out/**', 'tests/e2e/**', 'tests/electron/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
