import { randomUUID } from 'node:crypto'
import type { Database } from '@storra/db'

const INVALIDATION_CHANNEL = 'storra_key_cache'
const LISTENER_HEARTBEAT_MS = 5_000

export type Invalidation = { type: 'key'; keyHash: string } | { type: 'user'; userId: string } | { type: 'all' }

type Heartbeat = { type: 'ping'; id: string }

export interface CacheInvalidation {
  /** Applies locally at once, then tells every other instance sharing the database. */
  publish(message: Invalidation): Promise<void>
  subscribe(handler: (message: Invalidation) => void): () => void
  /** Starts listening to other instances. */
  start(): Promise<void>
  stop(): Promise<void>
}

function parseMessage(payload: string): Invalidation | Heartbeat {
  try {
    const message = JSON.parse(payload) as Invalidation | Heartbeat
    if (message.type === 'key' && typeof message.keyHash === 'string') return message
    if (message.type === 'user' && typeof message.userId === 'string') return message
    if (message.type === 'ping' && typeof message.id === 'string') return message
  } catch {
    // fall through: a message we cannot read must still not leave stale entries behind
  }
  return { type: 'all' }
}

export interface CacheInvalidationOptions {
  onError?: (error: unknown) => void
  heartbeatMs?: number
}

/**
 * Revocations and plan changes must reach every instance's verification cache at once:
 * local handlers run synchronously, others hear it through PostgreSQL LISTEN/NOTIFY. When
 * the listener (re)connects, messages may have been missed, so handlers are told to drop all.
 *
 * postgres.js gives up re-listening if the database is still down when it reconnects, which
 * would leave an instance deaf. So each instance pings itself over the channel; a ping that
 * never comes back means the listener is gone: drop the cache and listen again.
 */
export function createCacheInvalidation(database: Database, options: CacheInvalidationOptions = {}): CacheInvalidation {
  const onError = options.onError ?? (() => {})
  const handlers = new Set<(message: Invalidation) => void>()
  let unlisten: (() => Promise<void>) | undefined
  let heartbeat: NodeJS.Timeout | undefined
  let unansweredPing: string | undefined

  const deliver = (message: Invalidation) => {
    for (const handler of handlers) handler(message)
  }
  const onPayload = (payload: string) => {
    const message = parseMessage(payload)
    if (message.type !== 'ping') return deliver(message)
    if (message.id === unansweredPing) unansweredPing = undefined
  }
  const listen = async () => {
    unlisten = await database.listen(INVALIDATION_CHANNEL, onPayload, () => deliver({ type: 'all' }))
  }
  const checkListener = async () => {
    if (unansweredPing) {
      unansweredPing = undefined
      deliver({ type: 'all' })
      await unlisten?.().catch(onError)
      unlisten = undefined
      try {
        await listen()
      } catch (error) {
        return onError(error)
      }
    }
    const id = randomUUID()
    try {
      unansweredPing = id
      await database.notify(INVALIDATION_CHANNEL, JSON.stringify({ type: 'ping', id } satisfies Heartbeat))
    } catch (error) {
      unansweredPing = undefined // the database is down; nothing to learn about the listener yet
      onError(error)
    }
  }

  return {
    async publish(message) {
      deliver(message)
      // One process owns PGlite: nobody else to tell (the CLI's writes are caught at the socket).
      if (database.kind === 'pglite') return
      try {
        await database.notify(INVALIDATION_CHANNEL, JSON.stringify(message))
      } catch (error) {
        onError(error)
      }
    },
    subscribe(handler) {
      handlers.add(handler)
      return () => handlers.delete(handler)
    },
    async start() {
      if (database.kind === 'pglite' || unlisten) return
      await listen()
      heartbeat = setInterval(() => void checkListener(), options.heartbeatMs ?? LISTENER_HEARTBEAT_MS)
      heartbeat.unref()
    },
    async stop() {
      clearInterval(heartbeat)
      heartbeat = undefined
      await unlisten?.().catch(onError)
      unlisten = undefined
    },
  }
}
