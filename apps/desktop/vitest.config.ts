import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file starts a real server (and one a real browser); two at a time suits a 2-core machine.
    maxWorkers: 2,
  },
})
