/** The part of Electron's `clipboard` this needs. */
export interface TextClipboard {
  readText(): string
  writeText(text: string): void
}

export const SECRET_CLIPBOARD_LIFETIME_MS = 60_000

/**
 * Copies secrets (new API keys) to the system clipboard and takes them off again after a
 * minute, unless something else has been copied since: a key should not linger where any
 * app can read it, but nor should we wipe what the person copied afterwards.
 */
export class SecretClipboard {
  private pending: { secret: string; timer: ReturnType<typeof setTimeout> } | undefined

  constructor(
    private readonly clipboard: TextClipboard,
    readonly lifetimeMs = SECRET_CLIPBOARD_LIFETIME_MS,
  ) {}

  copy(secret: string): void {
    this.cancelTimer()
    this.clipboard.writeText(secret)
    const timer = setTimeout(() => this.clearNow(), this.lifetimeMs)
    this.pending = { secret, timer }
  }

  /** Clears the clipboard now if it still holds the last secret copied (e.g. when the app quits). */
  clearNow(): void {
    const pending = this.pending
    this.cancelTimer()
    if (pending && this.clipboard.readText() === pending.secret) this.clipboard.writeText('')
  }

  private cancelTimer(): void {
    if (this.pending) clearTimeout(this.pending.timer)
    this.pending = undefined
  }
}
