/**
 * Posts found on a connected account (platform_post_reads, written by sync-connections.server.ts):
 * the proposal shown to the creator on the live-post page ("We found this post on Instagram"), their
 * "Not this one" (dismissed, audited), the read that gives the caption as posted when they submit that
 * post, and what the brand's verify page shows ("From Instagram").
 */
import { and, eq, inArray } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { CreatorActor } from '#app/auth/guards.server.ts'
import { CONNECTOR_LABEL, POST_READ_DISMISSABLE, POST_READ_OPEN, isConnectorPlatform, readMatchesPost } from '#app/domain/connectors.ts'
import { deliverableMachine } from '#app/domain/state-machines.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { loadCreatorDeliverable } from '#app/services/posts/get-deliverable-for-post.server.ts'
import { ConflictError } from '#app/utils/errors.ts'
import { normalizePostUrl } from '#app/services/posts/post-checks.server.ts'
import { ConnectionLost, liveTokensOf, refreshDue, refreshTokens, withTokenRetry } from './refresh-token.server.ts'
import { clientFor, enabledPlatforms } from './platforms.server.ts'
import { isPlatformError } from './platform-http.server.ts'

type PostReadRow = typeof schema.platformPostReads.$inferSelect

/** The deliverable's open read (proposed or used; dismissed ones are history). */
const openReadOf = (deliverableId: string) => and(eq(schema.platformPostReads.deliverableId, deliverableId), inArray(schema.platformPostReads.status, [...POST_READ_OPEN]))

/** What a page shows of a platform read (serializable). */
export function postReadView(read: PostReadRow) {
  return {
    id: read.id,
    platform: read.platform,
    platformName: isConnectorPlatform(read.platform) ? CONNECTOR_LABEL[read.platform] : read.platform,
    permalink: read.permalink,
    caption: read.caption,
    postedAt: read.postedAt?.toISOString() ?? null,
    /** The posted day (UTC) for the live-post form's date field. */
    postedOn: read.postedAt?.toISOString().slice(0, 10) ?? null,
    fetchedAt: read.fetchedAt.toISOString(),
  }
}
export type PostReadView = ReturnType<typeof postReadView>

/**
 * The post found on the creator's connected account for this deliverable, while it waits for the live
 * post (approved, or sent back) and the creator has not answered the proposal. Scoped to the creator.
 */
export async function getFoundPost(creatorId: string, deliverableId: string): Promise<PostReadView | null> {
  const [row] = await db()
    .select({ read: schema.platformPostReads })
    .from(schema.platformPostReads)
    .innerJoin(schema.deliverables, eq(schema.deliverables.id, schema.platformPostReads.deliverableId))
    .where(
      and(
        eq(schema.platformPostReads.deliverableId, deliverableId),
        eq(schema.deliverables.creatorId, creatorId),
        eq(schema.platformPostReads.status, 'proposed'),
        inArray(schema.deliverables.status, [...deliverableMachine.sources('submit_post')]),
      ),
    )
    .limit(1)
  return row ? postReadView(row.read) : null
}

/** "Not this one": the creator (or an agent with submit_content) dismisses the proposal. Audited. */
export async function dismissFoundPost(actor: Pick<CreatorActor, 'creator' | 'audit'>, deliverableId: string) {
  return db().transaction(async (tx) => {
    const d = await loadCreatorDeliverable(tx, actor.creator.id, deliverableId, { forUpdate: true })
    const [read] = await tx.select().from(schema.platformPostReads).where(openReadOf(d.deliverable.id)).limit(1)
    if (!read || !POST_READ_DISMISSABLE.includes(read.status)) throw new ConflictError('There is no found post waiting for an answer here any more.')
    const [done] = await tx
      .update(schema.platformPostReads)
      .set({ status: 'dismissed' })
      .where(and(eq(schema.platformPostReads.id, read.id), inArray(schema.platformPostReads.status, [...POST_READ_DISMISSABLE])))
      .returning({ id: schema.platformPostReads.id })
    if (!done) throw new ConflictError('There is no found post waiting for an answer here any more.')
    await recordAudit(tx, actor.audit, {
      brandId: d.deliverable.brandId,
      action: 'post_read.dismissed',
      entityType: 'platform_post_read',
      entityId: read.id,
      before: { status: read.status, permalink: read.permalink },
      after: { status: 'dismissed', deliverableId: d.deliverable.id },
    })
  })
}

/**
 * At submission: the platform's read of this deliverable's post when the submitted link (or the id read
 * from it) is that post, marked 'used'. Its caption is then the caption as posted. Call inside the
 * submission's transaction.
 */
export async function takePlatformRead(tx: DbOrTx, deliverableId: string, platform: string, post: { url: string; externalId: string | null }): Promise<PostReadRow | null> {
  const [read] = await tx.select().from(schema.platformPostReads).where(openReadOf(deliverableId)).limit(1)
  if (!read || !readMatchesPost(platform, read, post)) return null
  if (read.status !== 'used') await tx.update(schema.platformPostReads).set({ status: 'used' }).where(eq(schema.platformPostReads.id, read.id))
  return { ...read, status: 'used' }
}

/**
 * Before a submission: when the link is the post a connected account returned, read it again from the
 * platform (the creator may have edited the caption since it was found, e.g. after a send-back), so the
 * caption stored is the one on the post now. Best effort: a rate limit, an outage or a lost connection
 * keeps the stored read (its fetched_at says when); a refused token refresh marks the connection, as in the sync.
 * Only the creator's own connection is used.
 */
export async function refetchPlatformRead(creatorId: string, deliverableId: string, platform: string, url: string, now = new Date()): Promise<void> {
  if (!isConnectorPlatform(platform) || !enabledPlatforms().includes(platform)) return
  const parsed = normalizePostUrl(platform, url)
  if ('error' in parsed) return
  const [row] = await db()
    .select({ read: schema.platformPostReads, conn: schema.platformConnections })
    .from(schema.platformPostReads)
    .innerJoin(schema.platformConnections, eq(schema.platformConnections.id, schema.platformPostReads.connectionId))
    .where(and(openReadOf(deliverableId), eq(schema.platformConnections.creatorId, creatorId), eq(schema.platformConnections.status, 'connected')))
    .limit(1)
  if (!row || !readMatchesPost(platform, row.read, parsed) || (row.conn.rateLimitedUntil && row.conn.rateLimitedUntil > now)) return
  const client = clientFor(platform)
  try {
    const tokens = liveTokensOf(row.conn)
    if (refreshDue(row.conn, tokens, now)) await refreshTokens(row.conn, client, tokens, now, 'due')
    const m = await withTokenRetry(row.conn, client, tokens, now, () => {}, (accessToken) => client.media({ accessToken, externalId: row.read.externalId }))
    await db()
      .update(schema.platformPostReads)
      .set({ caption: m.caption, permalink: m.permalink || row.read.permalink, postedAt: m.postedAt ?? row.read.postedAt, mediaType: m.mediaType ?? row.read.mediaType, fetchedAt: now })
      .where(eq(schema.platformPostReads.id, row.read.id))
  } catch (error) {
    if (error instanceof ConnectionLost || isPlatformError(error)) return
    throw error
  }
}

/** The brand's verify page: what the platform returned for the submitted post (null: typed by the creator). */
export async function platformReadForPost(tx: DbOrTx, deliverableId: string, platform: string, post: { url: string; externalId: string | null }): Promise<PostReadView | null> {
  const [read] = await tx
    .select()
    .from(schema.platformPostReads)
    .where(and(eq(schema.platformPostReads.deliverableId, deliverableId), eq(schema.platformPostReads.status, 'used')))
    .limit(1)
  return read && readMatchesPost(platform, read, post) ? postReadView(read) : null
}
