import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Each file starts real servers and databases; two at a time suits a 2-core machine.
    maxWorkers: 2,
    // Every test's line carries its suite's title, and so its database ([pglite] or [postgres]).
    reporters: ['verbose'],
  },
})
