/**
 * The connections' scheduled work (job 'connectors.sync', hourly): refresh tokens before they expire and
 * once more on a rejected token (refresh-token.server.ts),
 * record the account's follower count (one 'api' snapshot a day), propose a matching post for each
 * deliverable whose window opened, and read each live post's insights into metric_snapshots with source
 * 'api' — daily for 30 days after posting, then weekly until the campaign closes, stored once per reading
 * slot (importKey api:<postId>:<slot start>). Rate-limit answers pause the connection (back off, doubling);
 * expired or revoked tokens mark the connection and email the creator.
 */
import { and, desc, eq, inArray, isNotNull, isNull, lte, notInArray } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { POST_READ_OPEN, hashtagsOf, metricsSlot, postKey, type ConnectorPlatform } from '#app/domain/connectors.ts'
import { apiImportKey } from '#app/services/metrics/metrics-provider.server.ts'
import type { PlatformConnectionRow } from '#db/schema-connectors.ts'
import { markConnectionLost, recordFollowerSnapshot } from './connections.server.ts'
import { ConnectionLost, liveTokensOf, refreshDue, refreshTokens, withTokenRetry } from './refresh-token.server.ts'
import { clientFor, enabledPlatforms } from './platforms.server.ts'
import { PlatformError, isPlatformError } from './platform-http.server.ts'
import type { ConnectorClient, PlatformMedia } from './connector-client.server.ts'

const CLOSED_CAMPAIGNS = ['completed', 'archived'] as const satisfies readonly (typeof schema.campaigns.$inferSelect)['status'][]
const BASE_BACKOFF_MS = 15 * 60_000
const MAX_BACKOFF_MS = 24 * 3_600_000

export interface SyncSummary {
  connections: number
  refreshed: number
  followerSnapshots: number
  metricSnapshots: number
  proposals: number
  rateLimited: number
  lost: number
  errors: string[]
}

/** Every connected connection of an enabled platform (or only `opts.connectionIds`, for tests and a manual run). */
export async function syncAllConnections(now = new Date(), opts: { connectionIds?: string[] } = {}): Promise<SyncSummary> {
  const sum: SyncSummary = { connections: 0, refreshed: 0, followerSnapshots: 0, metricSnapshots: 0, proposals: 0, rateLimited: 0, lost: 0, errors: [] }
  const platforms = enabledPlatforms()
  if (platforms.length === 0) return sum
  const rows = await db()
    .select()
    .from(schema.platformConnections)
    .where(
      and(
        eq(schema.platformConnections.status, 'connected'),
        inArray(schema.platformConnections.platform, platforms),
        opts.connectionIds ? inArray(schema.platformConnections.id, opts.connectionIds) : undefined,
      ),
    )
  for (const conn of rows) {
    if (conn.rateLimitedUntil && conn.rateLimitedUntil > now) continue
    sum.connections++
    await syncConnection(conn, now, sum)
  }
  return sum
}

export async function syncConnection(conn: PlatformConnectionRow, now: Date, sum: SyncSummary) {
  const client = clientFor(conn.platform)
  try {
    const tokens = liveTokensOf(conn)
    // Refresh ahead of expiry (Google 1 h, TikTok 24 h, Instagram 60 days), or now if it already ran out.
    if (refreshDue(conn, tokens, now)) {
      await refreshTokens(conn, client, tokens, now, 'due')
      sum.refreshed++
    }
    // Every read is idempotent, so after a rejected token (refreshed once) the run starts over.
    await withTokenRetry(conn, client, tokens, now, () => sum.refreshed++, (token) => readConnection(conn, client, token, now, sum))
    await db()
      .update(schema.platformConnections)
      .set({ lastSyncedAt: now, lastError: null, rateLimitedUntil: null })
      .where(eq(schema.platformConnections.id, conn.id))
  } catch (error) {
    if (error instanceof ConnectionLost) {
      sum.lost++
      return
    }
    if (!isPlatformError(error)) throw error
    await handlePlatformError(conn, error, now, sum)
  }
}

async function readConnection(conn: PlatformConnectionRow, client: ConnectorClient, token: string, now: Date, sum: SyncSummary) {
  const account = await client.account({ accessToken: token })
  if (account.followers !== null && conn.socialAccountId) {
    const stored = await db().transaction(async (tx) => {
      const added = await recordFollowerSnapshot(tx, conn.socialAccountId!, account.followers!, now)
      if (added) await tx.update(schema.socialAccounts).set({ followers: account.followers!, followersAt: now, updatedAt: now }).where(eq(schema.socialAccounts.id, conn.socialAccountId!))
      return added
    })
    if (stored) sum.followerSnapshots++
  }
  const media = lazyMedia(() => client.listMedia({ accessToken: token, since: new Date(now.getTime() - 120 * 86_400_000) }))
  sum.proposals += await proposeMatches(conn, media, now)
  sum.metricSnapshots += await readPostMetrics(conn, token, media, now, sum)
}

async function handlePlatformError(conn: PlatformConnectionRow, error: PlatformError, now: Date, sum: SyncSummary) {
  if (error.kind === 'token_expired' || error.kind === 'token_revoked') {
    await markConnectionLost(conn.id, error.kind === 'token_expired' ? 'expired' : 'revoked', error.message, now)
    sum.lost++
    return
  }
  if (error.kind === 'rate_limited') {
    // Back off: the platform's Retry-After when given, else 15 min doubling per consecutive limit (cap 24 h).
    const previous = conn.rateLimitedUntil && conn.lastError?.startsWith('rate_limited') ? Number(conn.lastError.split(':')[1]) || BASE_BACKOFF_MS : 0
    const wait = error.retryAfterMs ?? Math.min(previous ? previous * 2 : BASE_BACKOFF_MS, MAX_BACKOFF_MS)
    await db()
      .update(schema.platformConnections)
      .set({ rateLimitedUntil: new Date(now.getTime() + wait), lastError: `rate_limited:${wait}: ${error.message}`.slice(0, 500) })
      .where(eq(schema.platformConnections.id, conn.id))
    sum.rateLimited++
    return
  }
  sum.errors.push(`${conn.platform}:${conn.id}: ${error.message}`)
  await db().update(schema.platformConnections).set({ lastError: `${error.kind}: ${error.message}`.slice(0, 500) }).where(eq(schema.platformConnections.id, conn.id))
}

/** The account's recent media, read once per connection run and only if something needs it. */
function lazyMedia(load: () => Promise<PlatformMedia[]>) {
  let p: Promise<PlatformMedia[]> | null = null
  return () => (p ??= load())
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10)

/**
 * Deliverables of this creator on this platform that are approved (waiting for the live post) and whose
 * window has opened, without an open proposal: the newest post in the window whose caption carries the
 * approved draft's hashtags is proposed to the creator. After "Not this one" the next matching post is
 * proposed when it appears; the dismissed one never again for that deliverable.
 */
async function proposeMatches(conn: PlatformConnectionRow, media: () => Promise<PlatformMedia[]>, now: Date): Promise<number> {
  const today = dayOf(now)
  const open = await db()
    .select({ d: schema.deliverables })
    .from(schema.deliverables)
    .leftJoin(schema.platformPostReads, and(eq(schema.platformPostReads.deliverableId, schema.deliverables.id), inArray(schema.platformPostReads.status, [...POST_READ_OPEN])))
    .where(
      and(
        eq(schema.deliverables.creatorId, conn.creatorId),
        eq(schema.deliverables.platform, conn.platform),
        inArray(schema.deliverables.status, ['approved', 'post_changes_requested']),
        isNotNull(schema.deliverables.postWindowStart),
        lte(schema.deliverables.postWindowStart, today),
        isNull(schema.platformPostReads.id),
      ),
    )
  if (open.length === 0) return 0
  const all = await media()
  const taken = new Set((await db().select({ url: schema.posts.url }).from(schema.posts).where(eq(schema.posts.creatorId, conn.creatorId))).map((p) => postKey(conn.platform, p.url)))
  // A post proposed or used for one deliverable is not proposed for another; a post the creator dismissed
  // for a deliverable ("Not this one") is never proposed for that deliverable again (it may fit another).
  const readCols = { id: schema.platformPostReads.externalId, deliverableId: schema.platformPostReads.deliverableId, status: schema.platformPostReads.status }
  const proposedIds = new Set(
    (await db().select(readCols).from(schema.platformPostReads).where(and(eq(schema.platformPostReads.connectionId, conn.id), inArray(schema.platformPostReads.status, [...POST_READ_OPEN])))).map((r) => r.id),
  )
  const dismissed = new Set(
    (await db().select(readCols).from(schema.platformPostReads).where(inArray(schema.platformPostReads.deliverableId, open.map(({ d }) => d.id)))).map((r) => `${r.deliverableId}:${r.id}`),
  )
  let n = 0
  for (const { d } of open) {
    const [draft] = await db()
      .select({ caption: schema.draftVersions.caption })
      .from(schema.draftVersions)
      .where(and(eq(schema.draftVersions.deliverableId, d.id), eq(schema.draftVersions.decision, 'approved')))
      .orderBy(desc(schema.draftVersions.version))
      .limit(1)
    const tags = hashtagsOf(draft?.caption ?? '')
    if (tags.length === 0) continue
    const start = d.postWindowStart!
    const end = d.postWindowEnd ?? today
    const match = all.find((m) => {
      if (!m.postedAt || proposedIds.has(m.externalId) || dismissed.has(`${d.id}:${m.externalId}`) || taken.has(postKey(conn.platform, m.permalink))) return false
      const day = dayOf(m.postedAt)
      if (day < start || day > end) return false
      const have = new Set(hashtagsOf(m.caption))
      return tags.every((t) => have.has(t))
    })
    if (!match) continue
    const inserted = await db()
      .insert(schema.platformPostReads)
      .values({ deliverableId: d.id, connectionId: conn.id, platform: conn.platform, externalId: match.externalId, permalink: match.permalink, caption: match.caption, postedAt: match.postedAt, mediaType: match.mediaType, status: 'proposed', fetchedAt: now })
      .onConflictDoNothing()
      .returning({ id: schema.platformPostReads.id })
    if (inserted.length) {
      proposedIds.add(match.externalId)
      n++
    }
  }
  return n
}

/** Live posts of this creator on this platform in campaigns still running: one 'api' snapshot per reading slot. */
async function readPostMetrics(conn: PlatformConnectionRow, token: string, media: () => Promise<PlatformMedia[]>, now: Date, sum: SyncSummary): Promise<number> {
  const live = await db()
    .select({ post: schema.posts, read: schema.platformPostReads })
    .from(schema.posts)
    .innerJoin(schema.deliverables, eq(schema.deliverables.id, schema.posts.deliverableId))
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.deliverables.campaignId))
    .leftJoin(schema.platformPostReads, and(eq(schema.platformPostReads.deliverableId, schema.posts.deliverableId), inArray(schema.platformPostReads.status, [...POST_READ_OPEN])))
    .where(
      and(
        eq(schema.posts.creatorId, conn.creatorId),
        eq(schema.posts.platform, conn.platform),
        inArray(schema.posts.status, ['submitted', 'verified']),
        notInArray(schema.campaigns.status, [...CLOSED_CAMPAIGNS]),
      ),
    )
  let n = 0
  const client = clientFor(conn.platform)
  for (const { post, read } of live) {
    const slot = metricsSlot(post.postedAt, now)
    if (!slot) continue
    const importKey = apiImportKey(post.id, slot.start)
    const [have] = await db().select({ id: schema.metricSnapshots.id }).from(schema.metricSnapshots).where(eq(schema.metricSnapshots.importKey, importKey)).limit(1)
    if (have) continue
    // The link as the creator pasted it (youtu.be, /shorts/, a TikTok link with tracking parameters) is the same post.
    const key = postKey(conn.platform, post.url)
    const same = (permalink: string) => key !== null && postKey(conn.platform, permalink) === key
    const mediaId = read && same(read.permalink) ? read.externalId : (await media()).find((m) => same(m.permalink))?.externalId
    if (!mediaId) continue // not on this account (yet), or deleted before we ever saw it
    let values
    try {
      values = await client.insights({ accessToken: token, externalId: mediaId })
    } catch (error) {
      if (isPlatformError(error) && error.kind === 'not_found') {
        sum.errors.push(`post ${post.id}: deleted or not public any more on ${conn.platform as ConnectorPlatform}`)
        continue
      }
      throw error
    }
    const inserted = await db()
      .insert(schema.metricSnapshots)
      .values({ postId: post.id, brandId: post.brandId, capturedAt: now, source: 'api', ...values, importKey })
      .onConflictDoNothing()
      .returning({ id: schema.metricSnapshots.id })
    n += inserted.length
  }
  return n
}
