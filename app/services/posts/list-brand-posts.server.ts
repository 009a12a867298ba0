import { and, eq, sql } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'

import { toFindings } from '#app/domain/content-review.ts'
import type { PostStatusFilter } from '#app/domain/post-status.ts'
import { decodeKeysetCursor, keysetPage, LIST_PAGE_SIZE } from '#app/domain/keyset-cursor.ts'
import { keysetSql, keyTypes, type KeysetKey } from '#app/services/keyset.server.ts'

/**
 * Live posts of the brand (newest first) with their latest numbers: one screen of them per page, from a
 * keyset cursor over (posted at, id) (app/domain/keyset-cursor.ts). One query.
 */
export async function listBrandPosts(brandId: string, status: PostStatusFilter = 'submitted', opts: { cursor?: string | null; size?: number } = {}) {
  const list = `posts:${status}`
  const size = opts.size ?? LIST_PAGE_SIZE
  const keys: KeysetKey[] = [{ expr: sql`${schema.posts.postedAt}`, cast: 'timestamptz' }]
  const cursor = decodeKeysetCursor(opts.cursor, list, keyTypes(keys))
  const keyset = keysetSql(keys, sql`${schema.posts.id}`, 'desc', cursor)
  const latest = sql`(select m.views from ${schema.metricSnapshots} m where m.post_id = ${schema.posts.id} order by m.captured_at desc limit 1)`
  const fetched = await db()
    .select({
      sortPostedAt: sql<string>`(${schema.posts.postedAt})::text`,
      id: schema.posts.id,
      url: schema.posts.url,
      platform: schema.posts.platform,
      status: schema.posts.status,
      postedAt: schema.posts.postedAt,
      outsideWindow: schema.posts.outsideWindow,
      findings: schema.posts.findings,
      problemNote: schema.posts.problemNote,
      format: schema.deliverables.format,
      creatorName: schema.creators.name,
      campaignName: schema.campaigns.name,
      latestViews: sql<string | null>`${latest}`,
      snapshots: sql<number>`(select count(*) from ${schema.metricSnapshots} m where m.post_id = ${schema.posts.id})`.mapWith(Number),
    })
    .from(schema.posts)
    .innerJoin(schema.deliverables, eq(schema.deliverables.id, schema.posts.deliverableId))
    .innerJoin(schema.creators, eq(schema.creators.id, schema.posts.creatorId))
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.deliverables.campaignId))
    .where(and(eq(schema.posts.brandId, brandId), status === 'all' ? undefined : eq(schema.posts.status, status), keyset.where))
    .orderBy(...keyset.orderBy)
    .limit(size + 1)
  const page = keysetPage(fetched, size, cursor, list, (r) => ({ v: [r.sortPostedAt], id: r.id }))
  return {
    posts: page.rows.map(({ sortPostedAt: _, ...r }) => ({ ...r, postedAt: r.postedAt.toISOString(), blocking: countBlocking(r.findings) })),
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
  }
}

/** Blocking findings on a post (the domain's severities, app/domain/content-review.ts). */
export function countBlocking(findings: unknown[]): number {
  return toFindings(findings).filter((f) => f.severity === 'blocking').length
}
