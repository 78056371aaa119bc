import { childEnv } from '../src/testing/env.ts'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { PASSWORD_ARGUMENT_WARNING } from '@storra/core'
import { setUserPlan } from '@storra/api'
import { runCli } from '../src/cli/run-cli.ts'
import {
  callClientApi,
  DashboardRestClient,
  startTestServer,
  testDatabaseTargets,
  type TestServer,
} from '../src/testing.ts'

const run = promisify(execFile)
const serverDir = fileURLToPath(new URL('..', import.meta.url))

/** Runs the real `storra` CLI (`bin/storra.mjs`, what `npm run storra` runs) in its own process; resolves with its exit code and output. */
async function storra(args: string[], env: Record<string, string>, stdin = '') {
  try {
    const pending = run(process.execPath, ['bin/storra.mjs', ...args], {
      cwd: serverDir,
      env: childEnv({ INIT_CWD: serverDir, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env }),
      timeout: 60_000,
    })
    pending.child.stdin?.end(stdin)
    const { stdout, stderr } = await pending
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string }
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }
  }
}

const pglite = testDatabaseTargets().find((t) => t.name === 'pglite')!
const postgresTarget = testDatabaseTargets().find((t) => t.name === 'postgres')

describe('storra CLI on the embedded database', () => {
  const stoppedDir = mkdtempSync(join(tmpdir(), 'storra-cli-'))
  let server: TestServer | undefined
  afterAll(async () => {
    await server?.dispose()
    rmSync(stoppedDir, { recursive: true, force: true })
  })

  it('works with no server running (opens the data directory itself)', async () => {
    const env = { STORRA_DATA_DIR: stoppedDir }
    const created = await storra(
      ['users', 'create', '--email', 'Owner@Example.com', '--password-stdin', '--plan', 'pro', '--admin'],
      env,
      'a sufficiently long one\n',
    )
    expect(created.stderr).toBe('')
    expect(created.code).toBe(0)
    expect(created.stdout).toMatch(/Created admin account owner@example\.com \(plan pro/)

    const listed = await storra(['users', 'list'], env)
    expect(listed.code).toBe(0)
    expect(listed.stdout).toMatch(/owner@example\.com\s+pro\s+admin\s+0/)

    const duplicate = await storra(
      ['users', 'create', '--email', 'OWNER@example.com', '--password', 'a sufficiently long one'],
      env,
    )
    expect(duplicate.code).toBe(1)
    expect(duplicate.stderr).toMatch(/already exists/)
  })

  it('works while the server runs, and the server sees the change at once', async () => {
    server = await startTestServer(pglite)
    const env = { STORRA_DATA_DIR: server.dataDir }
    const created = await storra(
      ['users', 'create', '--email', 'live@example.com', '--password', 'another long password', '--plan', 'pro'],
      env,
    )
    // Still accepted for scripts, with a warning.
    expect(created.stderr).toBe(`${PASSWORD_ARGUMENT_WARNING}\n`)
    expect(created.code).toBe(0)

    const dashboard = new DashboardRestClient(server.url)
    expect((await dashboard.login('live@example.com', 'another long password')).status).toBe(200)
    const { key } = await dashboard.createKey('cli test')
    expect((await callClientApi(server.url, key)).status).toBe(200)

    // The key is cached as Pro now; the CLI's downgrade must take effect at once all the same.
    const downgraded = await storra(['users', 'set-plan', '--email', 'live@example.com', '--plan', 'free'], env)
    expect(downgraded.code).toBe(0)
    expect(downgraded.stdout).toMatch(/now on the free plan/)
    expect((await callClientApi(server.url, key)).status).toBe(403)
  })

  // The real binary, against the running server of the test above (through its socket).
  it('issues reset links, changes roles and deletes accounts, naming the email each time', async () => {
    const env = { STORRA_DATA_DIR: server!.dataDir, STORRA_PUBLIC_URL: server!.url }
    const cli = async (...args: string[]) => {
      const { code, stdout, stderr } = await storra(args, env)
      return { code, out: stdout.trimEnd().split('\n'), err: stderr }
    }
    const user = await server!.createUser({ plan: 'pro', email: 'ops@example.com' })
    const dashboard = new DashboardRestClient(server!.url)
    expect((await dashboard.login(user.email, user.password)).status).toBe(200)
    const { key } = await dashboard.createKey('ops')

    const reset = await cli('users', 'reset-password', '--email', 'OPS@example.com')
    expect(reset.err).toBe('')
    expect(reset.code).toBe(0)
    expect(reset.out[0]).toMatch(/^Password reset link for ops@example\.com \(works once, until \d{4}-/)
    const link = new URL(reset.out[1]!)
    expect(link.origin + link.pathname).toBe(`${server!.url}/dashboard/reset-password`)
    const token = new URLSearchParams(link.hash.slice(1)).get('token')!
    const set = await fetch(`${server!.url}/api/v1/dashboard/password-reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password: 'a brand new password' }),
    })
    expect(set.status).toBe(200)
    // The reset ended the session; the new password works.
    expect((await dashboard.request('GET', '/api/v1/dashboard/users/me')).status).toBe(401)
    expect((await dashboard.login(user.email, 'a brand new password')).status).toBe(200)

    const role = await cli('users', 'set-role', '--email', 'ops@example.com', '--role', 'admin')
    expect(role).toEqual({ code: 0, out: ['ops@example.com now has the admin role.'], err: '' })

    const deleted = await cli('users', 'delete', '--email', 'ops@example.com', '--yes')
    expect(deleted).toEqual({ code: 0, out: ['Deleted ops@example.com (1 active API keys revoked first).'], err: '' })
    expect((await callClientApi(server!.url, key)).status).toBe(401)
    expect((await dashboard.request('GET', '/api/v1/dashboard/users/me')).status).toBe(401)
  })

  it('lists an account’s keys and revokes any key by prefix, taking effect on the running server at once', async () => {
    const env = { STORRA_DATA_DIR: server!.dataDir }
    const dashboard = new DashboardRestClient(server!.url)
    expect((await dashboard.login('live@example.com', 'another long password')).status).toBe(200)
    await setUserPlan(server!.services, { email: 'live@example.com' }, 'pro')
    const { key, prefix } = await dashboard.createKey('to be ended')
    expect((await callClientApi(server!.url, key)).status).toBe(200)

    const listed = await storra(['keys', 'list', '--email', 'LIVE@example.com'], env)
    expect(listed.stderr).toBe('')
    expect(listed.stdout).toMatch(/^PREFIX\s+STATE\s+LABEL/)
    expect(listed.stdout).toMatch(new RegExp(`${prefix}\\s+active\\s+to be ended`))
    expect(listed.stdout).not.toContain(key)

    const revoked = await storra(['keys', 'revoke', '--prefix', prefix], env)
    expect([revoked.code, revoked.stdout.trim()]).toEqual([0, `Revoked ${prefix}.`])
    expect((await callClientApi(server!.url, key)).status).toBe(401)

    const active = await storra(['keys', 'list', '--email', 'live@example.com'], env)
    expect(active.stdout).not.toContain(prefix)
    const all = await storra(['keys', 'list', '--email', 'live@example.com', '--all'], env)
    expect(all.stdout).toMatch(new RegExp(`${prefix}\\s+revoked\\s+to be ended.*\\sadmin\\n`))

    const again = await storra(['keys', 'revoke', '--prefix', prefix], env)
    expect([again.code, again.stderr]).toEqual([
      1,
      `storra: API key not found. No unrevoked key with prefix ${prefix}.\n`,
    ])
  })

  // In-process (the same runCli the binary calls): seven more process starts would add a minute.
  it('refuses bad arguments with a clear message and a non-zero exit', async () => {
    const env = childEnv({ INIT_CWD: serverDir, DATABASE_URL: '', STORRA_DATA_DIR: stoppedDir })
    const cases: [string[], RegExp][] = [
      [['users', 'create', '--email', 'x@example.com'], /run in a terminal to be asked for it, or .* --password-stdin/],
      [['users', 'create', '--email', 'x@example.com', '--password', 'short'], /at least 12 characters/],
      [['users', 'set-role', '--email', 'x@example.com', '--role', 'owner'], /role must be one of: user, admin/],
      [
        ['users', 'set-role', '--email', 'nobody@example.com', '--role', 'admin'],
        /No account with email nobody@example\.com/,
      ],
      [['users', 'delete', '--email', 'x@example.com'], /Deleting x@example\.com revokes every API key .* --yes/],
      [['users', 'delete', '--email', 'nobody@example.com', '--yes'], /No account with email nobody@example\.com/],
      [['users', 'reset-password', '--email', 'nobody@example.com'], /No account with email nobody@example\.com/],
      [['users', 'create', '--email', 'not-an-email', '--password', 'long enough password'], /valid email/],
      [['users', 'set-plan', '--email', 'x@example.com', '--plan', 'gold'], /plan must be one of: free, pro/],
      [['users', 'set-plan', '--email', 'nobody@example.com', '--plan', 'pro'], /Account not found/],
      [['users', 'frobnicate'], /unknown command/],
      [['keys', 'list'], /required option '--email/],
      [['keys', 'list', '--email', 'nobody@example.com'], /No account with email nobody@example\.com/],
      [['keys', 'revoke'], /required option '--prefix/],
      [['keys', 'revoke', '--prefix', 'sk_nothere'], /No unrevoked key with prefix sk_nothere/],
      [[], /Usage: storra/],
    ]
    for (const [args, message] of cases) {
      const errors: string[] = []
      const code = await runCli(args, { out: () => {}, err: (line) => errors.push(line) }, env)
      expect(code, args.join(' ')).not.toBe(0)
      expect(errors.join('\n'), args.join(' ')).toMatch(message)
    }
    const missing = await storra(['users', 'set-plan', '--email', 'x@example.com', '--plan', 'gold'], {
      STORRA_DATA_DIR: stoppedDir,
    })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/plan must be one of/)
  })

  // Issue 10 item 17: a message names what it is about.
  it('names the email of an account that does not exist', async () => {
    const unknown = await storra(['users', 'set-plan', '--email', 'nobody@example.com', '--plan', 'pro'], {
      STORRA_DATA_DIR: stoppedDir,
    })
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toBe('storra: Account not found. No account with email nobody@example.com.\n')
  })
})

describe.skipIf(!postgresTarget)('storra CLI on PostgreSQL', () => {
  it('creates and lists accounts through DATABASE_URL', async () => {
    const { url, drop } = await postgresTarget!.createUrl!()
    try {
      const server = await startTestServer(postgresTarget!, { databaseUrl: url })
      try {
        const created = await storra(
          ['users', 'create', '--email', 'pg@example.com', '--password', 'postgres password!', '--plan', 'pro'],
          { DATABASE_URL: url },
        )
        expect(created.code).toBe(0)
        expect((await new DashboardRestClient(server.url).login('pg@example.com', 'postgres password!')).status).toBe(
          200,
        )
      } finally {
        await server.close()
      }
    } finally {
      await drop()
    }
  })
})
