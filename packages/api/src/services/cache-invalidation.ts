import type { Database } from '@storra/db'

export const INVALIDATION_CHANNEL = 'storra_key_cache'

export type Invalidation = { type: 'key'; keyHash: string } | { type: 'user'; userId: string } | { type: 'all' }

export interface CacheInvalidation {
  /** Applies locally at once, then tells every other instance sharing the database. */
  publish(message: Invalidation): Promise<void>
  subscribe(handler: (message: Invalidation) => void): () => void
  /** Starts listening to other instances. */
  start(): Promise<void>
  stop(): Promise<void>
}

function parseInvalidation(payload: string): Invalidation {
  try {
    const message = JSON.parse(payload) as Invalidation
    if (message.type === 'key' && typeof message.keyHash === 'string') return message
    if (message.type === 'user' && typeof message.userId === 'string') return message
  } catch {
    // fall through: a message we cannot read must still not leave stale entries behind
  }
  return { type: 'all' }
}

/**
 * Revocations and plan changes must reach every instance's verification cache at once:
 * local handlers run synchronously, others hear it through PostgreSQL LISTEN/NOTIFY. When
 * the listener (re)connects, messages may have been missed, so handlers are told to drop all.
 */
export function createCacheInvalidation(database: Database, onError: (error: unknown) => void = () => {}): CacheInvalidation {
  const handlers = new Set<(message: Invalidation) => void>()
  let unlisten: (() => Promise<void>) | undefined
  const deliver = (message: Invalidation) => {
    for (const handler of handlers) handler(message)
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
      unlisten = await database.listen(
        INVALIDATION_CHANNEL,
        (payload) => deliver(parseInvalidation(payload)),
        () => deliver({ type: 'all' }),
      )
    },
    async stop() {
      await unlisten?.().catch(onError)
      unlisten = undefined
    },
  }
}
