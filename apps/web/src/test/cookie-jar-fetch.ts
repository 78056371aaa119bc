/**
 * A fetch that keeps the session cookie as a browser would. The jsdom tests call a real server
 * with Node's fetch, which has no cookie store of its own.
 */
export class CookieJarFetch {
  cookie = ''

  readonly fetch: typeof globalThis.fetch = async (input, init) => {
    const headers = new Headers(init?.headers)
    if (this.cookie) headers.set('cookie', this.cookie)
    // jsdom's AbortSignal is not the one Node's fetch accepts; these tests never abort.
    const response = await globalThis.fetch(input, { ...init, headers, signal: undefined })
    for (const setCookie of response.headers.getSetCookie()) {
      const pair = setCookie.split(';')[0]!
      this.cookie = pair.endsWith('=') ? '' : pair
    }
    return response
  }

  /** Logs in over the REST API: quicker than the form where the form is not what is tested. */
  async logIn(apiUrl: string, account: { email: string; password: string }): Promise<void> {
    const response = await this.fetch(`${apiUrl}/api/v1/dashboard/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(account),
    })
    if (!response.ok) throw new Error(`login failed: ${response.status}`)
  }
}
