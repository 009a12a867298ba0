import { and, eq, inArray, isNull, lt, lte, sql, type SQL } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { addBusinessDays, addDays, toIsoDay } from '#app/domain/dates.ts'
import { compareCodes } from '#app/domain/compare-text.ts'

export type AtRiskKind = 'draft_due' | 'post_overdue' | 'review_waiting' | 'verify_waiting' | 'stats_missing' | 'no_tracking' | 'rights_ending'

export interface AtRiskItem {
  kind: AtRiskKind
  /** What is at risk, in words. */
  label: string
  creatorId: string
  creatorName: string
  campaignName: string
  /** The date it is (or was) due, YYYY-MM-DD, when there is one. */
  due: string | null
  /** A path on the brand side, relative to /b/<slug>. */
  to: string
}

const COLLAB = ['accepted', 'active'] as const

interface RightsRow {
  id: string
  creator_id: string
  creator_name: string
  campaign_id: string
  campaign_name: string
  usage_end: string | null
  excl_end: string | null
}

/**
 * The brand home's at-risk list: one set-based query per kind, every one scoped to the brand.
 * Sorted by due date (oldest first), undated items last.
 */
export async function getAtRisk(brandId: string, now = new Date()): Promise<AtRiskItem[]> {
  return (await loadAtRisk(brandId, now, null)).items
}

/**
 * The `limit` most urgent at-risk items and how many there are in all, for the brand home: each kind's
 * query sorts by its due date and sends only its first `limit` rows (with the kind's full count from a
 * window), so a brand with thousands of items does not ship them all to build a list of 25.
 */
export async function getAtRiskTop(brandId: string, limit: number, now = new Date()): Promise<{ items: AtRiskItem[]; total: number }> {
  const { items, total } = await loadAtRisk(brandId, now, limit)
  return { items: items.slice(0, limit), total }
}

async function loadAtRisk(brandId: string, now: Date, limit: number | null): Promise<{ items: AtRiskItem[]; total: number }> {
  const today = toIsoDay(now)
  const in3 = toIsoDay(addDays(now, 3))
  const in14 = toIsoDay(addDays(now, 14))
  const reviewCutoff = addBusinessDays(now, -2)
  const d = schema.deliverables
  const who = {
    creatorId: schema.creators.id,
    creatorName: schema.creators.name,
    campaignId: schema.campaigns.id,
    campaignName: schema.campaigns.name,
    /** Rows of this kind in all (a window over the whole result, before the limit). */
    kindTotal: sql<number>`count(*) over ()`.mapWith(Number),
  }
  // Each kind's most urgent `limit` rows (all of them without a limit); `due` orders them as the list does.
  const top = <Q extends { orderBy: (...o: SQL[]) => { limit: (n: number) => unknown } }>(q: Q, due: SQL): Q =>
    (limit === null ? q : q.orderBy(sql`${due} asc nulls last`).limit(limit)) as Q
  const [drafts, overduePosts, reviews, verifications, stats, untracked, rights] = await Promise.all([
    // Drafts due within 3 days (or already late) and not submitted.
    top(
      db()
        .select({ ...who, id: d.id, due: d.draftDueOn, format: d.format })
        .from(d)
        .innerJoin(schema.creators, eq(schema.creators.id, d.creatorId))
        .innerJoin(schema.campaigns, eq(schema.campaigns.id, d.campaignId))
        .where(and(eq(d.brandId, brandId), inArray(d.status, ['pending', 'changes_requested']), lte(d.draftDueOn, in3))),
      sql`${d.draftDueOn}`,
    ),
    // Approved content whose posting window has closed without a live post (or with one sent back).
    top(
      db()
        .select({ ...who, id: d.id, due: d.postWindowEnd, status: d.status })
        .from(d)
        .innerJoin(schema.creators, eq(schema.creators.id, d.creatorId))
        .innerJoin(schema.campaigns, eq(schema.campaigns.id, d.campaignId))
        .where(and(eq(d.brandId, brandId), inArray(d.status, ['approved', 'post_changes_requested']), lt(d.postWindowEnd, today))),
      sql`${d.postWindowEnd}`,
    ),
    // Drafts waiting for a decision for more than 2 business days.
    top(
      db()
        .select({ ...who, id: d.id, submittedAt: schema.draftVersions.submittedAt, version: schema.draftVersions.version })
        .from(schema.draftVersions)
        .innerJoin(d, and(eq(d.id, schema.draftVersions.deliverableId), eq(d.brandId, brandId)))
        .innerJoin(schema.creators, eq(schema.creators.id, d.creatorId))
        .innerJoin(schema.campaigns, eq(schema.campaigns.id, d.campaignId))
        .where(
          and(
            eq(schema.draftVersions.brandId, brandId),
            isNull(schema.draftVersions.decision),
            eq(d.status, 'draft_submitted'),
            lt(schema.draftVersions.submittedAt, reviewCutoff),
          ),
        ),
      sql`${schema.draftVersions.submittedAt}`,
    ),
    // Live posts waiting for verification for more than 2 business days.
    top(
      db()
        .select({ ...who, id: schema.posts.id, updatedAt: schema.posts.updatedAt })
        .from(schema.posts)
        .innerJoin(schema.creators, eq(schema.creators.id, schema.posts.creatorId))
        .innerJoin(d, and(eq(d.id, schema.posts.deliverableId), eq(d.brandId, brandId)))
        .innerJoin(schema.campaigns, eq(schema.campaigns.id, d.campaignId))
        .where(and(eq(schema.posts.brandId, brandId), eq(schema.posts.status, 'submitted'), lt(schema.posts.updatedAt, reviewCutoff))),
      sql`${schema.posts.updatedAt}`,
    ),
    // 7-day / 30-day stats not reported. The latest snapshot is the one taken last, so "a snapshot on or
    // after day 6" is "the latest was taken on or after day 6" (post_metrics_latest, one row per post).
    top(
      db()
        .select({
          ...who,
          id: schema.posts.id,
          postedAt: schema.posts.postedAt,
          missing: sql<'7' | '30'>`case when ${schema.posts.postedAt} <= ${new Date(now.getTime() - 30 * 86_400_000).toISOString()}::timestamptz
            and not coalesce(${schema.postMetricsLatest.capturedAt} >= ${schema.posts.postedAt} + interval '28 days', false)
            then '30' else '7' end`,
        })
        .from(schema.posts)
        .innerJoin(schema.creators, eq(schema.creators.id, schema.posts.creatorId))
        .innerJoin(d, and(eq(d.id, schema.posts.deliverableId), eq(d.brandId, brandId)))
        .innerJoin(schema.campaigns, eq(schema.campaigns.id, d.campaignId))
        .leftJoin(schema.postMetricsLatest, and(eq(schema.postMetricsLatest.postId, schema.posts.id), eq(schema.postMetricsLatest.brandId, brandId)))
        .where(
          and(
            eq(schema.posts.brandId, brandId),
            sql`(
              (${schema.posts.postedAt} <= ${new Date(now.getTime() - 7 * 86_400_000).toISOString()}::timestamptz
                and not coalesce(${schema.postMetricsLatest.capturedAt} >= ${schema.posts.postedAt} + interval '6 days', false))
              or (${schema.posts.postedAt} <= ${new Date(now.getTime() - 30 * 86_400_000).toISOString()}::timestamptz
                and not coalesce(${schema.postMetricsLatest.capturedAt} >= ${schema.posts.postedAt} + interval '28 days', false))
            )`,
          ),
        ),
      sql`${schema.posts.postedAt} + case when ${schema.posts.postedAt} <= ${new Date(now.getTime() - 30 * 86_400_000).toISOString()}::timestamptz and not coalesce(${schema.postMetricsLatest.capturedAt} >= ${schema.posts.postedAt} + interval '28 days', false) then interval '30 days' else interval '7 days' end`,
    ),
    // Collaborations without a tracked link or without a promo code.
    top(
      db()
        .select({
          ...who,
          id: schema.offers.id,
          hasLink: sql<boolean>`exists (select 1 from ${schema.trackingLinks} l where l.brand_id = ${brandId} and l.offer_id = ${schema.offers.id})`,
          hasCode: sql<boolean>`exists (select 1 from ${schema.promoCodes} p where p.brand_id = ${brandId} and p.offer_id = ${schema.offers.id})`,
        })
        .from(schema.offers)
        .innerJoin(schema.creators, eq(schema.creators.id, schema.offers.creatorId))
        .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.offers.campaignId))
        .where(
          and(
            eq(schema.offers.brandId, brandId),
            inArray(schema.offers.status, [...COLLAB]),
            sql`(not exists (select 1 from ${schema.trackingLinks} l where l.brand_id = ${brandId} and l.offer_id = ${schema.offers.id})
              or not exists (select 1 from ${schema.promoCodes} p where p.brand_id = ${brandId} and p.offer_id = ${schema.offers.id}))`,
          ),
        ),
      sql`${schema.offers.id}`,
    ),
    // Usage rights / exclusivity ending within 14 days (windows start at the first post, else at acceptance).
    db().execute(sql`
      with o as (
        select o.id, o.creator_id, c.name as creator_name, k.id as campaign_id, k.name as campaign_name, o.usage_months, o.exclusivity_months,
               coalesce((select min(p.posted_at) from ${schema.posts} p join ${schema.deliverables} dd on dd.id = p.deliverable_id and dd.brand_id = p.brand_id where dd.offer_id = o.id and p.brand_id = o.brand_id), o.accepted_at) as starts_at
        from ${schema.offers} o
        join ${schema.creators} c on c.id = o.creator_id
        join ${schema.campaigns} k on k.id = o.campaign_id
        where o.brand_id = ${brandId} and o.status in ('accepted', 'active', 'completed') and (o.usage_months > 0 or o.exclusivity_months > 0)
      )
      select * from (
      select id, creator_id, creator_name, campaign_id, campaign_name,
             case when usage_months > 0 then to_char((starts_at + make_interval(months => usage_months)) at time zone 'UTC', 'YYYY-MM-DD') end as usage_end,
             case when exclusivity_months > 0 then to_char((starts_at + make_interval(months => exclusivity_months)) at time zone 'UTC', 'YYYY-MM-DD') end as excl_end
      from o where starts_at is not null
      ) r where r.usage_end between ${today} and ${in14} or r.excl_end between ${today} and ${in14}`),
  ])
  const items: AtRiskItem[] = []
  for (const r of drafts) {
    const late = r.due! < today
    items.push({ kind: 'draft_due', label: late ? 'Draft late, not submitted' : 'Draft due soon, not submitted', creatorId: r.creatorId, creatorName: r.creatorName, campaignName: r.campaignName, due: r.due, to: `/campaigns/${r.campaignId}` })
  }
  for (const r of overduePosts) {
    items.push({
      kind: 'post_overdue',
      label: r.status === 'post_changes_requested' ? 'Post sent back, not fixed' : 'Post overdue',
      creatorId: r.creatorId,
      creatorName: r.creatorName,
      campaignName: r.campaignName,
      due: r.due,
      to: `/campaigns/${r.campaignId}`,
    })
  }
  for (const r of reviews) {
    items.push({ kind: 'review_waiting', label: `Draft v${r.version} waiting for review`, creatorId: r.creatorId, creatorName: r.creatorName, campaignName: r.campaignName, due: r.submittedAt.toISOString().slice(0, 10), to: `/campaigns/${r.campaignId}` })
  }
  for (const r of verifications) {
    items.push({ kind: 'verify_waiting', label: 'Live post waiting for verification', creatorId: r.creatorId, creatorName: r.creatorName, campaignName: r.campaignName, due: r.updatedAt.toISOString().slice(0, 10), to: `/posts/${r.id}` })
  }
  for (const r of stats) {
    const days = r.missing === '30' ? 30 : 7
    items.push({ kind: 'stats_missing', label: `${days}-day stats not reported`, creatorId: r.creatorId, creatorName: r.creatorName, campaignName: r.campaignName, due: toIsoDay(addDays(r.postedAt, days)), to: `/posts/${r.id}` })
  }
  for (const r of untracked) {
    const label = !r.hasLink && !r.hasCode ? 'No tracked link or promo code' : !r.hasLink ? 'No tracked link' : 'No promo code'
    items.push({ kind: 'no_tracking', label, creatorId: r.creatorId, creatorName: r.creatorName, campaignName: r.campaignName, due: null, to: `/attribution` })
  }
  for (const r of rowsOf<RightsRow>(rights)) {
    for (const [end, what] of [
      [r.usage_end, 'Usage rights end'],
      [r.excl_end, 'Exclusivity ends'],
    ] as const) {
      if (end && end >= today && end <= in14) {
        items.push({ kind: 'rights_ending', label: what, creatorId: r.creator_id, creatorName: r.creator_name, campaignName: r.campaign_name, due: end, to: `/campaigns/${r.campaign_id}` })
      }
    }
  }
  // ISO days order as plain strings; localeCompare built a collator per comparison (~100 ms for the
  // bench brand's few thousand items).
  const kindTotal = (rows: { kindTotal: number }[]) => rows[0]?.kindTotal ?? 0
  const total =
    kindTotal(drafts) + kindTotal(overduePosts) + kindTotal(reviews) + kindTotal(verifications) + kindTotal(stats) + kindTotal(untracked) + items.filter((i) => i.kind === 'rights_ending').length
  return { items: items.sort((a, b) => compareCodes(a.due ?? '9999', b.due ?? '9999')), total }
}

/** postgres.js returns an array, PGlite an object with rows. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}
