import { and, count, desc, eq, isNull, sql } from 'drizzle-orm'
import { apiKeys, isUniqueViolation, users } from '@storra/db'
import {
  canCreateApiKey,
  DASHBOARD_MESSAGES,
  generateApiKey,
  hashApiKey,
  hasReachedKeyLimit,
  isKeyPrefix,
  keyLimitMessage,
  keyPrefixOf,
  normalizeKeyLabel,
} from '@storra/core'
import { recordAuditEvent, type RequestMeta } from './audit.ts'
import type { ServiceContext } from './context.ts'
import { ServiceError } from './service-error.ts'
import { toApiKeySummary } from './serialize.ts'
import type { ApiKeySummary, CreatedApiKey } from './types.ts'

const PREFIX_COLLISION_RETRIES = 5

/** The account's owner acting on it themself: the default metadata of service calls from tests. */
function ownerRequest(userId: string): RequestMeta {
  return { actor: 'user', actorUserId: userId }
}

/**
 * Issues a key. The account row is locked for the duration so that parallel creates by one
 * account cannot together pass the active-key limit. The plaintext leaves only in the result.
 * Records `api_key.created` in the same transaction.
 */
export async function createApiKey(
  ctx: ServiceContext,
  userId: string,
  labelInput: unknown,
  meta: RequestMeta = ownerRequest(userId),
): Promise<CreatedApiKey> {
  const label = normalizeKeyLabel(labelInput)
  if (!label.ok) throw new ServiceError('BAD_REQUEST', label.message)

  for (let attempt = 1; ; attempt++) {
    const key = generateApiKey()
    try {
      const row = await ctx.database.db.transaction(async (tx) => {
        const [owner] = await tx.select({ plan: users.plan }).from(users).where(eq(users.id, userId)).for('update')
        if (!owner) throw new ServiceError('UNAUTHORIZED', DASHBOARD_MESSAGES.notAuthenticated)
        if (!canCreateApiKey(owner.plan)) throw new ServiceError('FORBIDDEN', DASHBOARD_MESSAGES.proRequiredForKeys)
        const [active] = await tx
          .select({ n: count() })
          .from(apiKeys)
          .where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
        if (hasReachedKeyLimit(Number(active?.n ?? 0), ctx.maxActiveKeys)) {
          throw new ServiceError('CONFLICT', keyLimitMessage(ctx.maxActiveKeys))
        }
        const [inserted] = await tx
          .insert(apiKeys)
          .values({ userId, prefix: keyPrefixOf(key), keyHash: hashApiKey(key), label: label.label })
          .returning()
        await recordAuditEvent(tx, {
          type: 'api_key.created',
          userId,
          keyPrefix: inserted!.prefix,
          details: { label: inserted!.label },
          meta,
        })
        return inserted!
      })
      const { id, prefix, label: savedLabel, created_at, last_used, ...rest } = toApiKeySummary(row)
      // Field order as the published contract shows it, then the fields added since.
      return { id, prefix, label: savedLabel, key, created_at, last_used, ...rest }
    } catch (error) {
      // 8 random base62 characters collide rarely; draw a new key rather than fail.
      if (isUniqueViolation(error) && attempt < PREFIX_COLLISION_RETRIES) continue
      throw error
    }
  }
}

/** The account's active keys, newest first. Never a key or a hash. */
export async function listApiKeys(ctx: ServiceContext, userId: string): Promise<ApiKeySummary[]> {
  const rows = await ctx.database.db
    .select({
      id: apiKeys.id,
      prefix: apiKeys.prefix,
      label: apiKeys.label,
      createdAt: apiKeys.createdAt,
      lastUsed: apiKeys.lastUsed,
      lastUsedIp: apiKeys.lastUsedIp,
      lastUsedUserAgent: apiKeys.lastUsedUserAgent,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
  return rows.map(toApiKeySummary)
}

/**
 * Revokes one of the account's active keys by prefix. It stops working everywhere before
 * this returns: the local cache is cleared and other instances are notified. Records
 * `api_key.revoked` (reason `admin` when an admin did it, else `user`) in the same transaction.
 */
export async function revokeApiKey(
  ctx: ServiceContext,
  userId: string,
  prefix: string,
  meta: RequestMeta = ownerRequest(userId),
): Promise<{ revoked: true }> {
  if (!isKeyPrefix(prefix)) throw new ServiceError('NOT_FOUND', DASHBOARD_MESSAGES.keyNotFound)
  const reason = meta.actor === 'admin' ? 'admin' : 'user'
  const row = await ctx.database.db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiKeys.prefix, prefix), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
      .returning({ keyHash: apiKeys.keyHash })
    if (revoked) await recordAuditEvent(tx, { type: 'api_key.revoked', userId, keyPrefix: prefix, details: { reason }, meta })
    return revoked
  })
  if (!row) throw new ServiceError('NOT_FOUND', DASHBOARD_MESSAGES.keyNotFound)
  await ctx.invalidation.publish({ type: 'key', keyHash: row.keyHash })
  return { revoked: true }
}
