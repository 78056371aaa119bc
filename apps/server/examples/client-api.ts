// The client API from TypeScript, typed from the OpenAPI document (openapi-fetch + the generated
// `paths`). Run against a running server:
//
//   STORRA_API_KEY=sk_... npx tsx examples/client-api.ts [http://127.0.0.1:3000]
import { pathToFileURL } from 'node:url'
import createClient, { type Client } from 'openapi-fetch'
import { exampleEnv } from './env.ts'
import type { paths } from './generated/storra-api.d.ts'

type StorraClient = Client<paths>

/** A client whose every request carries `X-API-Key` (omit the key to see the 401). */
export function createStorraClient(baseUrl: string, apiKey?: string): StorraClient {
  return createClient<paths>({ baseUrl, headers: apiKey === undefined ? {} : { 'X-API-Key': apiKey } })
}

/**
 * `GET /api/v1/client/users/me`: the account, or the documented error with its status.
 * The result types come from the document: `detail` is a string or FastAPI's list.
 */
async function whoAmI(client: StorraClient) {
  const { data, error, response } = await client.GET('/api/v1/client/users/me')
  if (data) return { ok: true as const, status: response.status, user: data }
  return {
    ok: false as const,
    status: response.status,
    detail: error.detail,
    retryAfter: response.headers.get('retry-after'),
  }
}

async function main(): Promise<void> {
  const baseUrl = process.argv[2] ?? 'http://127.0.0.1:3000'
  const result = await whoAmI(createStorraClient(baseUrl, exampleEnv.apiKey))
  if (result.ok) console.log(`${result.user.email} on the ${result.user.plan} plan since ${result.user.created_at}`)
  else console.error(`HTTP ${result.status}: ${JSON.stringify(result.detail)}`)
  process.exitCode = result.ok ? 0 : 1
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
