/**
 * Keeping a connection's access token alive (DECISIONS.md "Platform connections", token refresh):
 * refresh it shortly before it runs out (REFRESH_AHEAD_MS per platform), and once more when the platform
 * answers 401 / "token expired" to a call; the connection is marked expired only when the refresh itself
 * is refused (TikTok/Google `invalid_grant`, Instagram 190) or nothing is left to refresh with.
 *
 * Instagram refreshes a long-lived token with the token itself (it must still be valid); TikTok and Google
 * with the refresh token (TikTok rotates it: the answer's refresh token replaces the stored one).
 */
import { eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { CONNECTOR_LABEL, REFRESH_AHEAD_MS } from '#app/domain/connectors.ts'
import type { PlatformConnectionRow } from '#db/schema-connectors.ts'
import type { ConnectorClient } from './connector-client.server.ts'
import { markConnectionLost } from './connections.server.ts'
import { PlatformError, isPlatformError } from './platform-http.server.ts'
import { decryptToken, encryptToken } from './token-crypto.server.ts'

/** The tokens of one connection as the sync run holds them (updated in place after a refresh). */
export interface LiveTokens {
  access: string
  refresh: string | null
  accessExpiresAt: Date | null
  refreshExpiresAt: Date | null
}

export const liveTokensOf = (conn: PlatformConnectionRow): LiveTokens => ({
  access: decryptToken(conn.accessTokenEnc),
  refresh: conn.refreshTokenEnc ? decryptToken(conn.refreshTokenEnc) : null,
  accessExpiresAt: conn.accessExpiresAt,
  refreshExpiresAt: conn.refreshExpiresAt,
})

/** Whether anything is left to refresh with at `now`: a valid access token (Instagram) or an unexpired refresh token. */
export function canRefresh(client: ConnectorClient, t: LiveTokens, now: Date): boolean {
  if (client.refreshWith === 'access_token') return !t.accessExpiresAt || t.accessExpiresAt > now
  return Boolean(t.refresh) && (!t.refreshExpiresAt || t.refreshExpiresAt > now)
}

export const refreshDue = (conn: PlatformConnectionRow, t: LiveTokens, now: Date) =>
  t.accessExpiresAt !== null && t.accessExpiresAt.getTime() - now.getTime() < REFRESH_AHEAD_MS[conn.platform]

/** Thrown after the connection was marked lost: the run stops for this connection. */
export class ConnectionLost extends Error {}

/**
 * Refresh now and store the new tokens encrypted. A refusal of the grant (token_expired / token_revoked)
 * marks the connection (email to the creator) and throws ConnectionLost; a rate limit or an outage is
 * thrown as it came (the run backs off, the connection stays connected and is tried again next hour).
 */
export async function refreshTokens(conn: PlatformConnectionRow, client: ConnectorClient, t: LiveTokens, now: Date, why: 'due' | 'rejected'): Promise<void> {
  const label = CONNECTOR_LABEL[conn.platform]
  if (!canRefresh(client, t, now)) {
    const reason =
      client.refreshWith === 'access_token'
        ? `The ${label} access expired before it could be refreshed.`
        : `The ${label} access expired and the permission to renew it ${t.refresh ? 'has run out too' : 'is missing'}.`
    await lose(conn, 'expired', reason, now)
  }
  let g
  try {
    g = await client.refresh({ accessToken: t.access, refreshToken: t.refresh, now })
  } catch (error) {
    if (isPlatformError(error) && (error.kind === 'token_expired' || error.kind === 'token_revoked')) {
      const status = error.kind === 'token_revoked' ? 'revoked' : 'expired'
      await lose(conn, status, `${label} refused to renew the access${why === 'rejected' ? ' after rejecting it' : ''}: ${error.message}`, now)
    }
    throw error
  }
  t.access = g.accessToken
  t.accessExpiresAt = g.expiresAt
  if (g.refreshToken) t.refresh = g.refreshToken
  if (g.refreshExpiresAt !== undefined) t.refreshExpiresAt = g.refreshExpiresAt
  await db()
    .update(schema.platformConnections)
    .set({
      accessTokenEnc: encryptToken(t.access),
      accessExpiresAt: t.accessExpiresAt,
      // A platform that rotates refresh tokens (TikTok) answers a new one; keep the old one otherwise.
      ...(g.refreshToken ? { refreshTokenEnc: encryptToken(g.refreshToken) } : {}),
      ...(g.refreshExpiresAt !== undefined ? { refreshExpiresAt: g.refreshExpiresAt } : {}),
      ...(g.scopes.length ? { scopes: g.scopes } : {}),
      updatedAt: now,
    })
    .where(eq(schema.platformConnections.id, conn.id))
}

async function lose(conn: PlatformConnectionRow, status: 'expired' | 'revoked', reason: string, now: Date): Promise<never> {
  await markConnectionLost(conn.id, status, reason, now)
  throw new ConnectionLost(reason)
}

/**
 * Run `step` with the access token; when the platform rejects the token (401 / expired) refresh once
 * and run it again. A second rejection is the platform's answer: the caller marks the connection.
 */
export async function withTokenRetry<T>(conn: PlatformConnectionRow, client: ConnectorClient, t: LiveTokens, now: Date, onRefresh: () => void, step: (accessToken: string) => Promise<T>): Promise<T> {
  try {
    return await step(t.access)
  } catch (error) {
    if (!(error instanceof PlatformError) || error.kind !== 'token_expired') throw error
    await refreshTokens(conn, client, t, now, 'rejected')
    onRefresh()
    return step(t.access)
  }
}
