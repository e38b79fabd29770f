import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'lint-rules/**/*.test.ts'],
    pool: 'forks',
    // Each integration test file opens its own embedded database, which takes a few seconds.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { TZ: 'UTC' },
  },
})
