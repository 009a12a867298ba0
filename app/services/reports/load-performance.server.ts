import { sql, type SQL } from 'drizzle-orm'
import { atOnIsoDay, fromIsoDay } from '#app/domain/dates.ts'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { rowsOf } from '#app/services/brands/get-at-risk.server.ts'
import { compareCodes, compareText } from '#app/domain/compare-text.ts'
import type { RawTotals } from '#app/domain/report-rollup.ts'
import { getMoneyFigures } from '#app/services/budget/get-money-figures.server.ts'
import { accountVisibleSql } from '#app/services/roster/creator-access-sql.server.ts'
import { RELATIONSHIP_OFFER_STATUSES } from '#app/domain/creator-privacy.ts'
import { loadOrderTotals } from '#app/services/attribution/order-totals.server.ts'

export interface ReportFilters {
  /** Posts published on or after this day (YYYY-MM-DD). */
  from?: string | null
  /** Posts published on or before this day; metrics are the latest snapshot taken by its end. */
  to?: string | null
  campaignId?: string | null
  platform?: string | null
  /** One creator's report (their collaborations with this brand). */
  creatorId?: string | null
}

const COUNTERS = ['impressions', 'reach', 'views', 'likes', 'comments', 'shares', 'saves', 'clicks'] as const
const counters = (alias: string) => sql.raw(COUNTERS.map((c) => `${alias}.${c}`).join(', '))

/**
 * The latest snapshot of post `p` (taken before `toEndDate` when there is one), as `l`. It is read from
 * post_metrics_latest (one row per post, kept by triggers: migration 0006); with an end date that row
 * answers whenever it was taken before the end (a period up to today), and only the posts whose latest
 * snapshot is later than the end probe metric_snapshots (post_id, captured_at) for the one before it.
 */
function latestSnapshot(toEndDate: Date | null): SQL {
  const latest = sql`left join ${schema.postMetricsLatest} pl on pl.post_id = p.id and pl.brand_id = p.brand_id`
  if (!toEndDate) return sql`${latest} left join lateral (select ${counters('pl')}) l on true`
  const end = sql`${toEndDate.toISOString()}::timestamptz`
  return sql`${latest}
      left join lateral (
        select ${counters('pl')} where pl.captured_at < ${end}
        union all
        (select ${counters('m')}
         from ${schema.metricSnapshots} m
         where pl.captured_at >= ${end} and m.post_id = p.id and m.captured_at < ${end}
         order by m.captured_at desc nulls last, m.created_at desc nulls last
         limit 1)
      ) l on true`
}

/** Raw counts for one collaboration (an accepted offer: one creator in one campaign). */
export interface CollaborationTotals extends RawTotals {
  offerId: string
  creatorId: string
  creatorName: string
  campaignId: string
  campaignName: string
  currency: string
  /** costMinor is the collaboration's share of committed (app/domain/money-figures.ts); 'fees' when it has no ledger rows. */
  costBasis: 'ledger' | 'fees'
  costByKind: Record<string, number>
  /** The campaign's attribution window (days). */
  windowDays: number
  /** Orders that count but are in a currency with no rate: per currency, kept out of revenue. */
  ordersApart: { currency: string; orders: number; netMinor: number }[]
}

const COLLAB_STATUS_LIST = ['accepted', 'active', 'completed'] as const
const COLLAB_STATUSES = sql`('accepted', 'active', 'completed')`
// loadCreatorFollowers reads only creators with a collaboration, which is a relationship with the brand
// (app/domain/creator-privacy.ts): it relies on every collaboration status being a relationship status.
if (!COLLAB_STATUS_LIST.every((s) => (RELATIONSHIP_OFFER_STATUSES as readonly string[]).includes(s))) {
  throw new Error('a collaboration status is not a relationship status: loadCreatorFollowers must test the relationship')
}
/** The report's order of collaborations before any column sort: creator name, campaign name, then id (ties). */
export const byCollaboration = (a: { creatorName: string; campaignName: string; offerId: string }, b: { creatorName: string; campaignName: string; offerId: string }): number =>
  compareText(a.creatorName, b.creatorName) || compareText(a.campaignName, b.campaignName) || compareCodes(a.offerId, b.offerId)
/** Creator and campaign rows before any column sort: by name, then id (two creators may share a name). */
export const byLabel = (a: { label: string; key: string }, b: { label: string; key: string }): number => compareText(a.label, b.label) || compareCodes(a.key, b.key)
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

export interface WeeklyPoint {
  week: string
  posts: number
  impressions: number | null
  views: number | null
}

/**
 * Everything a performance report needs, for one brand, in four set-based queries (collaborations
 * with their cost; posts with their latest snapshot, grouped both per collaboration and per publishing
 * week in one pass; link clicks; orders, app/services/attribution/order-totals.server.ts) — never one per row.
 */
export async function loadReportTotals(brandId: string, f: ReportFilters): Promise<{ collaborations: CollaborationTotals[]; weekly: WeeklyPoint[]; unassignedCost: Map<string, { currency: string; minor: number }> }> {
  const toEnd = f.to ? atOnIsoDay(f.to, 86_400_000).getTime() : null
  const toEndDate = toEnd ? new Date(toEnd) : null
  const fromDate = f.from ? fromIsoDay(f.from) : null
  const postConds: SQL[] = [sql`p.brand_id = ${brandId}`]
  if (fromDate) postConds.push(sql`p.posted_at >= ${fromDate.toISOString()}::timestamptz`)
  if (toEndDate) postConds.push(sql`p.posted_at < ${toEndDate.toISOString()}::timestamptz`)
  if (f.platform) postConds.push(sql`p.platform = ${f.platform}`)
  if (f.creatorId) postConds.push(sql`p.creator_id = ${f.creatorId}`)
  if (f.campaignId) postConds.push(sql`d.campaign_id = ${f.campaignId}`)
  const campaignCond = f.campaignId ? sql`and o.campaign_id = ${f.campaignId}` : sql``
  const creatorCond = f.creatorId ? sql`and o.creator_id = ${f.creatorId}` : sql``
  const dated = Boolean(fromDate || toEndDate || f.platform)
  const week = sql`to_char(date_trunc('week', p.posted_at at time zone 'UTC'), 'YYYY-MM-DD')`

  const [collabs, postRows, clickRows, orders, money] = await Promise.all([
    db().execute(sql`
      select o.id as offer_id, o.creator_id, cr.name as creator_name, o.campaign_id, k.name as campaign_name, o.currency, k.attribution_window_days
      from ${schema.offers} o
      join ${schema.creators} cr on cr.id = o.creator_id
      join ${schema.campaigns} k on k.id = o.campaign_id
      where o.brand_id = ${brandId} and o.status in ${COLLAB_STATUSES} ${campaignCond} ${creatorCond}`),
    db().execute(sql`
      select grouping(d.offer_id) as by_week, d.offer_id, ${week} as week, count(p.id) as posts,
             sum(l.impressions) as impressions, sum(l.reach) as reach, sum(l.views) as views, sum(l.likes) as likes,
             sum(l.comments) as comments, sum(l.shares) as shares, sum(l.saves) as saves, sum(l.clicks) as clicks
      from ${schema.posts} p
      join ${schema.deliverables} d on d.id = p.deliverable_id and d.brand_id = p.brand_id
      join ${schema.offers} o on o.id = d.offer_id and o.brand_id = p.brand_id and o.status in ${COLLAB_STATUSES}
      ${latestSnapshot(toEndDate)}
      where ${sql.join(postConds, sql` and `)}
      group by grouping sets ((d.offer_id), (${week}))`),
    db().execute(sql`
      select l.offer_id, sum(c.n) as n
      from (
        select c.link_id, count(*) as n from ${schema.linkClicks} c
        ${f.creatorId ? sql`join ${schema.trackingLinks} cl on cl.id = c.link_id join ${schema.offers} o on o.id = cl.offer_id and o.creator_id = ${f.creatorId}` : sql``}
        where c.brand_id = ${brandId}
          ${f.from ? sql`and c.day >= ${f.from}::date` : sql``} ${f.to ? sql`and c.day <= ${f.to}::date` : sql``}
        group by c.link_id
      ) c
      join ${schema.trackingLinks} l on l.id = c.link_id and l.brand_id = ${brandId}
      group by l.offer_id`),
    loadOrderTotals(brandId, { from: f.from, to: f.to, creatorId: f.creatorId, campaignId: f.campaignId }),
    // Costs only: no report figure reads an invoice (the invoices statement was 12,500 rows at 10x).
    getMoneyFigures(brandId, { campaignIds: f.campaignId ? [f.campaignId] : undefined, creatorId: f.creatorId ?? undefined, costsOnly: true }),
  ])
  const costs = new Map(money.flatMap((m) => m.collaborations.map((c) => [c.offerId, c] as const)))
  type PostAgg = Record<string, unknown> & { by_week: unknown; offer_id: string; week: string; posts: unknown }
  const postAggs = rowsOf<PostAgg>(postRows)
  const posts = new Map(postAggs.filter((r) => Number(r.by_week) === 0).map((r) => [r.offer_id, r]))
  const weekly: WeeklyPoint[] = postAggs
    .filter((r) => Number(r.by_week) === 1)
    .map((r) => ({ week: r.week, posts: Number(r.posts), impressions: num(r.impressions), views: num(r.views) }))
    .sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0))
  const clicks = new Map(rowsOf<{ offer_id: string; n: unknown }>(clickRows).map((r) => [r.offer_id, Number(r.n)]))
  const out: CollaborationTotals[] = []
  for (const c of rowsOf<{
    offer_id: string
    creator_id: string
    creator_name: string
    campaign_id: string
    campaign_name: string
    currency: string
    attribution_window_days: unknown
  }>(collabs)) {
    const p = posts.get(c.offer_id)
    if (dated && !p) continue // a period or platform filter keeps collaborations with a post in it
    const cost = costs.get(c.offer_id)
    const r = orders.get(c.offer_id)
    out.push({
      offerId: c.offer_id,
      creatorId: c.creator_id,
      creatorName: c.creator_name,
      campaignId: c.campaign_id,
      campaignName: c.campaign_name,
      currency: c.currency.trim(),
      costMinor: cost?.costMinor ?? 0,
      costBasis: cost?.ledgerRows ? 'ledger' : 'fees',
      costByKind: cost?.byKind ?? {},
      posts: p ? Number(p.posts) : 0,
      impressions: num(p?.impressions),
      reach: num(p?.reach),
      views: num(p?.views),
      likes: num(p?.likes),
      comments: num(p?.comments),
      shares: num(p?.shares),
      saves: num(p?.saves),
      postClicks: num(p?.clicks),
      linkClicks: clicks.get(c.offer_id) ?? 0,
      redemptions: r?.orders ?? 0,
      grossRevenueMinor: r?.grossMinor ?? 0,
      refundsMinor: r?.refundsMinor ?? 0,
      revenueMinor: r?.netMinor ?? 0,
      unconvertedOrders: r?.unconverted.reduce((n, u) => n + u.orders, 0) ?? 0,
      windowDays: Number(c.attribution_window_days),
      ordersApart: r?.unconverted ?? [],
    })
  }
  out.sort(byCollaboration)
  // Per campaign, committed cost that is on no committed collaboration (campaign-level costs, gifts to
  // creators who never accepted): an undated report's campaign row adds it, so it equals committed.
  const unassignedCost = new Map<string, { currency: string; minor: number }>()
  for (const m of money) {
    const onCollabs = m.collaborations.filter((c) => c.committed).reduce((s, c) => s + c.costMinor, 0)
    if (m.committedMinor !== onCollabs) unassignedCost.set(m.campaignId, { currency: m.currency, minor: m.committedMinor - onCollabs })
  }
  return { collaborations: out, weekly, unassignedCost }
}

/**
 * Latest follower count per creator with a collaboration (all their accounts, or one platform), as of `to`:
 * for tiers. The account carries its latest snapshot (migration 0006); only an account whose latest
 * snapshot is after `to` looks up the one before it.
 */
export async function loadCreatorFollowers(brandId: string, f: ReportFilters & { creatorIds?: readonly string[] }): Promise<Map<string, number>> {
  if (f.creatorIds && !f.creatorIds.length) return new Map()
  const toEndDate = f.to ? atOnIsoDay(f.to, 86_400_000) : null
  const end = toEndDate ? sql`${toEndDate.toISOString()}::timestamptz` : null
  const followers = end
    ? sql`(case when a.snapshot_at < ${end} then a.snapshot_followers else (
          select fs.followers from ${schema.followerSnapshots} fs
          where fs.social_account_id = a.id and fs.captured_at < ${end}
          order by fs.captured_at desc, fs.id desc limit 1) end)`
    : sql`a.snapshot_followers`
  // The privacy rule (accountCountsVisibleSql: the brand's own rows, the creator's own with a relationship)
  // is tested once for the set, not per account: every creator read has a collaboration with the brand, a
  // committed offer, so a relationship (checked above), and the rule reduces to accountVisibleSql. Testing it
  // per account was two subplans per account (roster_entries and offers probes), 16 buffers an account, and a
  // plan estimate over PostgreSQL's JIT thresholds at 10x (230 ms compiling of 390 ms).
  const rows = rowsOf<{ creator_id: string; followers: unknown }>(
    await db().execute(sql`
      select a.creator_id, max(${followers}) as followers
      from ${schema.socialAccounts} a
      where a.snapshot_at is not null and ${accountVisibleSql(brandId, 'a')}
        and a.creator_id in (select o.creator_id from ${schema.offers} o where o.brand_id = ${brandId} and o.status in ${COLLAB_STATUSES})
        ${f.platform ? sql`and a.platform = ${f.platform}` : sql``} ${f.creatorId ? sql`and a.creator_id = ${f.creatorId}` : sql``}
        ${f.creatorIds ? sql`and a.creator_id in ${[...f.creatorIds]}` : sql``}
      group by a.creator_id
      having max(${followers}) is not null`),
  )
  return new Map(rows.map((r) => [r.creator_id, Number(r.followers)]))
}

/**
 * The program row of a dated performance report (posts published in [from, to], brand currency), for
 * the brand home, in two statements whose cost does not grow with the brand's history: the period's days of
 * program_days (at most a year's rows) and its orders. The same sums loadReportTotals + getPerformanceReport
 * produce for `program` (posts, counters, orders and revenue of the collaborations with a post in the
 * period), without the per-collaboration rows, costs, link clicks and follower counts the home does not show
 * (tests/integration/program-summary.test.ts compares the two; program-days-drift.test.ts the summary rows).
 */
export async function loadProgramTotals(brandId: string, currency: string, f: { from: string; to: string }): Promise<RawTotals> {
  const toEndDate = atOnIsoDay(f.to, 86_400_000)
  const fromDate = fromIsoDay(f.from)
  const [postRows, orders] = await Promise.all([
    // The period's days from program_days (migration 0033: posts and latest counters per brand, day and
    // currency, kept by triggers), and a correction for the rare post whose latest snapshot was taken after the
    // period's end: the report counts the snapshot before the end for it (latestSnapshot), not the latest.
    db().execute(sql`
      with s as (
        select sum(s.posts) as posts,
               sum(s.impressions) as impressions, sum(s.impressions_n) as impressions_n,
               sum(s.reach) as reach, sum(s.reach_n) as reach_n,
               sum(s.views) as views, sum(s.views_n) as views_n,
               sum(s.likes) as likes, sum(s.likes_n) as likes_n,
               sum(s.comments) as comments, sum(s.comments_n) as comments_n,
               sum(s.shares) as shares, sum(s.shares_n) as shares_n,
               sum(s.saves) as saves, sum(s.saves_n) as saves_n,
               sum(s.clicks) as clicks, sum(s.clicks_n) as clicks_n
        from ${schema.programDays} s
        where s.brand_id = ${brandId} and s.currency = ${currency}::bpchar and s.day >= ${f.from}::date and s.day <= ${f.to}::date
      ), c as (
        select coalesce(sum(f.impressions), 0) - coalesce(sum(pl.impressions), 0) as impressions, count(f.impressions) - count(pl.impressions) as impressions_n,
               coalesce(sum(f.reach), 0) - coalesce(sum(pl.reach), 0) as reach, count(f.reach) - count(pl.reach) as reach_n,
               coalesce(sum(f.views), 0) - coalesce(sum(pl.views), 0) as views, count(f.views) - count(pl.views) as views_n,
               coalesce(sum(f.likes), 0) - coalesce(sum(pl.likes), 0) as likes, count(f.likes) - count(pl.likes) as likes_n,
               coalesce(sum(f.comments), 0) - coalesce(sum(pl.comments), 0) as comments, count(f.comments) - count(pl.comments) as comments_n,
               coalesce(sum(f.shares), 0) - coalesce(sum(pl.shares), 0) as shares, count(f.shares) - count(pl.shares) as shares_n,
               coalesce(sum(f.saves), 0) - coalesce(sum(pl.saves), 0) as saves, count(f.saves) - count(pl.saves) as saves_n,
               coalesce(sum(f.clicks), 0) - coalesce(sum(pl.clicks), 0) as clicks, count(f.clicks) - count(pl.clicks) as clicks_n
        from ${schema.postMetricsLatest} pl
        -- each latest reading's post and its collaboration, looked up per reading (laterals kept apart by
        -- limit 1): readings after the window are few, and as joins a prepared statement's generic plan,
        -- blind to the date, hashed every post of the brand (58 ms at 10x the bench data instead of 0.2)
        cross join lateral (
          select p.id from ${schema.posts} p
          join ${schema.deliverables} d on d.id = p.deliverable_id and d.brand_id = p.brand_id
          join ${schema.offers} o on o.id = d.offer_id and o.brand_id = p.brand_id
          where p.id = pl.post_id and p.brand_id = pl.brand_id
            and p.posted_at >= ${fromDate.toISOString()}::timestamptz and p.posted_at < ${toEndDate.toISOString()}::timestamptz
            and o.status in ${COLLAB_STATUSES} and o.currency = ${currency}::bpchar
          limit 1
        ) p
        left join lateral (
          select ${counters('m')} from ${schema.metricSnapshots} m
          where m.post_id = p.id and m.captured_at < ${toEndDate.toISOString()}::timestamptz
          order by m.captured_at desc nulls last, m.created_at desc nulls last
          limit 1
        ) f on true
        where pl.brand_id = ${brandId} and pl.captured_at >= ${toEndDate.toISOString()}::timestamptz
      )
      select coalesce(s.posts, 0) as posts,
           case when coalesce(s.impressions_n, 0) + coalesce(c.impressions_n, 0) > 0 then coalesce(s.impressions, 0) + coalesce(c.impressions, 0) end as impressions,
           case when coalesce(s.reach_n, 0) + coalesce(c.reach_n, 0) > 0 then coalesce(s.reach, 0) + coalesce(c.reach, 0) end as reach,
           case when coalesce(s.views_n, 0) + coalesce(c.views_n, 0) > 0 then coalesce(s.views, 0) + coalesce(c.views, 0) end as views,
           case when coalesce(s.likes_n, 0) + coalesce(c.likes_n, 0) > 0 then coalesce(s.likes, 0) + coalesce(c.likes, 0) end as likes,
           case when coalesce(s.comments_n, 0) + coalesce(c.comments_n, 0) > 0 then coalesce(s.comments, 0) + coalesce(c.comments, 0) end as comments,
           case when coalesce(s.shares_n, 0) + coalesce(c.shares_n, 0) > 0 then coalesce(s.shares, 0) + coalesce(c.shares, 0) end as shares,
           case when coalesce(s.saves_n, 0) + coalesce(c.saves_n, 0) > 0 then coalesce(s.saves, 0) + coalesce(c.saves, 0) end as saves,
           case when coalesce(s.clicks_n, 0) + coalesce(c.clicks_n, 0) > 0 then coalesce(s.clicks, 0) + coalesce(c.clicks, 0) end as clicks
      from s, c`),
    loadOrderTotals(brandId, { from: f.from, to: f.to, collaborationsPosted: { currency, from: fromDate, toEnd: toEndDate } }),
  ])
  const p = rowsOf<Record<string, unknown>>(postRows)[0] ?? {}
  let redemptions = 0
  let gross = 0
  let refunds = 0
  let net = 0
  let unconverted = 0
  for (const r of orders.values()) {
    redemptions += r.orders
    gross += r.grossMinor
    refunds += r.refundsMinor
    net += r.netMinor
    unconverted += r.unconverted.reduce((n, u) => n + u.orders, 0)
  }
  return {
    costMinor: 0,
    posts: Number(p.posts ?? 0),
    impressions: num(p.impressions),
    reach: num(p.reach),
    views: num(p.views),
    likes: num(p.likes),
    comments: num(p.comments),
    shares: num(p.shares),
    saves: num(p.saves),
    postClicks: num(p.clicks),
    linkClicks: 0,
    redemptions,
    grossRevenueMinor: gross,
    refundsMinor: refunds,
    revenueMinor: net,
    unconvertedOrders: unconverted,
  }
}
