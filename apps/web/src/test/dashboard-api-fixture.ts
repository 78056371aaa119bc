/** Accounts seeded on the unit tests' API server, one per test file so files cannot disturb each other. */
interface SeededAccounts {
  routing: TestAccount
  expiring: TestAccount
  settingsPro: TestAccount
  /** Free plan with one key ("Legacy integration") made back when it was Pro. */
  settingsFree: TestAccount
  /** Pro, for the key lifecycle's wiring (rotate, edit, revoked and expired). */
  lifecycle: TestAccount
}

interface TestAccount {
  email: string
  password: string
}

export interface DashboardApiFixture {
  url: string
  accounts: SeededAccounts
}

declare module 'vitest' {
  export interface ProvidedContext {
    dashboardApi: DashboardApiFixture
  }
}
