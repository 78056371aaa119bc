/** Debian's Chromium package; CHROMIUM_PATH points elsewhere where it lives elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/**
 * This process's environment with `overrides` on top, for a child process (the server, the CLI)
 * that a test starts: it needs PATH and the like, and the test's own settings win.
 */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides }
}

/** A Redis for the tests that need one (shared limits across instances); those tests skip without it. */
export const TEST_REDIS_URL: string | undefined = process.env.TEST_REDIS_URL || undefined
