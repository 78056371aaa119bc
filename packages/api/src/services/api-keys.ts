import { and, count, desc, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm'
import { apiKeys, isUniqueViolation, users } from '@storra/db'
import {
  canCreateApiKey,
  checkExpiresAt,
  DASHBOARD_MESSAGES,
  DEFAULT_GRACE_PERIOD_SECONDS,
  EXPIRES_AT_MESSAGES,
  EXPIRY_PRESETS_DAYS,
  generateApiKey,
  hashApiKey,
  hasReachedKeyLimit,
  isKeyPrefix,
  keyLimitMessage,
  keyPrefixOf,
  MAX_GRACE_PERIOD_SECONDS,
  MAX_IP_ALLOWLIST_ENTRIES,
  normalizeIpAllowlist,
  normalizeKeyLabel,
  type RevokeReason,
} from '@storra/core'
import { recordAuditEvent, type RequestMeta } from './audit.ts'
import type { ServiceContext } from './context.ts'
import { ServiceError } from './service-error.ts'
import { apiKeySummaryColumns, toApiKeySummary, toCreatedApiKey } from './serialize.ts'
import type { ApiKeyPolicy, ApiKeySummary, CreatedApiKey } from './types.ts'

const PREFIX_COLLISION_RETRIES = 5

/** What a create may carry; each field is validated here (REST, tRPC, CLI and tests alike). */
export interface CreateApiKeyRequest {
  /** Missing or blank: {@link DEFAULT_KEY_LABEL}. */
  label?: unknown
  /** ISO-8601 UTC, null (never) or omitted (never, or the operator's maximum lifetime). */
  expires_at?: unknown
  /** Addresses/CIDR ranges; empty or omitted: any address. */
  ip_allowlist?: unknown
}

/** What an edit may change; omitted fields stay as they are. */
export interface UpdateApiKeyRequest {
  label?: unknown
  /** ISO-8601 UTC in the future, or null (never; refused under a maximum lifetime). */
  expires_at?: unknown
  ip_allowlist?: unknown
}

/** Which keys a list shows: `active` (usable: active and rotating) or `all` (also expired and revoked). */
export type KeyListState = 'active' | 'all'

/** A key that still authenticates at `now` (ms): not revoked, not expired. */
export function usableKeyCondition(nowMs: number): SQL {
  return and(isNull(apiKeys.revokedAt), or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, new Date(nowMs))))!
}

/** The account's owner acting on it themself: the default metadata of service calls from tests. */
function ownerRequest(userId: string): RequestMeta {
  return { actor: 'user', actorUserId: userId }
}

/** Throws the 400 a refused field deserves. */
function refuse(message: string): never {
  throw new ServiceError('BAD_REQUEST', message)
}

/** Validates a create request's lifecycle fields; throws 400 naming the field. */
function newKeyFields(ctx: ServiceContext, request: CreateApiKeyRequest, nowMs: number) {
  const label = normalizeKeyLabel(request.label)
  if (!label.ok) refuse(label.message)
  const expiry = checkExpiresAt(request.expires_at, nowMs, ctx.keyLifecycle.maxKeyLifetimeDays)
  if (!expiry.ok) refuse(expiry.message)
  const allowlist = normalizeIpAllowlist(request.ip_allowlist)
  if (!allowlist.ok) refuse(allowlist.message)
  return { label: label.label, expiresAt: expiry.expiresAt, ipAllowlist: allowlist.entries }
}

/**
 * Issues a key. `request` may be the label alone (a string), as the contract's create shows it.
 * Every field is validated before anything is written (400 naming the field). The account row
 * is locked for the duration so that parallel creates by one account cannot together pass the
 * usable-key limit. The plaintext leaves only in the result.
 */
export async function createApiKey(
  ctx: ServiceContext,
  userId: string,
  request: CreateApiKeyRequest | string = {},
  meta: RequestMeta = ownerRequest(userId),
): Promise<CreatedApiKey> {
  const nowMs = Date.now()
  const fields = newKeyFields(ctx, typeof request === 'string' ? { label: request } : request, nowMs)

  return withFreshKey(async (key) => {
    const row = await ctx.database.db.transaction(async (tx) => {
      const [owner] = await tx.select({ plan: users.plan }).from(users).where(eq(users.id, userId)).for('update')
      if (!owner) throw new ServiceError('UNAUTHORIZED', DASHBOARD_MESSAGES.notAuthenticated)
      if (!canCreateApiKey(owner.plan)) throw new ServiceError('FORBIDDEN', DASHBOARD_MESSAGES.proRequiredForKeys)
      const [usable] = await tx
        .select({ n: count() })
        .from(apiKeys)
        .where(and(eq(apiKeys.userId, userId), usableKeyCondition(nowMs)))
      if (hasReachedKeyLimit(Number(usable?.n ?? 0), ctx.maxActiveKeys)) {
        throw new ServiceError('CONFLICT', keyLimitMessage(ctx.maxActiveKeys))
      }
      const [inserted] = await tx
        .insert(apiKeys)
        .values({ userId, prefix: keyPrefixOf(key), keyHash: hashApiKey(key), ...fields })
        .returning(apiKeySummaryColumns)
      await recordAuditEvent(tx, {
        type: 'api_key.created',
        userId,
        keyPrefix: inserted!.prefix,
        details: { label: inserted!.label, expires_at: inserted!.expiresAt?.toISOString() ?? null },
        meta,
      })
      return inserted!
    })
    return toCreatedApiKey(row, key, nowMs)
  })
}

/**
 * Runs `issue` with a newly drawn key, again with another one when its prefix or hash collides
 * with an existing key's (8 random base62 characters collide rarely; draw again rather than fail).
 */
export async function withFreshKey<T>(issue: (key: string) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await issue(generateApiKey())
    } catch (error) {
      if (isUniqueViolation(error) && attempt < PREFIX_COLLISION_RETRIES) continue
      throw error
    }
  }
}

/**
 * The account's keys, newest first: by default (`active`) the usable ones (active and rotating),
 * with `all` also the expired and revoked ones. Never a key or a hash.
 */
export async function listApiKeys(
  ctx: ServiceContext,
  userId: string,
  options: { state?: KeyListState } = {},
): Promise<ApiKeySummary[]> {
  const nowMs = Date.now()
  const owned = eq(apiKeys.userId, userId)
  const rows = await ctx.database.db
    .select(apiKeySummaryColumns)
    .from(apiKeys)
    .where(options.state === 'all' ? owned : and(owned, usableKeyCondition(nowMs)))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
  return rows.map((row) => toApiKeySummary(row, nowMs))
}

/**
 * Edits a usable key of the account (PATCH): any of `label`, `expires_at`, `ip_allowlist`.
 * Everything is validated before the one UPDATE; an expired, revoked, unknown or foreign key is
 * 404. `expires_at` is measured against the maximum lifetime from the key's `created_at` (400
 * beyond it), and refused (409) on a rotating key, whose end is its grace period's. A change records `api_key.updated` (the fields changed) in the same transaction. Every instance's verifier drops the key before this returns, so the change applies to
 * the next request everywhere. Answers the updated key (never the secret).
 */
export async function updateApiKey(
  ctx: ServiceContext,
  userId: string,
  prefix: string,
  request: UpdateApiKeyRequest,
  meta: RequestMeta = ownerRequest(userId),
): Promise<ApiKeySummary> {
  const nowMs = Date.now()
  const changes: Partial<{ label: string; expiresAt: Date | null; ipAllowlist: string[] }> = {}
  if (request.label !== undefined) {
    const label = normalizeKeyLabel(request.label)
    if (!label.ok) refuse(label.message)
    changes.label = label.label
  }
  if (request.expires_at !== undefined) {
    const expiry = checkExpiresAt(request.expires_at, nowMs, ctx.keyLifecycle.maxKeyLifetimeDays)
    if (!expiry.ok) refuse(expiry.message)
    changes.expiresAt = expiry.expiresAt
  }
  if (request.ip_allowlist !== undefined) {
    const allowlist = normalizeIpAllowlist(request.ip_allowlist)
    if (!allowlist.ok) refuse(allowlist.message)
    changes.ipAllowlist = allowlist.entries
  }
  if (!isKeyPrefix(prefix)) throw new ServiceError('NOT_FOUND', DASHBOARD_MESSAGES.keyNotFound)
  const where = and(eq(apiKeys.prefix, prefix), eq(apiKeys.userId, userId), usableKeyCondition(nowMs))
  const [row] =
    Object.keys(changes).length === 0
      ? await ctx.database.db
          .select({ ...apiKeySummaryColumns, keyHash: apiKeys.keyHash })
          .from(apiKeys)
          .where(where)
      : await ctx.database.db.transaction(async (tx) => {
          if (changes.expiresAt !== undefined) {
            // Locked: a rotation cannot slip in between this check and the update.
            const [current] = await tx
              .select({ createdAt: apiKeys.createdAt, replacedBy: apiKeys.replacedBy })
              .from(apiKeys)
              .where(where)
              .for('update')
            if (!current) return []
            // A rotating key ends with its grace period (issue 11): no edit may move that end.
            if (current.replacedBy !== null) throw new ServiceError('CONFLICT', EXPIRES_AT_MESSAGES.rotating)
            const lifetime = checkExpiresAt(
              request.expires_at,
              nowMs,
              ctx.keyLifecycle.maxKeyLifetimeDays,
              current.createdAt.getTime(),
            )
            if (!lifetime.ok) refuse(lifetime.message)
          }
          const updated = await tx
            .update(apiKeys)
            .set(changes)
            .where(where)
            .returning({ ...apiKeySummaryColumns, keyHash: apiKeys.keyHash })
          if (updated[0]) {
            const details: Record<string, unknown> = {}
            if (changes.label !== undefined) details.label = changes.label
            if (changes.expiresAt !== undefined) details.expires_at = changes.expiresAt?.toISOString() ?? null
            if (changes.ipAllowlist !== undefined) details.ip_allowlist = changes.ipAllowlist
            await recordAuditEvent(tx, { type: 'api_key.updated', userId, keyPrefix: prefix, details, meta })
          }
          return updated
        })
  if (!row) throw new ServiceError('NOT_FOUND', DASHBOARD_MESSAGES.keyNotFound)
  if (Object.keys(changes).length > 0) await ctx.invalidation.publish({ type: 'key', keyHash: row.keyHash })
  return toApiKeySummary(row, nowMs)
}

/**
 * Revokes one of the account's unrevoked keys by prefix, recording `reason` (`user` from the
 * dashboard, `admin` from the admin console). It stops working everywhere before this
 * returns: the local cache is cleared and other instances are notified. 404 for a key that is
 * unknown, another account's, or already revoked.
 */
export async function revokeApiKey(
  ctx: ServiceContext,
  userId: string,
  prefix: string,
  reason: RevokeReason = 'user',
  meta: RequestMeta = ownerRequest(userId),
): Promise<{ revoked: true }> {
  return revokeWhere(ctx, prefix, eq(apiKeys.userId, userId), reason, meta)
}

/**
 * Revokes any account's unrevoked key by prefix (operators: `storra keys revoke`), recording
 * `reason`; otherwise as {@link revokeApiKey}.
 */
export async function revokeAnyApiKey(
  ctx: ServiceContext,
  prefix: string,
  reason: RevokeReason = 'admin',
  meta: RequestMeta = { actor: 'cli' },
): Promise<{ revoked: true }> {
  return revokeWhere(ctx, prefix, undefined, reason, meta)
}

async function revokeWhere(
  ctx: ServiceContext,
  prefix: string,
  owner: SQL | undefined,
  reason: RevokeReason,
  meta: RequestMeta,
): Promise<{ revoked: true }> {
  if (!isKeyPrefix(prefix)) throw new ServiceError('NOT_FOUND', DASHBOARD_MESSAGES.keyNotFound)
  // The revocation and its `api_key.revoked` event commit together.
  const row = await ctx.database.db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()`, revokedReason: reason })
      .where(and(eq(apiKeys.prefix, prefix), owner, isNull(apiKeys.revokedAt)))
      .returning({ keyHash: apiKeys.keyHash, userId: apiKeys.userId })
    if (revoked)
      await recordAuditEvent(tx, {
        type: 'api_key.revoked',
        userId: revoked.userId,
        keyPrefix: prefix,
        details: { reason },
        meta,
      })
    return revoked
  })
  if (!row) throw new ServiceError('NOT_FOUND', DASHBOARD_MESSAGES.keyNotFound)
  await ctx.invalidation.publish({ type: 'key', keyHash: row.keyHash })
  return { revoked: true }
}

/** The lifecycle rules this server applies, for the dashboard to offer the right choices. */
export function apiKeyPolicy(ctx: ServiceContext): ApiKeyPolicy {
  return {
    max_key_lifetime_days: ctx.keyLifecycle.maxKeyLifetimeDays,
    rotation_quiet_seconds: ctx.keyLifecycle.rotationQuietSeconds,
    default_grace_period_seconds: DEFAULT_GRACE_PERIOD_SECONDS,
    max_grace_period_seconds: MAX_GRACE_PERIOD_SECONDS,
    max_ip_allowlist_entries: MAX_IP_ALLOWLIST_ENTRIES,
    expiry_presets_days: [...EXPIRY_PRESETS_DAYS],
  }
}
