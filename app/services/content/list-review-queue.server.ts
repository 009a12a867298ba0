import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { listCampaignChoices } from '#app/services/campaigns/campaign-choices.server.ts'
import { toFindings } from '#app/domain/content-review.ts'
import { decodeKeysetCursor, keysetPage, LIST_PAGE_SIZE } from '#app/domain/keyset-cursor.ts'
import { keysetSql, keyTypes, type KeysetKey } from '#app/services/keyset.server.ts'

export interface ReviewQueueFilters {
  campaign?: string | null
  platform?: string | null
  /** Campaign owner (the person who runs the campaign reviews its drafts). */
  reviewer?: string | null
}

/** Drafts on one page of the queue (keyset pages: page 40 costs what page 1 costs). */
export const REVIEW_QUEUE_PAGE = LIST_PAGE_SIZE
const LIST = 'review'

/**
 * Drafts waiting for review across all the brand's campaigns, most urgent first: the earliest posting
 * date (or draft due date) first (undated last), then the longest waiting. Filters by campaign, platform
 * and reviewer (the campaign's owner). One screen of rows per page, from a keyset cursor
 * (app/domain/keyset-cursor.ts), walked in order on draft_versions_queue_idx. One query for the rows, one for the count
 * (the brand's summary row when unfiltered), one each for the filter options.
 */
export async function listReviewQueue(brandId: string, filters: ReviewQueueFilters = {}, opts: { cursor?: string | null; size?: number } = {}) {
  const d = schema.deliverables
  const v = schema.draftVersions
  const size = opts.size ?? REVIEW_QUEUE_PAGE
  // coalesce(post_window_start, draft_due_on, 'infinity') of the deliverable, kept on the waiting version
  // (draft_versions.queue_urgency, migration 0036), so draft_versions_queue_idx walks the page in order.
  const urgency = sql`${v.queueUrgency}`
  const keys: KeysetKey[] = [{ expr: urgency, cast: 'date' }, { expr: sql`${v.submittedAt}`, cast: 'timestamptz' }]
  const cursor = decodeKeysetCursor(opts.cursor, LIST, keyTypes(keys))
  const keyset = keysetSql(keys, sql`${v.id}`, 'asc', cursor)
  // Waiting = no decision and the deliverable in draft_submitted, which is what queue_urgency being set means
  // (its triggers; review-roster-counts-drift.test.ts). Saying it again here would make the planner expect
  // those two tests to drop most rows of the walk, and sort the whole queue instead.
  const conditions = [eq(v.brandId, brandId), isNotNull(v.queueUrgency)]
  // One campaign: its waiting deliverables by deliverables_campaign_brand_status_idx (the same rows, named so
  // the index can find them), not every deliverable the campaign ever had.
  if (filters.campaign) conditions.push(eq(d.campaignId, filters.campaign), eq(d.brandId, brandId), eq(d.status, 'draft_submitted'))
  if (filters.platform) conditions.push(eq(d.platform, filters.platform))
  if (filters.reviewer) conditions.push(eq(schema.campaigns.createdByUserId, filters.reviewer))
  const filtered = Boolean(filters.campaign || filters.platform || filters.reviewer)
  const [fetched, [counted], campaigns, reviewers] = await Promise.all([
    db()
      .select({
        sortUrgency: sql<string>`(${urgency})::text`,
        sortSubmitted: sql<string>`(${v.submittedAt})::text`,
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
        /** The media check of this version is still queued or running (issue #15). */
        mediaRunning: sql<boolean>`exists (select 1 from ${schema.mediaAnalyses} ma where ma.draft_version_id = ${v.id} and ma.status in ('queued', 'running'))`.mapWith(Boolean),
      })
      .from(v)
      .innerJoin(d, eq(d.id, v.deliverableId))
      .innerJoin(schema.campaigns, eq(schema.campaigns.id, d.campaignId))
      .innerJoin(schema.creators, eq(schema.creators.id, d.creatorId))
      .leftJoin(schema.users, eq(schema.users.id, schema.campaigns.createdByUserId))
      .where(and(...conditions, keyset.where))
      .orderBy(...keyset.orderBy)
      .limit(size + 1),
    // Unfiltered: the brand's summary row (review_queue_counts.waiting, kept by triggers, migration 0036);
    // under a filter, the count of the drafts it matches.
    filtered
      ? db()
          .select({ n: sql<number>`count(*)`.mapWith(Number) })
          .from(v)
          .innerJoin(d, eq(d.id, v.deliverableId))
          .innerJoin(schema.campaigns, eq(schema.campaigns.id, d.campaignId))
          .where(and(...conditions))
      : db().select({ n: schema.reviewQueueCounts.waiting }).from(schema.reviewQueueCounts).where(eq(schema.reviewQueueCounts.brandId, brandId)),
    // the filter's campaigns: the newest and the chosen one, not every campaign of the brand's history
    listCampaignChoices(brandId, { selected: filters.campaign, statuses: ['active', 'draft', 'completed'] }),
    db()
      .select({ id: schema.users.id, name: schema.users.name })
      .from(schema.brandMembers)
      .innerJoin(schema.users, eq(schema.users.id, schema.brandMembers.userId))
      .where(and(eq(schema.brandMembers.brandId, brandId), inArray(schema.brandMembers.role, ['admin', 'manager'])))
      .orderBy(asc(schema.users.name)),
  ])
  const page = keysetPage(fetched, size, cursor, LIST, (r) => ({ v: [r.sortUrgency, r.sortSubmitted], id: r.draftId }))
  return {
    /** Every draft waiting under these filters (the rows are one page of them). */
    total: counted?.n ?? 0,
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    rows: page.rows.map((r) => {
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
