import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { KeyTable } from './key-table'
import { ciKey, keys, now, productionKey } from './test/fixtures'

function rowFor(label: string) {
  const row = screen.getByRole('rowheader', { name: label }).closest('tr')
  if (!row) throw new Error(`No row for ${label}`)
  return within(row)
}

describe('KeyTable', () => {
  it('renders a row per key in the order given, with the column headers', () => {
    render(<KeyTable keys={keys} onRequestRevoke={() => {}} now={now} />)

    const table = screen.getByRole('table', { name: 'Your API keys' })
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent)
    expect(headers).toEqual(['Label', 'Prefix', 'Created', 'Last used', 'Status', 'Actions'])
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Production API Key', 'CI runner'])
  })

  it('shows the prefix in monospace and the creation date with its exact time', () => {
    render(<KeyTable keys={keys} onRequestRevoke={() => {}} now={now} />)
    const row = rowFor('Production API Key')

    const prefix = row.getByText('sk_abc12345')
    expect(prefix.tagName).toBe('CODE')
    expect(prefix).toHaveClass('font-mono')

    const created = row.getByText('May 20, 2025')
    expect(created.tagName).toBe('TIME')
    expect(created).toHaveAttribute('datetime', productionKey.created_at)
    expect(created.getAttribute('title')).toMatch(/^May 20, 2025.* 10:30:00 AM UTC$/)
  })

  it('shows when a recent key was created as a relative time, so same-day keys differ, with the exact UTC time in the title', () => {
    const morning = {
      ...productionKey,
      id: 'a',
      prefix: 'sk_morning1',
      label: 'Morning key',
      created_at: '2025-06-01T09:15:00.000Z',
    }
    const noon = { ...ciKey, id: 'b', prefix: 'sk_noonkey1', label: 'Noon key', created_at: '2025-06-01T11:40:00.000Z' }
    render(<KeyTable keys={[noon, morning]} onRequestRevoke={() => {}} now={now} />)

    const created = rowFor('Morning key').getByText('2 hours ago')
    expect(created.tagName).toBe('TIME')
    expect(created).toHaveAttribute('datetime', morning.created_at)
    expect(created.getAttribute('title')).toMatch(/^Jun 1, 2025.* 9:15:00 AM UTC$/)
    expect(rowFor('Noon key').getByText('20 minutes ago')).toHaveAttribute(
      'title',
      expect.stringMatching(/11:40:00 AM UTC$/),
    )
  })

  it('labels Created and Last used inside each row for the stacked phone layout, hidden from assistive technology', () => {
    render(<KeyTable keys={keys} onRequestRevoke={() => {}} now={now} />)

    for (const label of ['Production API Key', 'CI runner']) {
      const names = rowFor(label)
        .getAllByText(/^(Created|Last used)$/)
        .map((name) => [name.textContent, name.getAttribute('aria-hidden')])
      expect(names).toEqual([
        ['Created', 'true'],
        ['Last used', 'true'],
      ])
    }
  })

  it('shows last use as a relative time, with the exact time in the title', () => {
    render(<KeyTable keys={keys} onRequestRevoke={() => {}} now={now} />)

    const lastUsed = rowFor('Production API Key').getByText('3 minutes ago')
    expect(lastUsed.tagName).toBe('TIME')
    expect(lastUsed).toHaveAttribute('datetime', productionKey.last_used)
    expect(lastUsed.getAttribute('title')).toMatch(/^Jun 1, 2025.* 11:57:00 AM UTC$/)
  })

  it('says "Never" for keys that have not been used', () => {
    render(<KeyTable keys={keys} onRequestRevoke={() => {}} now={now} />)

    expect(rowFor('CI runner').getByText('Never')).toBeInTheDocument()
    expect(rowFor('Production API Key').queryByText('Never')).not.toBeInTheDocument()
  })

  it('asks to revoke the key whose Revoke button was pressed', async () => {
    const user = userEvent.setup()
    const onRequestRevoke = vi.fn()
    render(<KeyTable keys={keys} onRequestRevoke={onRequestRevoke} now={now} />)

    await user.click(screen.getByRole('button', { name: 'Revoke key sk_def67890' }))

    expect(onRequestRevoke).toHaveBeenCalledExactlyOnceWith(ciKey)
  })

  it('explains API keys and shows an example request when there are none', () => {
    render(<KeyTable keys={[]} onRequestRevoke={() => {}} now={now} />)

    expect(screen.queryByRole('table')).not.toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'No API keys yet' })).toBeInTheDocument()
    expect(screen.getByText(/call the Storra Cloud client API/)).toBeInTheDocument()
    expect(
      screen.getByText('curl -H "X-API-Key: sk_your_api_key_here" https://cloud.storra.host/api/v1/client/users/me'),
    ).toBeInTheDocument()
  })

  it('uses the given API base URL in the example, ignoring a trailing slash', () => {
    render(<KeyTable keys={[]} onRequestRevoke={() => {}} apiBaseUrl="http://localhost:8787/" />)

    expect(
      screen.getByText('curl -H "X-API-Key: sk_your_api_key_here" http://localhost:8787/api/v1/client/users/me'),
    ).toBeInTheDocument()
  })
})
