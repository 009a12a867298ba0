import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { toFindings } from '#app/domain/content-review.ts'

export interface ReviewQueueFilters {
  campaign?: string | null
  platform?: string | null
  /** Campaign owner (the person who runs the campaign reviews its drafts). */
  reviewer?: string | null
}

/**
 * Drafts waiting for review across all the brand's campaigns, most urgent first: the earliest posting
 * date (or draft due date) first, then the longest waiting. Filters by campaign, platform and reviewer
 * (the campaign's owner). One query for the rows, one each for the filter options.
 */
/** Drafts listed at once: a reviewer works from the top; filters narrow the rest (the page says how many). */
export const REVIEW_QUEUE_PAGE = 100

export async function listReviewQueue(brandId: string, filters: ReviewQueueFilters = {}) {
  const d = schema.deliverables
  const v = schema.draftVersions
  const urgency = sql`coalesce(${d.postWindowStart}, ${d.draftDueOn})`
  const conditions = [eq(v.brandId, brandId), isNull(v.decision), eq(d.status, 'draft_submitted')]
  if (filters.campaign) conditions.push(eq(d.campaignId, filters.campaign))
  if (filters.platform) conditions.push(eq(d.platform, filters.platform))
  if (filters.reviewer) conditions.push(eq(schema.campaigns.createdByUserId, filters.reviewer))
  const [rows, campaigns, reviewers] = await Promise.all([
    db()
      .select({
        draftId: v.id,
        version: v.version,
        submittedAt: v.submittedAt,
        findings: v.findings,
        deliverableId: d.id,
        platform: d.platform,
        format: d.format,
        draftDueOn: d.draftDueOn,
        postWindowStart: d.postWindowStart,
        revisionsUsed: d.revisionsUsed,
        campaignId: schema.campaigns.id,
        campaignName: schema.campaigns.name,
        creatorName: schema.creators.name,
        ownerName: schema.users.name,
        total: sql<number>`count(*) over ()`.mapWith(Number),
        /** The media check of this version is still queued or running (issue #15). */
        mediaRunning: sql<boolean>`exists (select 1 from ${schema.mediaAnalyses} ma where ma.draft_version_id = ${v.id} and ma.status in ('queued', 'running'))`.mapWith(Boolean),
      })
      .from(v)
      .innerJoin(d, eq(d.id, v.deliverableId))
      .innerJoin(schema.campaigns, eq(schema.campaigns.id, d.campaignId))
      .innerJoin(schema.creators, eq(schema.creators.id, d.creatorId))
      .leftJoin(schema.users, eq(schema.users.id, schema.campaigns.createdByUserId))
      .where(and(...conditions))
      .orderBy(sql`${urgency} asc nulls last`, asc(v.submittedAt))
      .limit(REVIEW_QUEUE_PAGE),
    db()
      .select({ id: schema.campaigns.id, name: schema.campaigns.name })
      .from(schema.campaigns)
      .where(and(eq(schema.campaigns.brandId, brandId), inArray(schema.campaigns.status, ['active', 'draft', 'completed'])))
      .orderBy(asc(schema.campaigns.name)),
    db()
      .select({ id: schema.users.id, name: schema.users.name })
      .from(schema.brandMembers)
      .innerJoin(schema.users, eq(schema.users.id, schema.brandMembers.userId))
      .where(and(eq(schema.brandMembers.brandId, brandId), inArray(schema.brandMembers.role, ['admin', 'manager'])))
      .orderBy(asc(schema.users.name)),
  ])
  return {
    /** Every draft waiting (the rows are the most urgent REVIEW_QUEUE_PAGE of them). */
    total: rows[0]?.total ?? 0,
    rows: rows.map((r) => {
      const f = toFindings(r.findings)
      return {
        draftId: r.draftId,
        version: r.version,
        mediaRunning: r.mediaRunning,
        submittedAt: r.submittedAt.toISOString(),
        deliverableId: r.deliverableId,
        platform: r.platform,
        format: r.format,
        draftDueOn: r.draftDueOn,
        postWindowStart: r.postWindowStart,
        revisionsUsed: r.revisionsUsed,
        campaignId: r.campaignId,
        campaignName: r.campaignName,
        creatorName: r.creatorName,
        ownerName: r.ownerName,
        blocking: f.filter((x) => x.severity === 'blocking').length,
        warnings: f.filter((x) => x.severity === 'warning').length,
      }
    }),
    campaigns,
    reviewers,
  }
}
