import { callClientApi, DashboardRestClient } from '@storra/server/testing'

const POLL_DEADLINE_MS = 2_000

export interface PropagationResult {
  samples: number
  p50Ms: number
  p99Ms: number
  maxMs: number
  /** Revocations B still accepted when the poll deadline ran out. */
  notPropagated: number
}

async function status(baseUrl: string, key: string): Promise<number> {
  const res = await callClientApi(baseUrl, key)
  await res.arrayBuffer()
  return res.status
}

/**
 * With two instances on one PostgreSQL: create a key on A, make B cache it, revoke it on A,
 * and time from A's revoke response until B first answers 401 (B polled back to back, each
 * revocation bounded by a deadline).
 */
export async function measureRevocationPropagation(
  a: string,
  b: string,
  login: { email: string; password: string },
  revocations: number,
): Promise<PropagationResult> {
  const dashboard = new DashboardRestClient(a)
  const loggedIn = await dashboard.login(login.email, login.password)
  if (loggedIn.status !== 200) throw new Error(`bench login failed: ${loggedIn.status}`)
  const times: number[] = []
  let notPropagated = 0
  for (let i = 0; i < revocations; i++) {
    const { key, prefix } = await dashboard.createKey(`propagation ${i}`)
    if ((await status(b, key)) !== 200 || (await status(b, key)) !== 200) throw new Error('B refused a fresh key')
    const res = await dashboard.request('DELETE', `/api/v1/dashboard/users/me/api-keys/${prefix}`)
    if (res.status !== 200) throw new Error(`revoke failed: ${res.status}`)
    const revokedAt = performance.now()
    let refused = false
    while (performance.now() - revokedAt < POLL_DEADLINE_MS) {
      if ((await status(b, key)) === 401) {
        refused = true
        break
      }
    }
    if (refused) times.push(performance.now() - revokedAt)
    else notPropagated++
  }
  times.sort((x, y) => x - y)
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN
  return { samples: times.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: times.at(-1) ?? NaN, notPropagated }
}
