import { describe } from 'vitest'
import { testDatabaseTargets, type TestDatabaseTarget } from './testing.ts'

/**
 * Defines `suite` once per database target (embedded PGlite always, PostgreSQL when
 * TEST_DATABASE_URL is set), titled `${title} [pglite]` / `${title} [postgres]`, so the test
 * output says which database each suite ran against. Kept apart from `./testing.ts` because
 * it imports vitest, and non-vitest code (Playwright's setup) uses those helpers too.
 */
export function describeEachDatabase(title: string, suite: (target: TestDatabaseTarget) => void): void {
  for (const target of testDatabaseTargets()) describe(`${title} ${databaseTag(target)}`, () => suite(target))
}

/** `[pglite]` or `[postgres]`: how test titles name a database target. */
function databaseTag(target: Pick<TestDatabaseTarget, 'name'>): string {
  return `[${target.name}]`
}
