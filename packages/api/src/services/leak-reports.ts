import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import { apiKeys } from '@storra/db'
import {
  hashApiKey,
  isWellFormedApiKey,
  LEAK_NOTICE_DAYS,
  MAX_SECRET_SCANNING_URL_LENGTH,
  toSafeText,
  type LeakReportSource,
} from '@storra/core'
import type { LeakRevokedKey } from '@storra/core/types'
import { recordAuditEvents, type RequestMeta } from './audit.ts'
import type { ServiceContext } from './context.ts'

/** Who reported a leak, and where it was seen. Recorded with each revocation (audit details). */
export interface LeakReport {
  source: LeakReportSource
  /** The reporter's IP as the throttle saw it; undefined when the socket had already gone. */
  reporterIp: string | undefined
  /** Where the keys were found (GitHub's match URLs), keyed by the key's SHA-256 hex. */
  urls?: ReadonlyMap<string, string>
}

/** A key this report revoked: enough for the audit record and the cache invalidation, never the secret. */
interface LeakRevokedRow {
  id: string
  userId: string
  prefix: string
  keyHash: string
}

/** The SHA-256 (hex) of every distinct well-formed key among `credentials`; anything else is ignored. */
function hashesOfWellFormed(credentials: readonly string[]): string[] {
  const hashes = new Set<string>()
  // The checksum rejects made-up strings without touching the database or hashing them.
  for (const credential of credentials) if (isWellFormedApiKey(credential)) hashes.add(hashApiKey(credential))
  return [...hashes]
}

/**
 * The one place a leak report revokes keys: every active key whose hash is in `hashes` is
 * revoked with reason `leak_report` by one UPDATE in one transaction (a thousand keys are one
 * statement, not a thousand round trips), then each revoked key is dropped from every
 * instance's verification cache. Already revoked and unknown hashes change nothing, so a
 * replayed report revokes nothing new. One `api_key.revoked` event per revoked key (reason
 * `leak_report`, actor `public_report`, the reporter's IP, the report's source and, for GitHub,
 * the match URL) is written by one INSERT in the same transaction; never the key or its hash.
 */
async function revokeLeakedHashes(
  ctx: ServiceContext,
  hashes: readonly string[],
  report: LeakReport,
): Promise<LeakRevokedRow[]> {
  if (hashes.length === 0) return []
  const revoked = await ctx.database.db.transaction(async (tx) => {
    const rows = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()`, revokedReason: 'leak_report' })
      .where(and(inArray(apiKeys.keyHash, [...hashes]), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, userId: apiKeys.userId, prefix: apiKeys.prefix, keyHash: apiKeys.keyHash })
    const meta: RequestMeta = { actor: 'public_report', ip: report.reporterIp }
    await recordAuditEvents(
      tx,
      rows.map((row) => {
        const url = report.urls?.get(row.keyHash)
        return {
          type: 'api_key.revoked' as const,
          userId: row.userId,
          keyPrefix: row.prefix,
          details: { reason: 'leak_report', source: report.source, ...(url ? { url } : {}) },
          meta,
        }
      }),
    )
    return rows
  })
  // After the commit: an instance that refetched in between would otherwise cache the old row.
  await Promise.all(revoked.map((row) => ctx.invalidation.publish({ type: 'key', keyHash: row.keyHash })))
  return revoked
}

/**
 * Public leak report (`POST /api/v1/public/credentials/revoke`): revokes every active key
 * among `credentials` (strings; malformed ones are ignored) and answers how many strings were
 * received. The answer never depends on whether a key existed, was active or was revoked.
 */
export async function reportLeakedKeys(
  ctx: ServiceContext,
  credentials: readonly string[],
  report: LeakReport,
): Promise<{ received: number }> {
  await revokeLeakedHashes(ctx, hashesOfWellFormed(credentials), report)
  return { received: credentials.length }
}

/** One match in a GitHub secret-scanning alert (GitHub's partner payload). */
export interface SecretScanningMatch {
  token: string
  type: string
  url: string
  source: string
}

/** GitHub's feedback format: one label per match, the token as its SHA-256 so the answer holds no secret. */
export interface SecretScanningLabel {
  token_hash: string
  token_type: string
  label: 'true_positive' | 'false_positive'
}

/**
 * A verified GitHub secret-scanning alert: revokes the active keys among the matches as
 * {@link reportLeakedKeys} does (with each match's URL as its source, made storable by
 * `toSafeText` and cut to MAX_SECRET_SCANNING_URL_LENGTH) and labels each match
 * `true_positive` when it is one of our keys (active or not), else `false_positive`. Only
 * call it after the signature has been verified: the labels say which keys exist.
 */
export async function reportScannedSecrets(
  ctx: ServiceContext,
  matches: readonly SecretScanningMatch[],
  reporterIp: string | undefined,
): Promise<SecretScanningLabel[]> {
  const urls = new Map<string, string>()
  const hashOf = matches.map((match) => {
    if (!isWellFormedApiKey(match.token)) return undefined
    const hash = hashApiKey(match.token)
    // GitHub's text is recorded, not judged: a NUL or lone surrogate (which PostgreSQL's jsonb
    // refuses) or a huge URL must not stop the revocation, so it is made storable instead.
    if (!urls.has(hash)) urls.set(hash, toSafeText(match.url, MAX_SECRET_SCANNING_URL_LENGTH))
    return hash
  })
  const hashes = [...urls.keys()]
  const known = new Set<string>()
  if (hashes.length > 0) {
    const rows = await ctx.database.db
      .select({ keyHash: apiKeys.keyHash })
      .from(apiKeys)
      .where(inArray(apiKeys.keyHash, hashes))
    for (const row of rows) known.add(row.keyHash)
  }
  await revokeLeakedHashes(
    ctx,
    hashes.filter((hash) => known.has(hash)),
    { source: 'github', reporterIp, urls },
  )
  return matches.map((match, i) => {
    const hash = hashOf[i] ?? hashApiKey(match.token)
    return {
      token_hash: hash,
      token_type: match.type,
      label: hashOf[i] !== undefined && known.has(hash) ? 'true_positive' : 'false_positive',
    }
  })
}

/** At most this many notices: an account with more leaked keys has bigger news than a banner. */
const MAX_LEAK_NOTICES = 20

/**
 * The account's keys revoked by a leak report in the last {@link LEAK_NOTICE_DAYS} days,
 * newest first (at most 20): what the owner's banner shows. Never a secret or a hash.
 */
export async function listLeakRevokedKeys(ctx: ServiceContext, userId: string): Promise<LeakRevokedKey[]> {
  const rows = await ctx.database.db
    .select({ id: apiKeys.id, prefix: apiKeys.prefix, label: apiKeys.label, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.userId, userId),
        eq(apiKeys.revokedReason, 'leak_report'),
        gt(apiKeys.revokedAt, sql`now() - make_interval(days => ${LEAK_NOTICE_DAYS})`),
      ),
    )
    .orderBy(desc(apiKeys.revokedAt), desc(apiKeys.id))
    .limit(MAX_LEAK_NOTICES)
  return rows.map((row) => ({
    id: row.id,
    prefix: row.prefix,
    label: row.label,
    revoked_at: row.revokedAt!.toISOString(),
  }))
}
