import { eq } from 'drizzle-orm'
import { LRUCache } from 'lru-cache'
import { apiKeys, users, type Database } from '@storra/db'
import { compileIpAllowlist, hashApiKey, isExpiredAt, isWellFormedApiKey, type KeyUseEntry } from '@storra/core'
import type { CacheInvalidation, Invalidation } from './cache-invalidation.ts'
import type { ClientUser } from './types.ts'

export interface VerifiedKey {
  keyId: string
  keyHash: string
  user: ClientUser
  /**
   * What the per-request decision (`decideKeyUse` in @storra/core) reads: expiry (ms), the
   * compiled IP allowlist, the account's plan. Held here so no request needs the database.
   */
  use: KeyUseEntry
  /** A replacement was issued: its accepted uses reach `last_used` within a second (see KeyUseRecorder). */
  rotating: boolean
  /**
   * No accepted request had used it when it was read (`last_used` null). Mutable: the recorder
   * clears it when it writes the first accepted use (`KeyUseRecorder.recordAccepted`).
   */
  neverUsed: boolean
}

/**
 * A verification's answer. A revoked or expired key fails as `unknown` (the client sees the
 * same 401), with `revokedKeyId` naming it so its attempts can be counted against it.
 */
export type KeyVerification =
  { ok: true; key: VerifiedKey } | { ok: false; reason: 'malformed' | 'unknown'; revokedKeyId?: string }

/** What the negative cache remembers of a hash: nothing (no such key) or the revoked/expired key's id. */
interface NegativeEntry {
  revokedKeyId?: string
}
const NO_SUCH_KEY: NegativeEntry = Object.freeze({})

/** The answer for a hash the negative cache holds. */
function refusal(negative: NegativeEntry): KeyVerification {
  return negative.revokedKeyId
    ? { ok: false, reason: 'unknown', revokedKeyId: negative.revokedKeyId }
    : { ok: false, reason: 'unknown' }
}

export interface KeyVerifierOptions {
  /** Positive entries kept (0 disables the cache). */
  cacheSize?: number
  /** Backstop only: revocations and plan changes invalidate entries explicitly. */
  cacheTtlMs?: number
  negativeCacheSize?: number
  negativeCacheTtlMs?: number
}

export interface KeyVerifierStats {
  hits: number
  misses: number
  negativeHits: number
  malformed: number
}

/**
 * The client API's hot path: checksum, SHA-256, then an in-process LRU in front of one
 * indexed lookup. Unknown keys are cached too, so floods of made-up keys do not reach the
 * database; malformed keys never do.
 */
export class KeyVerifier {
  private readonly positive: LRUCache<string, VerifiedKey> | undefined
  private readonly negative: LRUCache<string, NegativeEntry> | undefined
  // Bumped by every invalidation: a lookup that raced one must not cache what it read.
  private epoch = 0
  readonly stats: KeyVerifierStats = { hits: 0, misses: 0, negativeHits: 0, malformed: 0 }
  private readonly unsubscribe: () => void

  constructor(
    private readonly database: Database,
    invalidation: CacheInvalidation,
    options: KeyVerifierOptions = {},
  ) {
    const size = options.cacheSize ?? 100_000
    if (size > 0) {
      this.positive = new LRUCache({ max: size, ttl: options.cacheTtlMs ?? 60_000, ttlAutopurge: false })
      this.negative = new LRUCache({
        max: options.negativeCacheSize ?? 100_000,
        ttl: options.negativeCacheTtlMs ?? 10_000,
      })
    }
    this.unsubscribe = invalidation.subscribe((message) => this.invalidate(message))
  }

  async verify(rawKey: string, now = new Date()): Promise<KeyVerification> {
    if (!isWellFormedApiKey(rawKey)) {
      this.stats.malformed++
      return { ok: false, reason: 'malformed' }
    }
    const keyHash = hashApiKey(rawKey)
    let entry = this.positive?.get(keyHash)
    if (entry && isExpiredAt(entry.use.expiresAtMs, now.getTime())) {
      // Expiry is final (an edit of an expired key is refused): forget it, remembering its id.
      const expired: NegativeEntry = { revokedKeyId: entry.keyId }
      this.positive?.delete(keyHash)
      this.negative?.set(keyHash, expired)
      return refusal(expired)
    }
    if (entry) {
      this.stats.hits++
    } else {
      const negative = this.negative?.get(keyHash)
      if (negative) {
        this.stats.negativeHits++
        return refusal(negative)
      }
      this.stats.misses++
      const epoch = this.epoch
      const found = await this.lookup(keyHash)
      const unchanged = epoch === this.epoch
      if (!found || 'revokedKeyId' in found || isExpiredAt(found.use.expiresAtMs, now.getTime())) {
        // Revoked and expired keys are remembered with their id, so repeated attempts with them
        // are counted against the key without another lookup.
        const negative: NegativeEntry = !found
          ? NO_SUCH_KEY
          : { revokedKeyId: 'revokedKeyId' in found ? found.revokedKeyId : found.keyId }
        if (unchanged) this.negative?.set(keyHash, negative)
        return refusal(negative)
      }
      entry = found
      if (unchanged) this.positive?.set(keyHash, entry)
    }
    // Whether the request is accepted (IP, plan, rate) is decided after this; its last use, first
    // use and prompt flush are recorded only then (KeyUseRecorder.recordAccepted).
    return { ok: true, key: entry }
  }

  /** The key with this hash: usable, revoked (its id only), or none. One indexed SELECT. */
  private async lookup(keyHash: string): Promise<VerifiedKey | Required<NegativeEntry> | undefined> {
    const [row] = await this.database.db
      .select({
        keyId: apiKeys.id,
        lastUsed: apiKeys.lastUsed,
        revokedAt: apiKeys.revokedAt,
        expiresAt: apiKeys.expiresAt,
        ipAllowlist: apiKeys.ipAllowlist,
        replacedBy: apiKeys.replacedBy,
        userId: users.id,
        email: users.email,
        plan: users.plan,
        userCreatedAt: users.createdAt,
      })
      .from(apiKeys)
      .innerJoin(users, eq(users.id, apiKeys.userId))
      .where(eq(apiKeys.keyHash, keyHash))
    if (!row) return undefined
    if (row.revokedAt) return { revokedKeyId: row.keyId }
    return {
      keyId: row.keyId,
      keyHash,
      neverUsed: row.lastUsed === null,
      user: { id: row.userId, email: row.email, plan: row.plan, created_at: row.userCreatedAt.toISOString() },
      use: {
        expiresAtMs: row.expiresAt ? row.expiresAt.getTime() : null,
        allowlist: compileIpAllowlist(row.ipAllowlist),
        plan: row.plan,
      },
      rotating: row.replacedBy !== null,
    }
  }

  invalidate(message: Invalidation): void {
    this.epoch++
    if (message.type === 'key') {
      this.positive?.delete(message.keyHash)
      this.negative?.delete(message.keyHash)
    } else if (message.type === 'user') {
      // Plan changes are rare; a scan of the cache is cheaper than an index kept on every insert.
      for (const [hash, entry] of this.positive?.entries() ?? []) {
        if (entry.user.id === message.userId) this.positive?.delete(hash)
      }
    } else {
      this.positive?.clear()
      this.negative?.clear()
    }
  }

  get cacheSize(): number {
    return this.positive?.size ?? 0
  }

  close(): void {
    this.unsubscribe()
  }
}
