import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { AuditEvent, KeyUsage } from '@storra/core/types'
import { ActivityList } from './activity-list'
import { KeyUsageChart } from './key-usage-chart'

const usage: KeyUsage = {
  prefix: 'sk_abc12345',
  granularity: 'minute',
  buckets: [{ start: '2030-01-01T10:00:00.000Z', ok: 5, plan_forbidden: 0, ip_denied: 1, rate_limited: 2, revoked: 0 }],
}

describe('KeyUsageChart', () => {
  it('states the total, switches window with the keyboard, and has a table alternative', async () => {
    const onWindowChange = vi.fn()
    render(<KeyUsageChart usage={usage} window="24h" onWindowChange={onWindowChange} />)
    expect(screen.getByTestId('usage-total').textContent).toContain('8 requests in the last 24 hours')
    const day = screen.getByRole('radio', { name: '24 hours' })
    day.focus()
    await userEvent.keyboard('{ArrowRight}')
    expect(onWindowChange).toHaveBeenCalledWith('7d')
    const table = screen.getByRole('table', { hidden: true })
    expect(table.textContent).toContain('2030-01-01T10:00:00.000Z')
    expect(table.textContent).toContain('IP denied')
  })
})

describe('ActivityList', () => {
  it('lists events newest first and offers export and more', async () => {
    const onLoadMore = vi.fn()
    const events: AuditEvent[] = [
      {
        id: 'e1',
        type: 'api_key.revoked',
        actor: 'admin',
        key_prefix: 'sk_abc12345',
        ip: '203.0.113.7',
        user_agent: 'curl/8.5',
        created_at: '2030-01-01T10:00:00.000Z',
        details: { reason: 'admin' },
      },
    ]
    render(<ActivityList events={events} hasMore onLoadMore={onLoadMore} />)
    expect(screen.getByText('Key revoked (admin)')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeTruthy()
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }))
    expect(onLoadMore).toHaveBeenCalled()
  })
})
