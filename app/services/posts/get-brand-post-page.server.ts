import { asc, eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { wordDiff, captionsDiffer } from '#app/domain/word-diff.ts'
import { postAttestations } from './post-checks.server.ts'
import { loadBrandPost } from './get-brand-post.server.ts'
import { platformReadForPost } from '#app/services/connectors/post-reads.server.ts'

/** The manager's verification page: post, caption diff vs the approved draft, checks to tick, numbers. */
export async function getBrandPostPage(brandId: string, postId: string) {
  const row = await loadBrandPost(db(), brandId, postId)
  const snapshots = await db()
    .select({
      id: schema.metricSnapshots.id,
      capturedAt: schema.metricSnapshots.capturedAt,
      source: schema.metricSnapshots.source,
      impressions: schema.metricSnapshots.impressions,
      reach: schema.metricSnapshots.reach,
      views: schema.metricSnapshots.views,
      likes: schema.metricSnapshots.likes,
      comments: schema.metricSnapshots.comments,
      shares: schema.metricSnapshots.shares,
      saves: schema.metricSnapshots.saves,
      evidenceFileId: schema.metricSnapshots.evidenceFileId,
    })
    .from(schema.metricSnapshots)
    .where(eq(schema.metricSnapshots.postId, row.post.id))
    .orderBy(asc(schema.metricSnapshots.capturedAt))
  const platformRead = await platformReadForPost(db(), row.deliverable.id, row.post.platform, { url: row.post.url, externalId: row.post.externalId })
  const approved = row.approvedCaption
  return {
    post: {
      id: row.post.id,
      url: row.post.url,
      platform: row.post.platform,
      status: row.post.status,
      postedAt: row.post.postedAt.toISOString(),
      caption: row.post.captionAsPosted,
      findings: row.post.findings as { ruleId?: string; severity?: string; message?: string }[],
      outsideWindow: row.post.outsideWindow,
      /** What the creator said at submission about the platform's paid-partnership label (null: not asked). */
      platformLabelDeclared: row.post.platformLabelDeclared,
      problemNote: row.post.problemNote,
      attestations: row.post.attestations,
      verifiedAt: row.post.verifiedAt?.toISOString() ?? null,
    },
    deliverable: {
      id: row.deliverable.id,
      format: row.deliverable.format,
      postWindowStart: row.deliverable.postWindowStart,
      postWindowEnd: row.deliverable.postWindowEnd,
    },
    creator: row.creator,
    campaign: row.campaign,
    approvedCaption: approved,
    captionChanged: approved !== null && captionsDiffer(approved, row.post.captionAsPosted),
    diff: approved !== null ? wordDiff(approved, row.post.captionAsPosted) : null,
    checks: postAttestations(row.deliverable.platform, row.deliverable.format),
    snapshots: snapshots.map((s) => ({ ...s, capturedAt: s.capturedAt.toISOString() })),
    /** What the creator's connected account returned for this post (null: the creator typed it). */
    platformRead,
  }
}
