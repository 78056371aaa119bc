import type { Page } from 'playwright-core'

export interface Account {
  email: string
  password: string
}

/** Logs in through the form, as a person would, and waits for Settings. */
export async function logInThroughPage(page: Page, baseUrl: string, account: Account): Promise<void> {
  await page.goto(`${baseUrl}/dashboard/login`)
  await page.getByLabel('Email address').fill(account.email)
  await page.getByLabel('Password').fill(account.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL('**/dashboard/settings')
}

/**
 * Collects what a page must never produce: uncaught exceptions and Content-Security-Policy
 * violations (the server's helmet policy forbids inline scripts). Failed requests (a wrong
 * password's 401) are expected here and not collected; the logged-out session check answers
 * 200, and dashboard.test.ts holds the login page to an empty console.
 */
export function watchForPageProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`)
  })
  return problems
}
