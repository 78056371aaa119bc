import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, inject, it } from 'vitest'
import { CookieJarFetch } from './test/cookie-jar-fetch.ts'
import { renderDashboard } from './test/render-dashboard.tsx'

const { url: apiUrl, accounts } = inject('dashboardApi')

async function loggedInJar(account: { email: string; password: string }): Promise<CookieJarFetch> {
  const jar = new CookieJarFetch()
  await jar.logIn(apiUrl, account)
  return jar
}

const pathname = () => window.location.pathname

describe('dashboard routing', () => {
  it('sends a logged-out visit to Settings to the login form', async () => {
    renderDashboard('/dashboard/settings')
    expect(await screen.findByRole('heading', { name: 'Log in to your dashboard' })).toBeVisible()
    expect(pathname()).toBe('/dashboard/login')
    expect(document.title).toBe('Log in · Storra Cloud')
  })

  it('sends logged-out visits to unknown dashboard pages to the login form too', async () => {
    renderDashboard('/dashboard/no-such-page')
    await screen.findByRole('button', { name: 'Log in' })
    expect(pathname()).toBe('/dashboard/login')
  })

  it('logs in through the form and lands on Settings', async () => {
    const user = userEvent.setup()
    const { jar } = renderDashboard('/dashboard/login')
    await user.type(await screen.findByLabelText('Email address'), accounts.routing.email)
    await user.type(screen.getByLabelText('Password'), accounts.routing.password)
    await user.click(screen.getByRole('button', { name: 'Log in' }))

    expect(await screen.findByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
    expect(pathname()).toBe('/dashboard/settings')
    expect(jar.cookie).toMatch(/^storra_session=/)
  })

  it('shows the server’s message for a wrong password and stays on the form', async () => {
    const user = userEvent.setup()
    renderDashboard('/dashboard/login')
    await user.type(await screen.findByLabelText('Email address'), accounts.routing.email)
    await user.type(screen.getByLabelText('Password'), 'not the password')
    await user.click(screen.getByRole('button', { name: 'Log in' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid email or password.')
    expect(pathname()).toBe('/dashboard/login')
  })

  it('sends a logged-in account from the login form and the root to Settings', async () => {
    const jar = await loggedInJar(accounts.routing)
    const first = renderDashboard('/dashboard/login', jar)
    await screen.findByRole('heading', { name: 'Settings', level: 1 })
    expect(pathname()).toBe('/dashboard/settings')
    first.unmount()

    renderDashboard('/dashboard', jar)
    await screen.findByRole('heading', { name: 'Settings', level: 1 })
    expect(pathname()).toBe('/dashboard/settings')
  })

  it('links the API reference served by the server at /docs from the header', async () => {
    renderDashboard('/dashboard/settings', await loggedInJar(accounts.routing))
    await screen.findByRole('heading', { name: 'Settings', level: 1 })
    expect(screen.getByRole('link', { name: 'API reference' })).toHaveAttribute('href', '/docs')
  })

  it('answers an unknown page with a way back to Settings', async () => {
    const user = userEvent.setup()
    renderDashboard('/dashboard/billing', await loggedInJar(accounts.routing))
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeVisible()
    await user.click(screen.getByRole('link', { name: 'Go to Settings' }))
    expect(await screen.findByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
    expect(pathname()).toBe('/dashboard/settings')
  })

  it('logs out: the server ends the session and the page returns to the login form', async () => {
    const user = userEvent.setup()
    const jar = await loggedInJar(accounts.routing)
    renderDashboard('/dashboard/settings', jar)
    await user.click(await screen.findByRole('button', { name: 'Log out' }))

    await screen.findByRole('button', { name: 'Log in' })
    expect(pathname()).toBe('/dashboard/login')
    const me = await jar.fetch(`${apiUrl}/api/v1/dashboard/users/me`)
    expect(me.status).toBe(401)
  })

  it('returns to the login form when the session ends elsewhere', async () => {
    const user = userEvent.setup()
    const jar = await loggedInJar(accounts.expiring)
    renderDashboard('/dashboard/settings', jar)
    await screen.findByRole('heading', { name: 'Settings', level: 1 })

    // Another tab with the same cookie logs out; this page still holds the dead cookie.
    const otherTab = new CookieJarFetch()
    otherTab.cookie = jar.cookie
    await otherTab.fetch(`${apiUrl}/api/v1/dashboard/logout`, { method: 'POST' })

    await user.type(screen.getByLabelText('Key label'), 'Made after logout')
    await user.click(screen.getByRole('button', { name: 'Create key' }))
    await screen.findByRole('button', { name: 'Log in' })
    await waitFor(() => expect(pathname()).toBe('/dashboard/login'))
  })
})
