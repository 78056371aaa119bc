import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MemoryClipboard } from '../../test/support/memory-clipboard.ts'
import { SECRET_CLIPBOARD_LIFETIME_MS, SecretClipboard } from './secret-clipboard.ts'

const KEY = 'sk_' + 'a'.repeat(38)
const OTHER_KEY = 'sk_' + 'b'.repeat(38)

describe('SecretClipboard', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('clears the key from the clipboard after 60 seconds', () => {
    const clipboard = new MemoryClipboard()
    new SecretClipboard(clipboard).copy(KEY)
    expect(clipboard.text).toBe(KEY)
    vi.advanceTimersByTime(SECRET_CLIPBOARD_LIFETIME_MS - 1)
    expect(clipboard.text).toBe(KEY)
    vi.advanceTimersByTime(1)
    expect(clipboard.text).toBe('')
  })

  it('leaves alone whatever the person copied afterwards', () => {
    const clipboard = new MemoryClipboard()
    new SecretClipboard(clipboard).copy(KEY)
    clipboard.writeText('something else')
    vi.advanceTimersByTime(SECRET_CLIPBOARD_LIFETIME_MS)
    expect(clipboard.text).toBe('something else')
  })

  it('gives a newly copied key its own full minute', () => {
    const clipboard = new MemoryClipboard()
    const secrets = new SecretClipboard(clipboard)
    secrets.copy(KEY)
    vi.advanceTimersByTime(30_000)
    secrets.copy(OTHER_KEY)
    vi.advanceTimersByTime(30_000)
    expect(clipboard.text).toBe(OTHER_KEY)
    vi.advanceTimersByTime(30_000)
    expect(clipboard.text).toBe('')
  })

  it('clears at once when asked (the app quitting), and only its own secret', () => {
    const clipboard = new MemoryClipboard()
    const secrets = new SecretClipboard(clipboard)
    secrets.copy(KEY)
    secrets.clearNow()
    expect(clipboard.text).toBe('')
    clipboard.writeText('mine')
    secrets.clearNow()
    vi.runAllTimers()
    expect(clipboard.text).toBe('mine')
  })
})
