import { and, eq, gt, isNotNull, isNull, lte, or } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { apiKeys, users } from '@storra/db'
import {
  canCreateApiKey,
  checkGracePeriod,
  DASHBOARD_MESSAGES,
  DEFAULT_GRACE_PERIOD_SECONDS,
  graceEndOf,
  hashApiKey,
  isKeyPrefix,
  keyPrefixOf,
  keyStateOf,
  replacementExpiryOf,
} from '@storra/core'
import { withFreshKey } from './api-keys.ts'
import { recordAuditEvent, recordAuditEvents, SYSTEM_REQUEST, type RequestMeta } from './audit.ts'
import type { ServiceContext } from './context.ts'
import { ServiceError } from './service-error.ts'
import { apiKeySummaryColumns, toCreatedApiKey } from './serialize.ts'
import type { CreatedApiKey } from './types.ts'

/** How often each instance looks for grace periods that have closed themselves, unless configured (ms). */
export const DEFAULT_ROTATION_SWEEP_INTERVAL_MS = 5_000

/** What a rotation may carry. */
export interface RotateApiKeyRequest {
  /** Seconds the old key keeps working, 0 … 604800; omitted: 86400. 0 revokes it at once. */
  grace_period_seconds?: unknown
}

/**
 * Rotates a key: issues its replacement and starts the old key's grace period, in one
 * transaction. The replacement carries the old key's label, IP allowlist and expiry *policy*
 * (a key that lived N days from creation to expiry gives one that lives N days from now; see
 * `replacementExpiryOf`). The old key gets `replaced_by`, `rotated_at`, and `expires_at` =
 * the grace period's end (never later than its own expiry); a grace period of 0 revokes it at
 * once (reason `rotation`). Its grace period also closes itself once it falls silent (see
 * `sweepQuietRotations`, which every instance runs every
 * STORRA_ROTATION_SWEEP_INTERVAL_MS through `scheduleMaintenance`). A rotation replaces a key, so the account's key limit does not apply.
 *
 * Errors: 400 for a bad grace period; 404 for an unknown, foreign, revoked or expired key; 409
 * for a key already being replaced; 403 for an account without Cloud Pro. The answer is the
 * new key in the create shape (its secret shown only here). Records `api_key.rotated` (on the old
 * key, naming the new prefix and the grace period) and, with a grace period of 0,
 * `api_key.revoked` (reason `rotation`), in the same transaction.
 */
export async function rotateApiKey(
  ctx: ServiceContext,
  userId: string,
  prefix: string,
  request: RotateApiKeyRequest = {},
  meta: RequestMeta = { actor: 'user', actorUserId: userId },
): Promise<CreatedApiKey> {
  const grace = checkGracePeriod(request.grace_period_seconds, DEFAULT_GRACE_PERIOD_SECONDS)
  if (!grace.ok) throw new ServiceError('BAD_REQUEST', grace.message)
  if (!isKeyPrefix(prefix)) throw new ServiceError('NOT_FOUND', DASHBOARD_MESSAGES.keyNotFound)

  const { created, oldKeyHash } = await withFreshKey((key) =>
    ctx.database.db.transaction(async (tx) => {
      const nowMs = Date.now()
      const now = new Date(nowMs)
      const [owner] = await tx.select({ plan: users.plan }).from(users).where(eq(users.id, userId))
      if (!owner) throw new ServiceError('UNAUTHORIZED', DASHBOARD_MESSAGES.notAuthenticated)
      // Locked: of two rotations at once, the second sees the first's replaced_by (409).
      const [old] = await tx
        .select()
        .from(apiKeys)
        .where(and(eq(apiKeys.prefix, prefix), eq(apiKeys.userId, userId)))
        .for('update')
      const state = old ? keyStateOf(old, nowMs) : 'revoked'
      if (!old || state === 'revoked' || state === 'expired')
        throw new ServiceError('NOT_FOUND', DASHBOARD_MESSAGES.keyNotFound)
      if (state === 'rotating') throw new ServiceError('CONFLICT', DASHBOARD_MESSAGES.keyAlreadyRotating)
      if (!canCreateApiKey(owner.plan)) throw new ServiceError('FORBIDDEN', DASHBOARD_MESSAGES.proRequiredForKeys)

      const [inserted] = await tx
        .insert(apiKeys)
        .values({
          userId,
          prefix: keyPrefixOf(key),
          keyHash: hashApiKey(key),
          label: old.label,
          createdAt: now,
          ipAllowlist: old.ipAllowlist,
          expiresAt: replacementExpiryOf(old, nowMs, ctx.keyLifecycle.maxKeyLifetimeDays),
        })
        .returning(apiKeySummaryColumns)
      const ended = grace.seconds === 0 ? { revokedAt: now, revokedReason: 'rotation' as const } : {}
      await tx
        .update(apiKeys)
        .set({
          replacedBy: inserted!.prefix,
          rotatedAt: now,
          expiresAt: graceEndOf(old.expiresAt, nowMs, grace.seconds),
          ...ended,
        })
        .where(eq(apiKeys.id, old.id))
      await recordAuditEvent(tx, {
        type: 'api_key.rotated',
        userId,
        keyPrefix: prefix,
        details: { replaced_by: inserted!.prefix, grace_period_seconds: grace.seconds },
        meta,
      })
      if (grace.seconds === 0)
        await recordAuditEvent(tx, {
          type: 'api_key.revoked',
          userId,
          keyPrefix: prefix,
          details: { reason: 'rotation' },
          meta,
        })
      return { created: toCreatedApiKey(inserted!, key, nowMs), oldKeyHash: old.keyHash }
    }),
  )
  // The old key's verifier entries now hold a stale expiry and no rotating flag.
  await ctx.invalidation.publish({ type: 'key', keyHash: oldKeyHash })
  return created
}

/**
 * Closes the grace periods that have closed themselves: revokes (reason `rotation_quiet`)
 * every rotating key whose replacement has authenticated a request and which has itself seen
 * no request for `rotationQuietSeconds`, counting from its last use or its rotation (the rule
 * of `isRotationQuiet` in @storra/core, as SQL). Safe to run on every instance at once: the
 * UPDATE only takes rows still unrevoked, so each key is revoked, and announced, once. A key is
 * revoked at most one sweep interval after its quiet period ends.
 * Returns how many keys it revoked.
 */
export async function sweepQuietRotations(ctx: ServiceContext, nowMs = Date.now()): Promise<number> {
  const now = new Date(nowMs)
  const silentSince = new Date(nowMs - ctx.keyLifecycle.rotationQuietSeconds * 1000)
  const replacement = alias(apiKeys, 'replacement')
  // Each revocation and its `api_key.revoked` event (actor `system`) commit together.
  const revoked = await ctx.database.db.transaction(async (tx) => {
    const rows = await tx
      .update(apiKeys)
      .set({ revokedAt: now, revokedReason: 'rotation_quiet' })
      .from(replacement)
      .where(
        and(
          isNotNull(apiKeys.replacedBy),
          isNull(apiKeys.revokedAt),
          eq(replacement.prefix, apiKeys.replacedBy),
          isNotNull(replacement.lastUsed),
          or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)),
          lte(apiKeys.rotatedAt, silentSince),
          or(isNull(apiKeys.lastUsed), lte(apiKeys.lastUsed, silentSince)),
        ),
      )
      .returning({ keyHash: apiKeys.keyHash, userId: apiKeys.userId, prefix: apiKeys.prefix })
    await recordAuditEvents(
      tx,
      rows.map((row) => ({
        type: 'api_key.revoked' as const,
        userId: row.userId,
        keyPrefix: row.prefix,
        details: { reason: 'rotation_quiet' },
        meta: SYSTEM_REQUEST,
      })),
    )
    return rows
  })
  for (const { keyHash } of revoked) await ctx.invalidation.publish({ type: 'key', keyHash })
  return revoked.length
}
