import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { LeakRevokedKey } from '@storra/core/types'
import { LeakedKeysBanner, type DismissalStorage } from './leaked-keys-banner'

const production: LeakRevokedKey = {
  id: '550e8400-e29b-41d4-a716-446655440000',
  prefix: 'sk_abc12345',
  label: 'Production',
  revoked_at: '2025-06-01T10:30:00.000Z',
}
const ci: LeakRevokedKey = {
  id: '6f1c1f5e-8d2b-4c3a-9e7f-0a1b2c3d4e5f',
  prefix: 'sk_ci000001',
  label: 'CI runner',
  revoked_at: '2025-06-02T08:00:00.000Z',
}

function memoryStorage(): DismissalStorage & { items: Map<string, string> } {
  const items = new Map<string, string>()
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) }
}

describe('LeakedKeysBanner', () => {
  it('says which key was revoked, when, and why', () => {
    render(<LeakedKeysBanner keys={[production]} storage={memoryStorage()} />)
    expect(screen.getByRole('alert')).toHaveTextContent(
      'sk_abc12345 "Production" was revoked on Jun 1, 2025 because it was reported as leaked.',
    )
  })

  it('shows nothing while loading or when no key was reported', () => {
    const { container, rerender } = render(<LeakedKeysBanner keys={undefined} storage={memoryStorage()} />)
    expect(container).toBeEmptyDOMElement()
    rerender(<LeakedKeysBanner keys={[]} storage={memoryStorage()} />)
    expect(container).toBeEmptyDOMElement()
  })

  it('dismisses one notice at a time and remembers it', async () => {
    const storage = memoryStorage()
    const { unmount } = render(<LeakedKeysBanner keys={[production, ci]} storage={storage} />)
    expect(screen.getAllByRole('alert')).toHaveLength(2)

    await userEvent.click(screen.getByRole('button', { name: 'Dismiss the notice about sk_abc12345' }))
    expect(screen.getAllByRole('alert')).toHaveLength(1)
    expect(screen.getByRole('alert')).toHaveTextContent('sk_ci000001 "CI runner"')
    unmount()

    render(<LeakedKeysBanner keys={[production, ci]} storage={storage} />)
    expect(screen.getAllByRole('alert')).toHaveLength(1)
    expect(screen.queryByText(/sk_abc12345/)).toBeNull()
  })

  it('survives unreadable stored dismissals', () => {
    const storage = memoryStorage()
    storage.items.set('storra.dismissedLeakNotices', '{not json')
    render(<LeakedKeysBanner keys={[production]} storage={storage} />)
    expect(screen.getByRole('alert')).toBeInTheDocument()
  })
})
