import { asc, eq, sql, type SQL } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { rowsOf } from '#app/services/brands/get-at-risk.server.ts'
import { loadOrderTotals, type OfferOrderTotals } from '#app/services/attribution/order-totals.server.ts'
import { deriveMetrics, reportSettings, tierOf, withMetrics, type DerivedMetrics } from '#app/domain/report-metrics.ts'
import { withTotals, type RawTotals } from '#app/domain/report-rollup.ts'
import { compareText } from '#app/domain/compare-text.ts'
import { ordersMethod, DEFAULT_ATTRIBUTION_WINDOW_DAYS } from '#app/domain/orders.ts'
import { sortRows } from '#app/domain/report-columns.ts'
import { decodeKeysetCursor, keysetPageOfSorted, LIST_PAGE_SIZE, type KeysetCursor } from '#app/domain/keyset-cursor.ts'
import type { ReportQuery } from '#app/validation/report-filters.ts'
import { getPerformanceReport, type PerformanceReport, type ReportRow } from './get-performance-report.server.ts'
import { byCollaboration, byLabel, loadCreatorFollowers } from './load-performance.server.ts'

type Brand = Parameters<typeof getPerformanceReport>[0]

/** What the Reports page shows: the report's figures, one screen of the chosen grouping, and the chart. */
export interface ReportPage {
  report: Omit<PerformanceReport, 'creators' | 'collaborations' | 'campaigns'>
  rows: ReportRow[]
  offset: number
  nextCursor: string | null
  prevCursor: string | null
  totalRows: number
  chart: { label: string; cost: number; emv: number | null }[]
  creatorCount: number
  creatorLabel: string | null
}

/**
 * Sorts the kept rows answer for (the columns report_collab sums; derived figures, orders, tiers are computed
 * per row and need every row). With no period, platform or tier filter and one of these sorts, the page reads
 * report_collab (migration 0040) and sends one screen; otherwise it computes the whole report.
 */
export const KEPT_SORTS = ['label', 'costMinor', 'posts', 'impressions', 'reach', 'views', 'linkClicks'] as const
export const readsKeptTotals = (q: Pick<ReportQuery, 'from' | 'to' | 'platform' | 'tier' | 'all' | 'sort'>): boolean =>
  !q.from && !q.to && !q.platform && !q.tier && !q.all && (KEPT_SORTS as readonly string[]).includes(q.sort)

const listOf = (q: Pick<ReportQuery, 'view' | 'sort' | 'dir'>) => `report:${q.view.slice(0, 4)}:${q.sort}:${q.dir}`
const keyOf = (sort: string) => (r: Record<string, unknown>) => ({ v: [String(r[sort] ?? '').slice(0, 80)], id: r.key as string })

/**
 * The Reports page for one brand and query. Two ways to the same figures: from report_collab (kept totals,
 * one screen of rows, SQL statements that do not grow with the program) when readsKeptTotals(q), else the whole
 * report computed from the facts (getPerformanceReport). tests/integration/report-page.test.ts proves the two equal.
 */
export async function getReportPage(brand: Brand, q: ReportQuery, rawCursor: string | undefined, opts: { kept?: boolean } = {}): Promise<ReportPage> {
  const list = listOf(q)
  const cursor = decodeKeysetCursor(rawCursor, list, ['text'])
  return (opts.kept ?? readsKeptTotals(q)) ? keptPage(brand, q, cursor, list) : wholePage(brand, q, cursor, list)
}

async function wholePage(brand: Brand, q: ReportQuery, cursor: KeysetCursor | null, list: string): Promise<ReportPage> {
  const full = await getPerformanceReport(brand, { from: q.from, to: q.to, campaignId: q.campaign, creatorId: q.creator, platform: q.platform, tier: q.tier })
  // Only what the page shows goes to the browser: the rows of the chosen grouping, sorted, one screen of
  // them (LIST_PAGE_SIZE, Next/Previous from a cursor on the boundary row) unless asked for all (the CSV
  // export always has every row), and the chart's top creators by cost. The figures at the top and the
  // table's Total row are of the whole report, not of the page.
  const all = sortRows(full[q.view] as unknown as Record<string, unknown>[], q.sort, q.dir) as unknown as ReportRow[]
  const page = q.all ? { rows: all, offset: 0, nextCursor: null, prevCursor: null } : keysetPageOfSorted(all, LIST_PAGE_SIZE, cursor, list, keyOf(q.sort) as unknown as (r: ReportRow) => { v: string[]; id: string })
  const chart = [...full.creators].sort((a, b) => b.costMinor - a.costMinor).slice(0, 12).map((r) => ({ label: r.label, cost: r.costMinor, emv: r.emv }))
  const { creators, collaborations: _c, campaigns: _k, ...report } = full
  return { report, rows: page.rows, offset: page.offset, nextCursor: page.nextCursor, prevCursor: page.prevCursor, totalRows: all.length, chart, creatorCount: creators.length, creatorLabel: q.creator ? (creators[0]?.label ?? null) : null }
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))
/** report_collab's sums for a group of rows (SQL sums of bigints are exact; a counter nobody reported stays null). */
const SUMS = sql.raw(`count(*) as n, sum(rc.cost_minor) as cost, sum(rc.posts) as posts,
  sum(rc.impressions) as impressions, sum(rc.reach) as reach, sum(rc.views) as views, sum(rc.likes) as likes,
  sum(rc.comments) as comments, sum(rc.shares) as shares, sum(rc.saves) as saves, sum(rc.clicks) as clicks,
  sum(rc.link_clicks) as link_clicks, count(*) filter (where rc.ledger_rows > 0) as ledger`)
/** The value each kept sort orders by, per group (named as the report row's field). */
const SORT_SUM: Record<string, string> = { posts: 'sum(rc.posts)', impressions: 'sum(rc.impressions)', reach: 'sum(rc.reach)', views: 'sum(rc.views)', linkClicks: 'sum(rc.link_clicks)' }
const SORT_ONE: Record<string, string> = { posts: 'rc.posts', impressions: 'rc.impressions', reach: 'rc.reach', views: 'rc.views', linkClicks: 'rc.link_clicks' }

type Sums = { n: unknown; cost: unknown; posts: unknown; impressions: unknown; reach: unknown; views: unknown; likes: unknown; comments: unknown; shares: unknown; saves: unknown; clicks: unknown; link_clicks: unknown; ledger: unknown }
type OrderSums = { orders: number; gross: number; refunds: number; net: number; unconverted: number }
const NO_ORDERS: OrderSums = { orders: 0, gross: 0, refunds: 0, net: 0, unconverted: 0 }

function totalsOf(s: Sums, o: OrderSums, extraCost = 0): RawTotals {
  return {
    costMinor: Number(s.cost ?? 0) + extraCost,
    posts: Number(s.posts ?? 0),
    impressions: num(s.impressions),
    reach: num(s.reach),
    views: num(s.views),
    likes: num(s.likes),
    comments: num(s.comments),
    shares: num(s.shares),
    saves: num(s.saves),
    postClicks: num(s.clicks),
    linkClicks: Number(s.link_clicks ?? 0),
    redemptions: o.orders,
    grossRevenueMinor: o.gross,
    refundsMinor: o.refunds,
    revenueMinor: o.net,
    unconvertedOrders: o.unconverted,
  }
}
/** 'ledger' when every collaboration of the group has ledger rows, 'fees' when none has, else 'mixed' (as basis()). */
const basisOf = (s: Sums): ReportRow['costBasis'] => (Number(s.ledger) === 0 ? 'fees' : Number(s.ledger) === Number(s.n) ? 'ledger' : 'mixed')

async function keptPage(brand: Brand, q: ReportQuery, cursor: KeysetCursor | null, list: string): Promise<ReportPage> {
  const settings = reportSettings(brand.settings)
  const cur = sql`${brand.currency}::bpchar`
  const scope: SQL[] = [sql`rc.brand_id = ${brand.id}`]
  if (q.campaign) scope.push(sql`rc.campaign_id = ${q.campaign}`)
  if (q.creator) scope.push(sql`rc.creator_id = ${q.creator}`)
  const where = sql.join(scope, sql` and `)
  const sortCol = (by: Record<string, string>) => (q.sort === 'label' || q.sort === 'costMinor' ? sql`` : sql`, ${sql.raw(by[q.sort]!)} as v`)
  // An undated report of whole campaigns costs each campaign its committed amount: the collaborations' costs
  // plus what is on no collaboration (campaign-level costs, gifts to creators who did not accept; campaign_money).
  const whole = !q.creator
  const finish = <T extends RawTotals & { followers?: number | null }>(t: T): T & DerivedMetrics => withMetrics(t, deriveMetrics(t, settings, brand.currency))

  const [creatorList, collabList, programRows, extraRows, orders, weekly, campaignOptions] = await Promise.all([
    // every creator of the report: id, name, cost and the sort's value (the chart, the count, the order)
    db().execute(sql`
      select rc.creator_id as key, cr.name as label, sum(rc.cost_minor) as cost ${sortCol(SORT_SUM)}
      from ${schema.reportCollab} rc join ${schema.creators} cr on cr.id = rc.creator_id
      where ${where} and rc.currency = ${cur}
      group by rc.creator_id, cr.name`),
    q.view === 'collaborations'
      ? db().execute(sql`
          select rc.offer_id as key, cr.name as label, k.name as sublabel, rc.cost_minor as cost ${sortCol(SORT_ONE)}
          from ${schema.reportCollab} rc join ${schema.creators} cr on cr.id = rc.creator_id join ${schema.campaigns} k on k.id = rc.campaign_id
          where ${where} and rc.currency = ${cur}`)
      : Promise.resolve(null),
    db().execute(sql`
      select ${SUMS}, array_agg(distinct k.attribution_window_days) as windows,
        (select count(*) from ${schema.reportCollab} rc where ${where} and rc.currency <> ${cur}) as other
      from ${schema.reportCollab} rc join ${schema.campaigns} k on k.id = rc.campaign_id
      where ${where} and rc.currency = ${cur}`),
    whole
      ? db().execute(sql`
          select m.campaign_id, trim(m.currency) as currency,
            m.committed_minor - (select coalesce(sum(x.cost_minor), 0) from ${schema.reportCollab} x where x.campaign_id = m.campaign_id) as extra
          from ${schema.campaignMoney} m
          where m.campaign_id in (select rc.campaign_id from ${schema.reportCollab} rc where ${where} and rc.currency = ${cur})`)
      : Promise.resolve(null),
    loadOrderTotals(brand.id, { campaignId: q.campaign, creatorId: q.creator, collaborationsOnly: true }),
    loadWeekly(brand.id, q),
    db().select({ id: schema.campaigns.id, name: schema.campaigns.name }).from(schema.campaigns).where(eq(schema.campaigns.brandId, brand.id)).orderBy(asc(schema.campaigns.name)),
  ])

  // Orders of the report's collaborations (in the brand's currency), per creator, campaign and collaboration.
  const inCurrency: OfferOrderTotals[] = [...orders.values()].filter((o) => o.currency === brand.currency.trim())
  const ordersBy = (key: (o: OfferOrderTotals) => string) => {
    const m = new Map<string, OrderSums>()
    for (const o of inCurrency) {
      const k = key(o)
      const t = m.get(k) ?? { ...NO_ORDERS }
      t.orders += o.orders
      t.gross += o.grossMinor
      t.refunds += o.refundsMinor
      t.net += o.netMinor
      t.unconverted += o.unconverted.reduce((n, u) => n + u.orders, 0)
      m.set(k, t)
    }
    return m
  }
  const extra = new Map<string, number>()
  for (const r of rowsOf<{ campaign_id: string; currency: string; extra: unknown }>(extraRows ?? [])) {
    if (r.currency === brand.currency.trim() && Number(r.extra) !== 0) extra.set(r.campaign_id, Number(r.extra))
  }

  // The creators in the report's order (name, then the sort), as the whole report sorts them.
  type Listed = { key: string; label: string; sublabel?: string | null; costMinor: number; [k: string]: unknown }
  const listed = (rows: unknown, sublabel: boolean): Listed[] =>
    rowsOf<Record<string, unknown>>(rows).map((r) => {
      const o: Listed = { key: r.key as string, label: r.label as string, costMinor: Number(r.cost) }
      if (sublabel) o.sublabel = r.sublabel as string
      if (q.sort !== 'label' && q.sort !== 'costMinor') o[q.sort] = num(r.v)
      return o
    })
  const creators = listed(creatorList, false).sort(byLabel)
  const chartKeys = [...creators].sort((a, b) => b.costMinor - a.costMinor).slice(0, 12)

  let all: Listed[]
  let campaignRows: ReportRow[] | null = null
  if (q.view === 'campaigns') {
    // few: every campaign's row is built (its cost includes what is on no collaboration)
    const byCampaign = ordersBy((o) => o.campaignId)
    const rows = rowsOf<Sums & { key: string; label: string }>(
      await db().execute(sql`
        select rc.campaign_id as key, k.name as label, ${SUMS}
        from ${schema.reportCollab} rc join ${schema.campaigns} k on k.id = rc.campaign_id
        where ${where} and rc.currency = ${cur}
        group by rc.campaign_id, k.name`),
    )
    campaignRows = rows
      .map((g) => finish(withTotals({ key: g.key, label: g.label, sublabel: null as string | null, creatorId: null as string | null, followers: null as number | null, tier: null as string | null, collaborations: Number(g.n), costBasis: basisOf(g) }, totalsOf(g, byCampaign.get(g.key) ?? NO_ORDERS, extra.get(g.key) ?? 0))))
      .sort(byLabel)
    all = campaignRows as unknown as Listed[]
  } else if (q.view === 'collaborations') {
    all = listed(collabList, true).sort((a, b) => byCollaboration({ creatorName: a.label, campaignName: a.sublabel ?? '', offerId: a.key }, { creatorName: b.label, campaignName: b.sublabel ?? '', offerId: b.key }))
  } else {
    all = creators
  }
  const sorted = sortRows(all, q.sort, q.dir)
  const page = keysetPageOfSorted(sorted, LIST_PAGE_SIZE, cursor, list, keyOf(q.sort))

  // The screen's rows (and the chart's creators), built in full: totals, orders, followers, derived figures.
  const pageKeys = page.rows.map((r) => r.key)
  const creatorKeys = [...new Set([...(q.view === 'creators' ? pageKeys : []), ...chartKeys.map((c) => c.key)])]
  const [creatorWide, collabWide] = await Promise.all([
    creatorKeys.length
      ? db().execute(sql`
          select rc.creator_id as key, cr.name as label, ${SUMS}
          from ${schema.reportCollab} rc join ${schema.creators} cr on cr.id = rc.creator_id
          where ${where} and rc.currency = ${cur} and rc.creator_id in ${creatorKeys}
          group by rc.creator_id, cr.name`)
      : Promise.resolve([]),
    q.view === 'collaborations' && pageKeys.length
      ? db().execute(sql`
          select rc.offer_id as key, rc.creator_id, cr.name as label, k.name as sublabel, ${SUMS}
          from ${schema.reportCollab} rc join ${schema.creators} cr on cr.id = rc.creator_id join ${schema.campaigns} k on k.id = rc.campaign_id
          where ${where} and rc.currency = ${cur} and rc.offer_id in ${pageKeys}
          group by rc.offer_id, rc.creator_id, cr.name, k.name`)
      : Promise.resolve([]),
  ])
  const collabWideRows = rowsOf<Sums & { key: string; creator_id: string; label: string; sublabel: string }>(collabWide)
  const followerIds = q.view === 'campaigns' ? [] : [...new Set(q.view === 'creators' ? pageKeys : collabWideRows.map((r) => r.creator_id))]
  const followers = await loadCreatorFollowers(brand.id, { creatorId: q.creator, creatorIds: followerIds })
  const byCreator = ordersBy((o) => o.creatorId)
  const creatorRow = new Map(
    rowsOf<Sums & { key: string; label: string }>(creatorWide).map((g) => {
      const f = followers.get(g.key) ?? null
      const row = finish(withTotals({ key: g.key, label: g.label, sublabel: null as string | null, creatorId: g.key as string | null, followers: f, tier: tierOf(f), collaborations: Number(g.n), costBasis: basisOf(g) }, totalsOf(g, byCreator.get(g.key) ?? NO_ORDERS)))
      return [g.key, row] as const
    }),
  )
  let rows: ReportRow[]
  if (q.view === 'creators') rows = pageKeys.map((k) => creatorRow.get(k)!)
  else if (q.view === 'campaigns') rows = page.rows as unknown as ReportRow[]
  else {
    const byOffer = ordersBy((o) => o.offerId)
    const built = new Map(
      collabWideRows.map((g) => {
        const f = followers.get(g.creator_id) ?? null
        return [g.key, finish(withTotals({ key: g.key, label: g.label, sublabel: g.sublabel as string | null, creatorId: g.creator_id as string | null, followers: f, tier: tierOf(f), collaborations: 1, costBasis: (Number(g.ledger) > 0 ? 'ledger' : 'fees') as ReportRow['costBasis'] }, totalsOf(g, byOffer.get(g.key) ?? NO_ORDERS)))] as const
      }),
    )
    rows = pageKeys.map((k) => built.get(k)!)
  }
  // A creator, campaign or collaboration that left between the two reads (a second tab cancelled it): dropped.
  rows = rows.filter(Boolean)

  const p = rowsOf<Sums & { other: unknown; windows: unknown }>(programRows)[0]!
  const programOrders = ordersBy(() => 'all').get('all') ?? NO_ORDERS
  const programExtra = [...extra.values()].reduce((s, v) => s + v, 0)
  const program: ReportRow = finish(
    withTotals({ key: 'program', label: 'Program', sublabel: null as string | null, creatorId: null as string | null, followers: null as number | null, tier: null as string | null, collaborations: Number(p.n), costBasis: basisOf(p) }, totalsOf(p, programOrders, programExtra)),
  )
  const windows = windowsFrom(p.windows)
  const apart = new Map<string, { currency: string; orders: number; netMinor: number }>()
  for (const o of inCurrency) {
    for (const a of o.unconverted) {
      const t = apart.get(a.currency) ?? { currency: a.currency, orders: 0, netMinor: 0 }
      t.orders += a.orders
      t.netMinor += a.netMinor
      apart.set(a.currency, t)
    }
  }
  const chartRows = chartKeys.map((c) => creatorRow.get(c.key)).filter((r): r is ReportRow => Boolean(r))
  return {
    report: {
      filters: { from: q.from, to: q.to, campaignId: q.campaign, creatorId: q.creator, platform: q.platform, tier: null },
      settings,
      currency: brand.currency,
      program,
      campaignOptions,
      otherCurrency: Number(p.other),
      ordersApart: [...apart.values()].sort((a, b) => compareText(a.currency, b.currency)),
      ordersMethod: ordersMethod(windows),
      weekly,
    },
    rows,
    offset: page.offset,
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    totalRows: sorted.length,
    chart: chartRows.map((r) => ({ label: r.label, cost: r.costMinor, emv: r.emv })),
    creatorCount: creators.length,
    creatorLabel: q.creator ? (creators[0]?.label ?? null) : null,
  }
}

function windowsFrom(v: unknown): number | 'per campaign' {
  const list = (Array.isArray(v) ? v : typeof v === 'string' ? v.replace(/[{}]/g, '').split(',').filter(Boolean) : []).map(Number)
  return list.length === 1 ? list[0]! : list.length === 0 ? DEFAULT_ATTRIBUTION_WINDOW_DAYS : 'per campaign'
}

/**
 * Posts and their impressions and views by publishing week (UTC, weeks from Monday), of the report's
 * collaborations in every currency: from program_days (migration 0033, per brand and day) for the whole
 * program, from the posts of one campaign or creator otherwise.
 */
async function loadWeekly(brandId: string, q: Pick<ReportQuery, 'campaign' | 'creator'>): Promise<PerformanceReport['weekly']> {
  const rows = rowsOf<{ week: string; posts: unknown; impressions: unknown; views: unknown }>(
    q.campaign || q.creator
      ? await db().execute(sql`
          select to_char(date_trunc('week', p.posted_at at time zone 'UTC'), 'YYYY-MM-DD') as week, count(p.id) as posts, sum(pl.impressions) as impressions, sum(pl.views) as views
          from ${schema.posts} p
          join ${schema.deliverables} d on d.id = p.deliverable_id and d.brand_id = p.brand_id
          join ${schema.offers} o on o.id = d.offer_id and o.brand_id = p.brand_id and o.status in ('accepted', 'active', 'completed')
          left join ${schema.postMetricsLatest} pl on pl.post_id = p.id and pl.brand_id = p.brand_id
          where p.brand_id = ${brandId} ${q.campaign ? sql`and d.campaign_id = ${q.campaign}` : sql``} ${q.creator ? sql`and p.creator_id = ${q.creator}` : sql``}
          group by 1`)
      : await db().execute(sql`
          select to_char(date_trunc('week', s.day::timestamp), 'YYYY-MM-DD') as week, sum(s.posts) as posts, sum(s.impressions) as impressions, sum(s.views) as views
          from ${schema.programDays} s where s.brand_id = ${brandId}
          group by 1`),
  )
  return rows.map((r) => ({ week: r.week, posts: Number(r.posts), impressions: num(r.impressions), views: num(r.views) })).sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0))
}
