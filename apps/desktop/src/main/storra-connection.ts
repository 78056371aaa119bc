import type { DesktopResult, SessionState, SessionUser } from '../shared/desktop-api.ts'
import { DEFAULT_SERVER_URL } from '../shared/desktop-api.ts'
import { CookieJar } from './cookie-jar.ts'
import { toDesktopError } from './desktop-error.ts'
import type { SessionStore } from './session-store.ts'
import { createStorraClient, type StorraClient } from './storra-client.ts'

export interface StorraConnectionOptions {
  store: SessionStore
  timeoutMs?: number
  fetch?: typeof globalThis.fetch
}

export interface Credentials {
  /** Already reduced to an origin by the IPC input validation. */
  serverUrl: string
  email: string
  password: string
}

const NOT_SIGNED_IN = { ok: false, error: { code: 'not-signed-in', message: 'Sign in to continue.' } } as const

/**
 * The main process's link to one Storra server: the remembered server, the session cookie
 * (never handed to the renderer) and the typed client that carries it. Every call goes
 * through here, so an ended session is noticed in one place and forgotten at once.
 */
export class StorraConnection {
  private jar: CookieJar
  private client: StorraClient
  private persistedVersion: number

  private constructor(
    private readonly options: StorraConnectionOptions,
    private serverUrl: string,
    jar: CookieJar,
  ) {
    this.jar = jar
    this.persistedVersion = jar.version
    this.client = this.clientFor(serverUrl, jar)
  }

  /** Picks up the server and session saved by a previous run. */
  static async open(options: StorraConnectionOptions): Promise<StorraConnection> {
    const saved = await options.store.load()
    return new StorraConnection(options, saved.serverUrl ?? DEFAULT_SERVER_URL, new CookieJar(saved.cookies))
  }

  get isSignedIn(): boolean {
    return !this.jar.isEmpty
  }

  /** At start-up: is there a session, and does the server still accept it? */
  async restore(): Promise<SessionState> {
    const base = { serverUrl: this.serverUrl, persistence: this.options.store.persistence }
    if (!this.isSignedIn) return { ...base, status: 'signed-out', expired: false }
    const me = await this.call((client) => client.auth.me.query())
    if (me.ok) return { ...base, status: 'signed-in', user: me.value.user }
    if (me.error.code === 'session-expired') return { ...base, status: 'signed-out', expired: true }
    return { ...base, status: 'unreachable', message: me.error.message }
  }

  /**
   * Signs in on a fresh cookie jar, which replaces the current session only on success: a
   * failed attempt (or a typo in the server address) leaves the previous state untouched.
   */
  async login({
    serverUrl,
    email,
    password,
  }: Credentials): Promise<DesktopResult<{ user: SessionUser; serverUrl: string }>> {
    const jar = new CookieJar()
    const client = this.clientFor(serverUrl, jar)
    let user: SessionUser
    try {
      ;({ user } = await client.auth.login.mutate({ email, password }))
    } catch (error) {
      return { ok: false, error: toDesktopError(error, serverUrl, 'login') }
    }
    if (jar.isEmpty) {
      return {
        ok: false,
        error: { code: 'unreachable', message: `${serverUrl} did not start a session. Is it a Storra server?` },
      }
    }
    this.serverUrl = serverUrl
    this.jar = jar
    this.client = client
    this.persistedVersion = -1
    // Failing to save only means the next start asks for a sign-in again.
    await this.saveIfChanged()
    return { ok: true, value: { user, serverUrl } }
  }

  /** Ends the session on the server if it answers, and always forgets it here. */
  async logout(): Promise<DesktopResult<{ ok: true }>> {
    if (this.isSignedIn) {
      await this.client.auth.logout.mutate().catch(() => {
        // Unreachable or already ended: signing out of this computer must still work.
      })
    }
    this.jar.clear()
    if (!(await this.saveIfChanged())) {
      return {
        ok: false,
        error: { code: 'app-error', message: 'Signed out, but the saved session could not be deleted from disk.' },
      }
    }
    return { ok: true, value: { ok: true } }
  }

  /**
   * Runs a request that needs the session. Without one it fails before any network traffic;
   * when the server says the session is over, the stored session is cleared.
   */
  async call<T>(request: (client: StorraClient) => Promise<T>): Promise<DesktopResult<T>> {
    if (!this.isSignedIn) return NOT_SIGNED_IN
    const { client, serverUrl, jar } = this
    let result: DesktopResult<T>
    try {
      result = { ok: true, value: await request(client) }
    } catch (error) {
      result = { ok: false, error: toDesktopError(error, serverUrl) }
      // Only if the session that failed is still the current one (a login may have happened meanwhile).
      if (result.error.code === 'session-expired' && jar === this.jar) jar.clear()
    }
    // Saved before the renderer hears back, so what it sees is what a restart would find.
    await this.saveIfChanged()
    return result
  }

  /** Writes the server and cookies if they changed since the last save; false if the write failed. */
  private async saveIfChanged(): Promise<boolean> {
    const version = this.jar.version
    if (version === this.persistedVersion) return true
    try {
      await this.options.store.save({ serverUrl: this.serverUrl, cookies: this.jar.snapshot() })
      this.persistedVersion = version
      return true
    } catch {
      return false
    }
  }

  private clientFor(serverUrl: string, jar: CookieJar): StorraClient {
    return createStorraClient({ serverUrl, cookies: jar, timeoutMs: this.options.timeoutMs, fetch: this.options.fetch })
  }
}
