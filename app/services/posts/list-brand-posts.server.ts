import { and, desc, eq, sql } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'

import { toFindings } from '#app/domain/content-review.ts'
import type { PostStatusFilter } from '#app/domain/post-status.ts'

/** Live posts of the brand (newest first) with their latest numbers: one query. */
export async function listBrandPosts(brandId: string, status: PostStatusFilter = 'submitted') {
  const latest = sql`(select m.views from ${schema.metricSnapshots} m where m.post_id = ${schema.posts.id} order by m.captured_at desc limit 1)`
  const rows = await db()
    .select({
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
    .where(and(eq(schema.posts.brandId, brandId), status === 'all' ? undefined : eq(schema.posts.status, status)))
    .orderBy(desc(schema.posts.postedAt))
    .limit(500)
  return rows.map((r) => ({ ...r, postedAt: r.postedAt.toISOString(), blocking: countBlocking(r.findings) }))
}

/** Blocking findings on a post (the domain's severities, app/domain/content-review.ts). */
export function countBlocking(findings: unknown[]): number {
  return toFindings(findings).filter((f) => f.severity === 'blocking').length
}
