/**
 * Connect, finish (the OAuth callback), disconnect and mark a creator's platform connection.
 * Connecting is the creator's, or an agent's with the "Submit content" permission (the route's guard).
 */
import { createElement } from 'react'
import { and, eq, ne, isNull } from 'drizzle-orm'
import { z } from 'zod'
import { schema, type DbOrTx } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { config } from '#app/config.server.ts'
import type { AuditActor } from '#app/services/audit/record-audit.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { enqueueJob } from '#app/services/jobs/enqueue-job.server.ts'
import { syncConnectionsJob } from './sync-connections-job.server.ts'
import { enqueueEmail } from '#app/services/outbox/enqueue-email.server.ts'
import { CONNECTOR_LABEL, CONNECTOR_PLATFORMS, type ConnectionStatus, type ConnectorPlatform } from '#app/domain/connectors.ts'
import { ConflictError, InvalidInputError, NotFoundError } from '#app/utils/errors.ts'
import { ConnectionLostEmail } from '#emails/connection-lost.tsx'
import { clientFor, enabledPlatforms, redirectUriFor } from './platforms.server.ts'
import { decryptToken, encryptToken, pkceChallenge, randomToken, sha256 } from './token-crypto.server.ts'
import { isPlatformError } from './platform-http.server.ts'

const STATE_TTL_MS = 10 * 60_000

interface ActorLike {
  creator: { id: string }
  user: { id: string }
  audit: AuditActor
}

export function parsePlatform(value: string | undefined): ConnectorPlatform {
  const p = CONNECTOR_PLATFORMS.find((x) => x === value)
  if (!p || !enabledPlatforms().includes(p)) throw new NotFoundError('That platform')
  return p
}

/** Start the OAuth flow: a one-time state (stored hashed) and, where the platform supports it, a PKCE verifier. */
export async function startConnect(actor: ActorLike, platform: ConnectorPlatform, now = new Date()): Promise<string> {
  if (!enabledPlatforms().includes(platform)) throw new NotFoundError('That platform')
  const client = clientFor(platform)
  const state = randomToken()
  const verifier = client.pkce ? randomToken(48) : null
  await db().insert(schema.oauthStates).values({
    stateHash: sha256(state),
    platform,
    creatorId: actor.creator.id,
    userId: actor.user.id,
    codeVerifierEnc: verifier ? encryptToken(verifier) : null,
    expiresAt: new Date(now.getTime() + STATE_TTL_MS),
  })
  return client.authorizeUrl({ state, redirectUri: redirectUriFor(platform), ...(verifier ? { codeChallenge: pkceChallenge(verifier) } : {}) })
}

const callbackSchema = z.object({
  state: z.string().min(16).max(200),
  code: z.string().min(1).max(2000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(500).optional(),
})

const BAD_STATE = 'This connect link is not valid any more: it was already used, it expired, or someone else started it. Start again from your profile.'

export interface FinishResult {
  creatorId: string
  platform: ConnectorPlatform
  outcome: 'connected' | 'denied'
  username?: string
}

/** The platform's redirect back: check the state (one use, same user, 10 minutes), exchange the code, store the encrypted tokens. */
export async function finishConnect(
  who: { user: { id: string }; audit: AuditActor },
  platformParam: string | undefined,
  query: URLSearchParams,
  now = new Date(),
): Promise<FinishResult> {
  const parsed = callbackSchema.safeParse(Object.fromEntries(query))
  if (!parsed.success) throw new InvalidInputError(BAD_STATE)
  const q = parsed.data
  const platform = parsePlatform(platformParam)
  // Claim the state once: a replayed or concurrent callback finds it used.
  const [st] = await db()
    .update(schema.oauthStates)
    .set({ usedAt: now })
    .where(and(eq(schema.oauthStates.stateHash, sha256(q.state)), isNull(schema.oauthStates.usedAt)))
    .returning()
  if (!st || st.platform !== platform || st.userId !== who.user.id || st.expiresAt <= now) throw new InvalidInputError(BAD_STATE)
  if (q.error || !q.code) return { creatorId: st.creatorId, platform, outcome: 'denied' }

  const client = clientFor(platform)
  let grant, account
  try {
    grant = await client.exchangeCode({ code: q.code, redirectUri: redirectUriFor(platform), now, ...(st.codeVerifierEnc ? { codeVerifier: decryptToken(st.codeVerifierEnc) } : {}) })
    account = await client.account({ accessToken: grant.accessToken })
  } catch (error) {
    if (isPlatformError(error)) {
      throw new ConflictError(`${CONNECTOR_LABEL[platform]} did not accept the connection (${error.message}). Try again in a few minutes.`)
    }
    throw error
  }
  if (!account.professional) {
    throw new ConflictError(
      `@${account.username} is a personal account. ${CONNECTOR_LABEL[platform]} only shares posts and insights of professional (creator or business) accounts: switch it in the app's settings, then connect again.`,
    )
  }
  const externalUserId = grant.externalUserId || account.externalUserId
  const creatorId = st.creatorId
  const actor: AuditActor = { ...who.audit, actingForCreatorId: creatorId }
  await db().transaction(async (tx) => {
    const [elsewhere] = await tx
      .select({ id: schema.platformConnections.id })
      .from(schema.platformConnections)
      .where(
        and(
          eq(schema.platformConnections.platform, platform),
          eq(schema.platformConnections.externalUserId, externalUserId),
          eq(schema.platformConnections.status, 'connected'),
          ne(schema.platformConnections.creatorId, creatorId),
        ),
      )
      .limit(1)
    if (elsewhere) throw new ConflictError(`@${account.username} is already connected to another creator in Greenroom.`)
    const socialAccountId = await linkOwnAccount(tx, creatorId, platform, account.username, account.followers, now)
    const values = {
      externalUserId,
      username: account.username,
      scopes: grant.scopes,
      accessTokenEnc: encryptToken(grant.accessToken),
      refreshTokenEnc: grant.refreshToken ? encryptToken(grant.refreshToken) : null,
      accessExpiresAt: grant.expiresAt,
      refreshExpiresAt: grant.refreshExpiresAt ?? null,
      status: 'connected' as const,
      statusReason: null,
      socialAccountId,
      connectedByUserId: who.user.id,
      connectedAt: now,
      rateLimitedUntil: null,
      lastError: null,
      updatedAt: now,
    }
    const [conn] = await tx
      .insert(schema.platformConnections)
      .values({ creatorId, platform, ...values })
      .onConflictDoUpdate({ target: [schema.platformConnections.creatorId, schema.platformConnections.platform], set: values })
      .returning({ id: schema.platformConnections.id })
    await recordAudit(tx, actor, {
      action: 'connection.connected',
      entityType: 'platform_connection',
      entityId: conn!.id,
      after: { platform, username: account.username, scopes: grant.scopes, expiresAt: grant.expiresAt?.toISOString() ?? null },
    })
    // Read the new account now (posts to propose, metrics, followers) instead of at the next hourly run.
    await enqueueJob(tx, syncConnectionsJob, { connectionIds: [conn!.id] }, { key: `connectors.sync:connected:${conn!.id}:${now.getTime()}` })
  })
  return { creatorId, platform, outcome: 'connected', username: account.username }
}

/** The creator's own account row for this handle (created if new), with today's follower count from the platform. */
async function linkOwnAccount(tx: DbOrTx, creatorId: string, platform: ConnectorPlatform, handle: string, followers: number | null, now: Date) {
  const [existing] = await tx
    .select()
    .from(schema.socialAccounts)
    .where(and(isNull(schema.socialAccounts.brandId), eq(schema.socialAccounts.platform, platform), eq(schema.socialAccounts.handle, handle)))
    .limit(1)
  // Someone else's row claims the handle: do not take it over (the connection still works without it).
  if (existing && existing.creatorId !== creatorId) return null
  let accountId = existing?.id
  if (!existing) {
    const [row] = await tx
      .insert(schema.socialAccounts)
      .values({ creatorId, platform, handle, profileUrl: profileUrl(platform, handle), followers: followers ?? 0, followersAt: followers === null ? null : now })
      .returning({ id: schema.socialAccounts.id })
    accountId = row!.id
  } else if (followers !== null) {
    await tx.update(schema.socialAccounts).set({ followers, followersAt: now, updatedAt: now }).where(eq(schema.socialAccounts.id, existing.id))
  }
  if (followers !== null) await recordFollowerSnapshot(tx, accountId!, followers, now)
  return accountId!
}

const profileUrl = (platform: ConnectorPlatform, handle: string) =>
  platform === 'instagram' ? `https://www.instagram.com/${handle}/` : platform === 'tiktok' ? `https://www.tiktok.com/@${handle}` : `https://www.youtube.com/@${handle}`

/** One 'api' follower snapshot per account per UTC day (a retried job stores it once). */
export async function recordFollowerSnapshot(tx: DbOrTx, socialAccountId: string, followers: number, now: Date) {
  const day = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`)
  const existing = await tx
    .select({ id: schema.followerSnapshots.id, capturedAt: schema.followerSnapshots.capturedAt })
    .from(schema.followerSnapshots)
    .where(and(eq(schema.followerSnapshots.socialAccountId, socialAccountId), eq(schema.followerSnapshots.source, 'api')))
  if (existing.some((s) => s.capturedAt.getTime() === day.getTime())) return false
  await tx.insert(schema.followerSnapshots).values({ socialAccountId, followers, capturedAt: day, source: 'api' })
  return true
}

/** Disconnect: revoke at the platform where it has an endpoint, then delete the tokens here either way. */
export async function disconnect(actor: ActorLike, platform: ConnectorPlatform, now = new Date()) {
  const [conn] = await db()
    .select()
    .from(schema.platformConnections)
    .where(and(eq(schema.platformConnections.creatorId, actor.creator.id), eq(schema.platformConnections.platform, platform)))
    .limit(1)
  if (!conn || conn.status === 'revoked') throw new NotFoundError('That connection')
  let revokedAtPlatform: string = 'not_attempted'
  if (conn.accessTokenEnc && enabledPlatforms().includes(platform)) {
    try {
      revokedAtPlatform = await clientFor(platform).revoke({ accessToken: decryptToken(conn.accessTokenEnc) })
    } catch (error) {
      // The platform refused or was unreachable: the tokens are deleted here regardless, so Greenroom cannot use them.
      revokedAtPlatform = `failed: ${(error as Error).message.slice(0, 200)}`
    }
  }
  await db().transaction(async (tx) => {
    await tx
      .update(schema.platformConnections)
      .set({ status: 'revoked', statusReason: 'Disconnected', accessTokenEnc: '', refreshTokenEnc: null, updatedAt: now })
      .where(eq(schema.platformConnections.id, conn.id))
    await recordAudit(tx, actor.audit, {
      action: 'connection.disconnected',
      entityType: 'platform_connection',
      entityId: conn.id,
      before: { platform, username: conn.username, status: conn.status },
      after: { status: 'revoked', revokedAtPlatform },
    })
  })
  return { username: conn.username, revokedAtPlatform }
}

/**
 * The platform said the token is expired or the grant is gone: mark the connection (tokens deleted when
 * revoked) and email the creator once per loss.
 */
export async function markConnectionLost(connectionId: string, status: Exclude<ConnectionStatus, 'connected'>, reason: string, now = new Date()) {
  await db().transaction(async (tx) => {
    const [conn] = await tx
      .update(schema.platformConnections)
      .set({
        status,
        statusReason: reason.slice(0, 300),
        ...(status === 'revoked' ? { accessTokenEnc: '', refreshTokenEnc: null } : {}),
        updatedAt: now,
      })
      .where(and(eq(schema.platformConnections.id, connectionId), eq(schema.platformConnections.status, 'connected')))
      .returning()
    if (!conn) return
    const [creator] = await tx.select().from(schema.creators).where(eq(schema.creators.id, conn.creatorId)).limit(1)
    await recordAudit(tx, { userId: null, actingForCreatorId: conn.creatorId }, {
      action: `connection.${status}`,
      entityType: 'platform_connection',
      entityId: conn.id,
      after: { platform: conn.platform, reason },
    })
    if (!creator) return
    const label = CONNECTOR_LABEL[conn.platform]
    await enqueueEmail(tx, {
      template: 'connection-lost',
      to: [creator.email],
      subject: `Reconnect ${label} to keep your posts measured`,
      element: createElement(ConnectionLostEmail, {
        creatorName: creator.name,
        platformLabel: label,
        username: conn.username,
        reason: status === 'expired' ? 'the access you gave has expired.' : 'the access was removed on the platform.',
        url: `${config().appUrl}/c/${creator.id}/connections`,
      }),
      dedupeKey: `connection-lost:${conn.id}:${conn.connectedAt.toISOString()}`,
    })
  })
}

export interface ConnectionView {
  platform: ConnectorPlatform
  status: ConnectionStatus | 'not_connected'
  username: string | null
  scopes: string[]
  connectedAt: Date | null
  accessExpiresAt: Date | null
  lastSyncedAt: Date | null
  statusReason: string | null
}

/** The creator's connections (never the tokens), one entry per platform that is enabled or has a row. */
export async function listConnections(creatorId: string): Promise<ConnectionView[]> {
  const rows = await db()
    .select({
      platform: schema.platformConnections.platform,
      status: schema.platformConnections.status,
      username: schema.platformConnections.username,
      scopes: schema.platformConnections.scopes,
      connectedAt: schema.platformConnections.connectedAt,
      accessExpiresAt: schema.platformConnections.accessExpiresAt,
      lastSyncedAt: schema.platformConnections.lastSyncedAt,
      statusReason: schema.platformConnections.statusReason,
    })
    .from(schema.platformConnections)
    .where(eq(schema.platformConnections.creatorId, creatorId))
  const enabled = enabledPlatforms()
  return CONNECTOR_PLATFORMS.filter((p) => enabled.includes(p) || rows.some((r) => r.platform === p)).map((p) => {
    const r = rows.find((x) => x.platform === p)
    return r
      ? { ...r, platform: p }
      : { platform: p, status: 'not_connected', username: null, scopes: [], connectedAt: null, accessExpiresAt: null, lastSyncedAt: null, statusReason: null }
  })
}
