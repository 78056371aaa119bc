import { createHash } from 'node:crypto'
import { existsSync, unlinkSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import type { EmbeddedDatabase } from '@storra/db'

// Unix socket paths are limited to about 104 bytes; deep data directories use a stable temp path.
const MAX_SOCKET_PATH = 100

/** Where a running server shares its embedded database with the CLI. */
export function embeddedSocketPath(dataDir: string): string {
  const inside = join(dataDir, '.s.PGSQL.5432')
  if (inside.length <= MAX_SOCKET_PATH) return inside
  return join(tmpdir(), `storra-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}.sock`)
}

/** True when a live server answers on the data directory's socket. */
export function isSocketServed(path: string): Promise<boolean> {
  if (!existsSync(path)) return Promise.resolve(false)
  return new Promise((resolve) => {
    const socket = connect(path)
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/**
 * PGlite lives inside one process, and two processes must never open the same directory.
 * The server that owns it shares it over a Unix socket so the CLI can work while it runs.
 */
export async function shareEmbeddedDatabase(
  database: EmbeddedDatabase,
  dataDir: string,
  onExternalStatement: () => void,
): Promise<{ path: string; stop(): Promise<void> }> {
  const path = embeddedSocketPath(dataDir)
  if (existsSync(path)) unlinkSync(path) // left by a server that did not stop cleanly
  // Loaded here, not at the top: the CLI imports this file for the socket path only.
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket')
  const server = new PGLiteSocketServer({ db: observeSocketStatements(database.pglite, onExternalStatement), path })
  await server.start()
  return {
    path,
    async stop() {
      await server.stop()
      if (existsSync(path)) unlinkSync(path)
    },
  }
}

export class DataDirectoryInUseError extends Error {
  constructor(dataDir: string) {
    super(
      `Another Storra server is already using the embedded database in ${dataDir}. Stop it first, or set STORRA_DATA_DIR.`,
    )
  }
}

/**
 * NOTIFY sent through the socket reaches the socket's client, not this process's listeners,
 * so the server cannot hear the CLI's invalidations. Instead every statement that arrives
 * through the socket (rare: an operator at the CLI) tells the server to drop its caches.
 */
function observeSocketStatements(pglite: PGlite, onStatement: () => void): PGlite {
  return new Proxy(pglite, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown
      if (property === 'execProtocolRawStream' && typeof value === 'function') {
        return async (...args: unknown[]) => {
          try {
            return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)
          } finally {
            onStatement()
          }
        }
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    },
  })
}
