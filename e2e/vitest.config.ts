import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    root: 'e2e',
    include: ['**/*.spec.ts'],
    pool: 'forks',
    fileParallelism: false,
    // Twice the longest journey on a busy two-core machine: a test waits for what the page shows, and one
    // that still runs out of time names the step it was waiting at (support/step.ts).
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
