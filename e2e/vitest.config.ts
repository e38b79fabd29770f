import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    root: 'e2e',
    include: ['**/*.spec.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
