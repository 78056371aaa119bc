import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sealData } from 'iron-session'
import {
  createApiKey,
  createSession,
  findSessionUser,
  listApiKeys,
  revokeApiKey,
  SESSION_TTL_SECONDS,
  setUserPassword,
  setUserPlan,
  type Services,
} from '@storra/api'
import {
  startTestServer,
  testServerConfig,
  type ServerConfigOverrides,
  type TestDatabaseTarget,
  type TestServer,
} from '../../src/testing.ts'
import { captureLogs } from '../hardening/log-capture.ts'
import type { PlaceholderValues } from './fuzz-request.ts'

/** A running server under fuzzing: its captured log and the live values behind the placeholders. */
export interface FuzzTarget {
  server: TestServer
  /** Every log line the server wrote, in order (production logger at trace level). */
  lines: string[]
  values: PlaceholderValues
  /**
   * Puts the fixtures back after a request may have changed them: sessions ended, a plan or
   * password changed, the valid key revoked. Uses the service layer, not HTTP, so the login
   * throttle the fuzzer trips never locks the fixtures out.
   */
  heal(options: { passwordMayHaveChanged: boolean }): Promise<void>
  dispose(): Promise<void>
}

const PASSWORD = 'fuzz-fixture-password-1'

interface Account {
  id: string
  email: string
  plan: 'free' | 'pro'
  sid: string
}

/** A minimal dashboard build (index and one asset), so /dashboard is served as in production. */
function stubWebDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'storra-fuzz-web-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>Storra</title><div id="root"></div><script src="/dashboard/assets/app.js"></script>',
  )
  writeFileSync(join(dir, 'assets', 'app.js'), 'document.getElementById("root").textContent = "ok"\n')
  return dir
}

/**
 * Starts a real server on `target` with three accounts (Pro user, admin, free user), a valid
 * Pro key, a free account's key and a revoked key, and a live session for each account.
 */
export async function startFuzzTarget(
  target: TestDatabaseTarget,
  overrides: ServerConfigOverrides = {},
): Promise<FuzzTarget> {
  const { logger, lines } = captureLogs()
  const webDist = stubWebDist()
  const server = await startTestServer(target, {
    logger,
    ...overrides,
    log: { level: 'trace', ...overrides.log },
    web: { distDir: webDist, ...overrides.web },
  })
  const services: Services = server.services
  const passwords = testServerConfig(overrides).session.secret!

  const seal = async (account: Account) =>
    sealData({ sid: account.sid }, { password: passwords, ttl: SESSION_TTL_SECONDS })
  const open = async (plan: 'free' | 'pro', role: 'user' | 'admin'): Promise<Account> => {
    const user = await server.createUser({ plan, role, password: PASSWORD })
    return { id: user.id, email: user.email, plan, sid: await createSession(services, user.id) }
  }
  const [user, admin, free] = await Promise.all([open('pro', 'user'), open('pro', 'admin'), open('pro', 'user')])
  let proKey = await createApiKey(services, user.id, 'fuzz pro key')
  // Keys are created on Pro; the account then drops to free, as a downgrade does.
  const freeKey = await createApiKey(services, free.id, 'fuzz free key')
  await setUserPlan(services, { userId: free.id }, 'free')
  free.plan = 'free'
  const revoked = await createApiKey(services, user.id, 'fuzz revoked key')
  await revokeApiKey(services, user.id, revoked.prefix)

  const values: PlaceholderValues = {
    $PRO_KEY: proKey.key,
    $FREE_KEY: freeKey.key,
    $REVOKED_KEY: revoked.key,
    $KEY_PREFIX: proKey.prefix,
    $USER_EMAIL: user.email,
    $USER_PASSWORD: PASSWORD,
    $USER_ID: user.id,
    $ADMIN_ID: admin.id,
    $USER_SESSION: await seal(user),
    $ADMIN_SESSION: await seal(admin),
    $FREE_SESSION: await seal(free),
    $ORIGIN: server.url,
    $HOST: new URL(server.url).host,
  }

  async function healAccount(
    account: Account,
    placeholder: '$USER_SESSION' | '$ADMIN_SESSION' | '$FREE_SESSION',
  ): Promise<void> {
    const live = await findSessionUser(services, account.sid)
    if (live && live.plan !== account.plan) await setUserPlan(services, { userId: account.id }, account.plan)
    if (!live) {
      await setUserPlan(services, { userId: account.id }, account.plan)
      account.sid = await createSession(services, account.id)
      values[placeholder] = await seal(account)
    }
  }

  return {
    server,
    lines,
    values,
    async heal({ passwordMayHaveChanged }) {
      if (passwordMayHaveChanged) await setUserPassword(services, user.id, PASSWORD)
      await healAccount(user, '$USER_SESSION')
      await healAccount(admin, '$ADMIN_SESSION')
      await healAccount(free, '$FREE_SESSION')
      // A request may have revoked, rotated, restricted or dated the key: start again from a plain one.
      const check = await services.verifier.verify(proKey.key)
      const plain = check.ok && !check.key.rotating && !check.key.use.allowlist && check.key.use.expiresAtMs === null
      if (!plain) {
        if (check.ok) await revokeApiKey(services, user.id, proKey.prefix)
        proKey = await createApiKey(services, user.id, 'fuzz pro key').catch(async () => {
          // Random creates filled the account's allowance: make room.
          for (const key of await listApiKeys(services, user.id)) await revokeApiKey(services, user.id, key.prefix)
          return createApiKey(services, user.id, 'fuzz pro key')
        })
        values.$PRO_KEY = proKey.key
        values.$KEY_PREFIX = proKey.prefix
      }
    },
    async dispose() {
      await server.dispose()
      rmSync(webDist, { recursive: true, force: true })
    },
  }
}
