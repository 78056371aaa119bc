/** A cookie as kept between requests; `expiresAt` is epoch milliseconds, undefined for a session cookie. */
export interface StoredCookie {
  name: string
  value: string
  expiresAt?: number
}

/**
 * The cookies of one Storra server, as a browser would keep them for that origin: sent on
 * every request, replaced or deleted by `Set-Cookie`, dropped once expired. Paths and domains
 * are not tracked because the jar never serves more than one origin.
 */
export class CookieJar {
  private readonly cookies = new Map<string, StoredCookie>()
  /** Bumped on every change, so callers can tell whether there is something new to persist. */
  version = 0

  constructor(
    cookies: readonly StoredCookie[] = [],
    private readonly now: () => number = Date.now,
  ) {
    for (const cookie of cookies) this.cookies.set(cookie.name, { ...cookie })
    this.dropExpired()
  }

  /** The `Cookie` request header, or undefined when there is nothing to send. */
  header(): string | undefined {
    this.dropExpired()
    if (this.cookies.size === 0) return undefined
    return [...this.cookies.values()].map(({ name, value }) => `${name}=${value}`).join('; ')
  }

  get isEmpty(): boolean {
    this.dropExpired()
    return this.cookies.size === 0
  }

  /** Applies a response's `Set-Cookie` headers. */
  storeFrom(setCookieHeaders: readonly string[]): void {
    for (const header of setCookieHeaders) this.apply(header)
  }

  clear(): void {
    if (this.cookies.size === 0) return
    this.cookies.clear()
    this.version++
  }

  snapshot(): StoredCookie[] {
    this.dropExpired()
    return [...this.cookies.values()].map((cookie) => ({ ...cookie }))
  }

  private apply(header: string): void {
    const [pair = '', ...attributes] = header.split(';')
    const separator = pair.indexOf('=')
    if (separator <= 0) return
    const name = pair.slice(0, separator).trim()
    const value = pair.slice(separator + 1).trim()
    let expiresAt: number | undefined
    for (const attribute of attributes) {
      const [key = '', raw = ''] = attribute.split('=', 2).map((part) => part.trim())
      if (key.toLowerCase() === 'max-age' && /^-?\d+$/.test(raw)) {
        // Max-Age wins over Expires (RFC 6265 §5.3): stop looking.
        expiresAt = this.now() + Number(raw) * 1000
        break
      }
      if (key.toLowerCase() === 'expires') {
        const date = Date.parse(raw)
        if (!Number.isNaN(date)) expiresAt = date
      }
    }
    // An empty value or a past expiry is how servers delete a cookie (iron-session's destroy does both).
    if (value === '' || (expiresAt !== undefined && expiresAt <= this.now())) {
      if (this.cookies.delete(name)) this.version++
      return
    }
    this.cookies.set(name, { name, value, expiresAt })
    this.version++
  }

  private dropExpired(): void {
    const now = this.now()
    for (const [name, cookie] of this.cookies) {
      if (cookie.expiresAt !== undefined && cookie.expiresAt <= now) {
        this.cookies.delete(name)
        this.version++
      }
    }
  }
}
