import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Verbose: every test's line carries its suite's title, and so its database ([pglite] or [postgres]).
  test: { testTimeout: 30_000, hookTimeout: 30_000, reporters: ['verbose'] },
})
