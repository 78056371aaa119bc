import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ACCOUNT_MESSAGES } from '@storra/core/errors'
import { AccountSecurity } from './account-security'
import { BillingPanel } from './billing-panel'
import { PlanNotice } from './plan-notice'

describe('PlanNotice', () => {
  it('says how upgrades work here instead of linking anywhere when given that sentence', () => {
    render(<PlanNotice upgradeHowTo={ACCOUNT_MESSAGES.upgradeHowTo} />)
    expect(screen.getByText(ACCOUNT_MESSAGES.upgradeHowTo)).toBeVisible()
    expect(screen.queryByRole('link')).not.toBeInTheDocument()
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
  })

  it('starts the upgrade in place when given an action', async () => {
    const onUpgrade = vi.fn()
    render(<PlanNotice onUpgrade={onUpgrade} />)
    await userEvent.click(screen.getByRole('button', { name: 'Upgrade to Cloud Pro' }))
    expect(onUpgrade).toHaveBeenCalledOnce()
  })
})

describe('BillingPanel', () => {
  const noop = () => Promise.resolve()

  it('offers Upgrade to a free account, Manage billing to a subscriber, and explains when Stripe is off', () => {
    const { rerender } = render(
      <BillingPanel
        plan="free"
        billing={{ enabled: true, has_billing_account: false }}
        onUpgrade={noop}
        onManageBilling={noop}
      />,
    )
    expect(screen.getByRole('button', { name: 'Upgrade to Cloud Pro' })).toBeVisible()
    rerender(
      <BillingPanel
        plan="pro"
        billing={{ enabled: true, has_billing_account: true }}
        onUpgrade={noop}
        onManageBilling={noop}
      />,
    )
    expect(screen.getByRole('button', { name: 'Manage billing' })).toBeVisible()
    rerender(
      <BillingPanel
        plan="free"
        billing={{ enabled: false, has_billing_account: false }}
        onUpgrade={noop}
        onManageBilling={noop}
      />,
    )
    expect(screen.getByText(ACCOUNT_MESSAGES.upgradeHowTo)).toBeVisible()
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
  })

  it('shows why a checkout could not start', async () => {
    render(
      <BillingPanel
        plan="free"
        billing={{ enabled: true, has_billing_account: false }}
        onUpgrade={() => Promise.reject(new Error('Billing is unavailable right now.'))}
        onManageBilling={noop}
      />,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Upgrade to Cloud Pro' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Billing is unavailable right now.')
  })
})

describe('AccountSecurity', () => {
  it('changes the password only when both new entries agree, and says it worked', async () => {
    const onChangePassword = vi.fn(() => Promise.resolve())
    render(<AccountSecurity onChangePassword={onChangePassword} onLogoutEverywhere={() => Promise.resolve()} />)
    await userEvent.type(screen.getByLabelText('Current password'), 'old password 123')
    await userEvent.type(screen.getByLabelText('New password'), 'new password 4567')
    await userEvent.type(screen.getByLabelText('Repeat new password'), 'new password 4568')
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }))
    expect(await screen.findByText('The new passwords differ.')).toBeVisible()
    expect(onChangePassword).not.toHaveBeenCalled()

    await userEvent.clear(screen.getByLabelText('Repeat new password'))
    await userEvent.type(screen.getByLabelText('Repeat new password'), 'new password 4567')
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }))
    expect(await screen.findByText(ACCOUNT_MESSAGES.passwordChanged)).toBeVisible()
    expect(onChangePassword).toHaveBeenCalledWith({
      currentPassword: 'old password 123',
      newPassword: 'new password 4567',
    })
  })

  it('logs out of all sessions, showing a failure', async () => {
    const onLogoutEverywhere = vi.fn(() => Promise.reject(new Error('Not authenticated.')))
    render(<AccountSecurity onChangePassword={() => Promise.resolve()} onLogoutEverywhere={onLogoutEverywhere} />)
    await userEvent.click(screen.getByRole('button', { name: 'Log out of all sessions' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Not authenticated.')
  })
})
