import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client'
import type { AppRouter } from '@storra/api'
import type { CookieJar } from './cookie-jar.ts'

export type StorraClient = TRPCClient<AppRouter>

const DASHBOARD_TRPC_PATH = '/api/v1/dashboard/trpc'
const DEFAULT_REQUEST_TIMEOUT_MS = 15_000

export interface StorraClientOptions {
  /** The server's origin, e.g. `http://localhost:3000`. */
  serverUrl: string
  /** Sent on every request and updated from every response. */
  cookies: CookieJar
  timeoutMs?: number
  fetch?: typeof globalThis.fetch
}

/** The server answered with a redirect; following it could hand the session cookie to another host. */
export class ServerRedirectError extends Error {
  constructor(readonly location: string | null) {
    super(location ? `The server redirects to ${location}.` : 'The server answered with a redirect.')
    this.name = 'ServerRedirectError'
  }
}

/**
 * The typed tRPC client the main process talks to the dashboard API with. Its fetch behaves
 * like a browser holding the session cookie: sends it, captures `Set-Cookie`, and gives up on
 * servers that do not answer in time.
 */
export function createStorraClient(options: StorraClientOptions): StorraClient {
  const baseFetch = options.fetch ?? globalThis.fetch
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
  const { cookies } = options

  const fetchWithCookies = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers)
    const cookie = cookies.header()
    if (cookie) headers.set('cookie', cookie)
    const timeout = AbortSignal.timeout(timeoutMs)
    const response = await baseFetch(input, {
      ...init,
      headers,
      signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
      redirect: 'manual',
    })
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel()
      throw new ServerRedirectError(response.headers.get('location'))
    }
    cookies.storeFrom(response.headers.getSetCookie())
    return response
  }

  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: options.serverUrl + DASHBOARD_TRPC_PATH,
        // tRPC's fetch type is a structural subset of the standard one.
        fetch: fetchWithCookies as Parameters<typeof httpBatchLink>[0]['fetch'],
      }),
    ],
  })
}
