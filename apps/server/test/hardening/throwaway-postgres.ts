import { execFile } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { freePort } from '../../src/testing.ts'

const run = promisify(execFile)
const BIN_DIRS = ['/usr/local/bin', '/usr/lib/postgresql/15/bin']
const POSTGRES_UID = 101

function findBinary(name: string): string | undefined {
  return BIN_DIRS.map((dir) => join(dir, name)).find((path) => existsSync(path))
}

/** initdb and postgres refuse root: as root, run them as the postgres OS user. */
function asPostgres(binary: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args]
}

/** Why a throwaway server cannot be made here, or undefined when it can. */
export function throwawayPostgresUnavailable(): string | undefined {
  if (!findBinary('initdb') || !findBinary('pg_ctl')) return `no initdb/pg_ctl in ${BIN_DIRS.join(' or ')}`
  if (process.getuid?.() === 0 && !existsSync('/usr/sbin/runuser')) return 'running as root without runuser'
  return undefined
}

export interface ThrowawayPostgres {
  url: string
  stop(): Promise<void>
  start(): Promise<void>
  /** Stops the server for good and deletes its files. */
  destroy(): Promise<void>
}

/**
 * A PostgreSQL server of the test's own, in a temporary directory on a free port with its
 * socket in that directory, so it can be stopped and started without touching anyone else's.
 */
export async function createThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const initdb = findBinary('initdb')!
  const pgCtl = findBinary('pg_ctl')!
  const root = mkdtempSync(join(tmpdir(), 'storra-pg-'))
  if (process.getuid?.() === 0) chownSync(root, POSTGRES_UID, -1)
  const data = join(root, 'data')
  const port = await freePort()
  const pgctl = async (...args: string[]) => {
    const [command, argv] = asPostgres(pgCtl, ['-D', data, '-l', join(root, 'server.log'), ...args])
    await run(command, argv, { timeout: 60_000 })
  }
  const [command, argv] = asPostgres(initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'])
  await run(command, argv, { timeout: 120_000 })
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`
  const start = () => pgctl('-o', options, '-w', '-t', '60', 'start')
  const stop = () => pgctl('-m', 'fast', '-w', '-t', '60', 'stop')
  await start()
  let running = true
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await stop()
      running = false
    },
    async start() {
      await start()
      running = true
    },
    async destroy() {
      if (running) await stop().catch(() => pgctl('-m', 'immediate', 'stop').catch(() => {}))
      rmSync(root, { recursive: true, force: true })
    },
  }
}
