import { createServer } from 'node:net'
import { TRPCClientError } from '@trpc/client'
import { describe, expect, it, inject } from 'vitest'
import { describeApiError, isUnauthorized, NETWORK_ERROR_MESSAGE } from './api-error.ts'
import { createDashboardClient } from './trpc.ts'

const FALLBACK = 'fallback sentence'

async function errorOf(call: Promise<unknown>): Promise<unknown> {
  try {
    await call
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail')
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe('describeApiError', () => {
  const { url } = inject('dashboardApi')
  const client = createDashboardClient({ url: `${url}/api/v1/dashboard/trpc` })

  it('passes the server’s own message through for expected failures', async () => {
    const error = await errorOf(client.auth.login.mutate({ email: 'nobody@example.com', password: 'wrong password' }))
    expect(describeApiError(error, FALLBACK)).toBe('Invalid email or password.')
  })

  it('recognises a missing session', async () => {
    const error = await errorOf(client.apiKeys.list.query())
    expect(isUnauthorized(error)).toBe(true)
    expect(isUnauthorized(new Error('UNAUTHORIZED'))).toBe(false)
  })

  it('shows input-validation failures as the sentence the server makes of them', async () => {
    const error = await errorOf(client.auth.login.mutate({ email: 'a'.repeat(400), password: 'x' }))
    expect(describeApiError(error, FALLBACK)).toMatch(/^email: .*320/)
  })

  it('hides a raw validation dump behind the fallback', () => {
    const dump = TRPCClientError.from({
      error: {
        code: -32600,
        message: '[\n  {\n    "code": "too_big",\n    "path": ["email"]\n  }\n]',
        data: { code: 'BAD_REQUEST', httpStatus: 400 },
      },
    })
    expect(describeApiError(dump, FALLBACK)).toBe(FALLBACK)
  })

  it('says the server could not be reached when nothing answered', async () => {
    const offline = createDashboardClient({ url: `http://127.0.0.1:${await closedPort()}/api/v1/dashboard/trpc` })
    const error = await errorOf(offline.auth.me.query())
    expect(describeApiError(error, FALLBACK)).toBe(NETWORK_ERROR_MESSAGE)
  })

  it('falls back for anything that is not an API error', () => {
    expect(describeApiError(new Error('TypeError: x is undefined'), FALLBACK)).toBe(FALLBACK)
    expect(describeApiError('boom', FALLBACK)).toBe(FALLBACK)
  })
})
