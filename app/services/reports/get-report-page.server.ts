import { sql, type SQL } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { rowsOf } from '#app/services/brands/get-at-risk.server.ts'
import { loadOrderTotals, type OfferOrderTotals } from '#app/services/attribution/order-totals.server.ts'
import { deriveMetrics, reportSettings, tierOf, withMetrics, type DerivedMetrics } from '#app/domain/report-metrics.ts'
import { withTotals, type RawTotals } from '#app/domain/report-rollup.ts'
import { ordersMethod, DEFAULT_ATTRIBUTION_WINDOW_DAYS } from '#app/domain/orders.ts'
import { sortRows } from '#app/domain/report-columns.ts'
import { decodeKeysetCursor, encodeKeysetCursor, keysetPageOfSorted, LIST_PAGE_SIZE, type KeysetCursor } from '#app/domain/keyset-cursor.ts'
import type { ReportQuery } from '#app/validation/report-filters.ts'
import { getPerformanceReport, ordersApartOf, type PerformanceReport, type ReportRow } from './get-performance-report.server.ts'
import { byCollaboration, byLabel, loadCreatorFollowers } from './load-performance.server.ts'
import { listCampaignChoices } from '#app/services/campaigns/campaign-choices.server.ts'

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
/** The summed columns of a group (report_creator, report_campaign, or report_collab rows summed). */
const GROUP_COLS = 'n, ledger, cost_minor, posts, impressions, reach, views, likes, comments, shares, saves, clicks, link_clicks'
const SUMMED = `count(*) as n, count(*) filter (where rc.ledger_rows > 0) as ledger, sum(rc.cost_minor) as cost_minor, sum(rc.posts) as posts,
  sum(rc.impressions) as impressions, sum(rc.reach) as reach, sum(rc.views) as views, sum(rc.likes) as likes, sum(rc.comments) as comments,
  sum(rc.shares) as shares, sum(rc.saves) as saves, sum(rc.clicks) as clicks, sum(rc.link_clicks) as link_clicks`
/** The column each kept sort orders by (named as in the group columns). */
const NULLABLE = new Set(['impressions', 'reach', 'views'])
const SORT_COL: Record<string, string> = { costMinor: 'cost_minor', posts: 'posts', impressions: 'impressions', reach: 'reach', views: 'views', linkClicks: 'link_clicks' }

type Sums = { n: unknown; ledger: unknown; cost_minor: unknown; posts: unknown; impressions: unknown; reach: unknown; views: unknown; likes: unknown; comments: unknown; shares: unknown; saves: unknown; clicks: unknown; link_clicks: unknown }
type OrderSums = { orders: number; gross: number; refunds: number; net: number; unconverted: number }
const NO_ORDERS: OrderSums = { orders: 0, gross: 0, refunds: 0, net: 0, unconverted: 0 }

function totalsOf(s: Sums, o: OrderSums, extraCost = 0): RawTotals {
  return {
    costMinor: Number(s.cost_minor ?? 0) + extraCost,
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

type Grouped = Sums & { key: string; label: string; sublabel?: string; creator_id?: string }

/**
 * One screen of `source` (a query of groups: key, label, sublabel, the group columns) in the report's order —
 * the sort column with missing values last, ties in the grouping's name order (`base`) — as keysetPageOfSorted
 * would cut it from the whole sorted list, without reading the whole list: the rows tied with the cursor's
 * boundary row and the next (or previous) LIST_PAGE_SIZE + 1 rows with their ties come from the database in the
 * sort's order (an index range for cost), the ties are put in name order here, and the offset is a count.
 */
async function screen(o: { source: SQL; count: Promise<unknown>; sort: string; dir: 'asc' | 'desc'; cursor: KeysetCursor | null; list: string; base: (a: Grouped, b: Grouped) => number; size?: number }): Promise<{ rows: Grouped[]; offset: number; total: number; nextCursor: string | null; prevCursor: string | null }> {
  const size = o.size ?? LIST_PAGE_SIZE
  const col = sql.raw(`s.${SORT_COL[o.sort]!}`)
  // a column that is never null orders by itself (an index range for cost); the others put missing values last
  const nullsLast = NULLABLE.has(o.sort) ? sql`${col} is null, ` : sql``
  const nullsFirst = NULLABLE.has(o.sort) ? sql`${col} is not null, ` : sql``
  const n = sql.raw(String(size + 1))
  const fwd = o.dir === 'desc' ? sql.raw('desc') : sql.raw('asc')
  const rev = o.dir === 'desc' ? sql.raw('asc') : sql.raw('desc')
  /** Rows sorting strictly before value x (missing values last). */
  const before = (x: string | null) => (x === null ? sql`${col} is not null` : o.dir === 'desc' ? sql`${col} > ${x}::numeric` : sql`${col} < ${x}::numeric`)
  const after = (x: string | null) => (x === null ? sql`false` : o.dir === 'desc' ? sql`(${col} < ${x}::numeric or ${col} is null)` : sql`(${col} > ${x}::numeric or ${col} is null)`)
  const tied = (x: string | null) => (x === null ? sql`${col} is null` : sql`${col} = ${x}::numeric`)
  const src = sql`(${o.source}) s`
  const [boundary] = o.cursor ? rowsOf<{ v: unknown }>(await db().execute(sql`select ${col}::text as v from ${src} where s.key = ${o.cursor.id}`)) : []
  const first = () => db().execute(sql`select * from ${src} order by ${nullsLast}${col} ${fwd} fetch first ${n} rows with ties`)
  const v = boundary ? (boundary.v === null ? null : String(boundary.v)) : undefined
  const [fetched, totalRows, beforeRows] = await Promise.all([
    v === undefined
      ? first()
      : o.cursor!.d === 'next'
        ? db().execute(sql`select * from ${src} where ${tied(v)} union all (select * from ${src} where ${after(v)} order by ${nullsLast}${col} ${fwd} fetch first ${n} rows with ties)`)
        : db().execute(sql`select * from ${src} where ${tied(v)} union all (select * from ${src} where ${before(v)} order by ${nullsFirst}${col} ${rev} fetch first ${n} rows with ties)`),
    o.count,
    v === undefined ? Promise.resolve(null) : o.cursor!.d === 'next' ? db().execute(sql`select count(*) as n from ${src} where ${before(v)}`) : Promise.resolve(null),
  ])
  const total = Number(rowsOf<{ n: unknown }>(totalRows)[0]!.n)
  const value = (r: Grouped) => num(r[SORT_COL[o.sort]! as keyof Sums])
  // the fetched rows in the page's order: the sort (missing last, stable), ties by name
  const sign = o.dir === 'asc' ? 1 : -1
  const order = (a: Grouped, b: Grouped) => {
    const x = value(a)
    const y = value(b)
    if (x === null || y === null) return x === null ? (y === null ? o.base(a, b) : 1) : -1
    return (x - y) * sign || o.base(a, b)
  }
  const t = rowsOf<Grouped>(fetched).sort(order)
  // the global index of t[0]: every row before the first fetched value (the fetched rows are whole tie groups)
  let offsetT = 0
  if (v !== undefined && o.cursor!.d === 'next') offsetT = Number(rowsOf<{ n: unknown }>(beforeRows!)[0]!.n)
  else if (v !== undefined) {
    // the first fetched row's value, as the database wrote it (exact), or null
    const lowest = t.length ? t[0]![SORT_COL[o.sort]! as keyof Sums] : undefined
    offsetT = t.length ? Number(rowsOf<{ n: unknown }>(await db().execute(sql`select count(*) as n from ${src} where ${before(lowest === null || lowest === undefined ? null : String(lowest))}`))[0]!.n) : 0
  }
  const at = v === undefined ? -1 : t.findIndex((r) => r.key === o.cursor!.id)
  let start = 0
  let end = size
  if (at >= 0) {
    const g = offsetT + at
    ;[start, end] = o.cursor!.d === 'next' ? [g + 1, g + 1 + size] : g - size >= 0 ? [g - size, g] : [0, size]
  }
  if (start >= end || start >= total) [start, end] = [0, size]
  // the rows [start, end) from what was fetched when it covers them, else (the first page after a cursor whose
  // boundary is gone, or with fewer than a page before it) from the top
  let fromT = t
  let off = offsetT
  const stop = Math.min(end, total)
  if (!(start >= off && stop <= off + fromT.length)) {
    fromT = rowsOf<Grouped>(await first()).sort(order)
    off = 0
  }
  const rows = fromT.slice(start - off, stop - off)
  const keyOfRow = (r: Grouped) => ({ v: [String(value(r) ?? '').slice(0, 80)], id: r.key })
  const last = rows[rows.length - 1]
  const head = rows[0]
  return {
    rows,
    offset: start,
    total,
    nextCursor: start + rows.length < total && last ? encodeKeysetCursor({ list: o.list, ...keyOfRow(last), d: 'next' }) : null,
    prevCursor: start > 0 && head ? encodeKeysetCursor({ list: o.list, ...keyOfRow(head), d: 'prev' }) : null,
  }
}

async function keptPage(brand: Brand, q: ReportQuery, cursor: KeysetCursor | null, list: string): Promise<ReportPage> {
  const settings = reportSettings(brand.settings)
  const cur = sql`${brand.currency}::bpchar`
  const scope: SQL[] = [sql`rc.brand_id = ${brand.id}`]
  if (q.campaign) scope.push(sql`rc.campaign_id = ${q.campaign}`)
  if (q.creator) scope.push(sql`rc.creator_id = ${q.creator}`)
  const where = sql.join(scope, sql` and `)
  const summed = sql.raw(SUMMED)
  const groupCols = sql.raw(GROUP_COLS.split(', ').map((c) => `g.${c}`).join(', '))
  // The groups, read from the kept sums when the report is the whole program, else summed from its collaborations.
  const creatorsCount = q.campaign || q.creator
    ? sql`select count(distinct rc.creator_id) as n from ${schema.reportCollab} rc where ${where} and rc.currency = ${cur}`
    : sql`select count(*) as n from ${schema.reportCreator} g where g.brand_id = ${brand.id} and g.currency = ${cur}`
  // read once: the chart's count and the per-creator screen's
  const creatorTotal = Promise.resolve(db().execute(creatorsCount))
  const creatorsSource = q.campaign || q.creator
    ? sql`select rc.creator_id as key, cr.name as label, ${summed} from ${schema.reportCollab} rc join ${schema.creators} cr on cr.id = rc.creator_id where ${where} and rc.currency = ${cur} group by rc.creator_id, cr.name`
    : sql`select g.creator_id as key, cr.name as label, ${groupCols} from ${schema.reportCreator} g join ${schema.creators} cr on cr.id = g.creator_id where g.brand_id = ${brand.id} and g.currency = ${cur}`
  const campaignGroups = (currency: SQL | null) =>
    q.creator
      ? sql`select rc.campaign_id as key, rc.currency, ${summed} from ${schema.reportCollab} rc where ${where} ${currency ? sql`and rc.currency = ${currency}` : sql``} group by rc.campaign_id, rc.currency`
      : sql`select g.campaign_id as key, g.currency, ${groupCols} from ${schema.reportCampaign} g where g.brand_id = ${brand.id} ${q.campaign ? sql`and g.campaign_id = ${q.campaign}` : sql``} ${currency ? sql`and g.currency = ${currency}` : sql``}`
  // An undated report of whole campaigns costs each campaign its committed amount: the collaborations' costs
  // plus what is on no collaboration (campaign-level costs, gifts to creators who did not accept; campaign_money).
  const whole = !q.creator
  const finish = <T extends RawTotals & { followers?: number | null }>(t: T): T & DerivedMetrics => withMetrics(t, deriveMetrics(t, settings, brand.currency))

  const [programRows, campaignRowsRaw, extraRows, orders, weekly, campaignOptions, chartScreen, nameList] = await Promise.all([
    // the program: its campaigns' sums (every campaign of the brand, or the one filtered), the other currencies' count, the attribution windows
    db().execute(sql`
      select coalesce(sum(c.n), 0) as n, coalesce(sum(c.ledger), 0) as ledger, coalesce(sum(c.cost_minor), 0) as cost_minor, coalesce(sum(c.posts), 0) as posts,
        sum(c.impressions) as impressions, sum(c.reach) as reach, sum(c.views) as views, sum(c.likes) as likes, sum(c.comments) as comments,
        sum(c.shares) as shares, sum(c.saves) as saves, sum(c.clicks) as clicks, coalesce(sum(c.link_clicks), 0) as link_clicks,
        array_agg(distinct k.attribution_window_days) filter (where c.key is not null) as windows,
        (select coalesce(sum(x.n), 0) from (${campaignGroups(null)}) x where x.currency <> ${cur}) as other
      from (${campaignGroups(cur)}) c join ${schema.campaigns} k on k.id = c.key and k.brand_id = ${brand.id}`),
    q.view === 'campaigns' ? db().execute(sql`select c.*, k.name as label from (${campaignGroups(cur)}) c join ${schema.campaigns} k on k.id = c.key`) : Promise.resolve(null),
    // (per campaign for the campaigns view; else only their sum, the program's: one row whatever the campaign count)
    whole
      ? db().execute(sql`
          with x as (
            select g.campaign_id, sum(g.cost_minor) as cost, bool_or(g.currency = ${cur}) as reported
            from ${schema.reportCampaign} g where g.brand_id = ${brand.id} ${q.campaign ? sql`and g.campaign_id = ${q.campaign}` : sql``} group by g.campaign_id),
          e as (
            select m.campaign_id, trim(m.currency) as currency, m.committed_minor - x.cost as extra
            from x join ${schema.campaignMoney} m on m.campaign_id = x.campaign_id
            where m.brand_id = ${brand.id} and x.reported ${q.view === 'campaigns' ? sql`` : sql`and m.currency = ${cur}`})
          ${q.view === 'campaigns' ? sql`select * from e` : sql`select 'program' as campaign_id, ${brand.currency.trim()} as currency, coalesce(sum(e.extra), 0) as extra from e`}`)
      : Promise.resolve(null),
    loadOrderTotals(brand.id, { campaignId: q.campaign, creatorId: q.creator, collaborationsOnly: true }),
    loadWeekly(brand.id, q),
    listCampaignChoices(brand.id, { selected: q.campaign }),
    // the chart: the twelve creators who cost most (ties by name), and how many creators there are
    screen({ source: creatorsSource, count: creatorTotal, sort: 'costMinor', dir: 'desc', cursor: null, list, base: byLabel, size: 12 }),
    // sorted by name: every row's name (the one order the database cannot give as compareText does)
    q.sort === 'label' && q.view !== 'campaigns'
      ? db().execute(q.view === 'creators' ? sql`select s.key, s.label from (${creatorsSource}) s` : sql`select rc.offer_id as key, cr.name as label, k.name as sublabel from ${schema.reportCollab} rc join ${schema.creators} cr on cr.id = rc.creator_id join ${schema.campaigns} k on k.id = rc.campaign_id where ${where} and rc.currency = ${cur}`)
      : Promise.resolve(null),
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
  const collabBase = (a: Grouped, b: Grouped) => byCollaboration({ creatorName: a.label, campaignName: a.sublabel ?? '', offerId: a.key }, { creatorName: b.label, campaignName: b.sublabel ?? '', offerId: b.key })

  // The screen of the chosen grouping.
  let page: { rows: Grouped[] | ReportRow[]; offset: number; total: number; nextCursor: string | null; prevCursor: string | null }
  if (q.view === 'campaigns') {
    // few: every campaign's row is built (its cost includes what is on no collaboration), sorted as the whole report sorts them
    const byCampaign = ordersBy((o) => o.campaignId)
    const built = rowsOf<Grouped>(campaignRowsRaw!)
      .map((g) => finish(withTotals({ key: g.key, label: g.label, sublabel: null as string | null, creatorId: null as string | null, followers: null as number | null, tier: null as string | null, collaborations: Number(g.n), costBasis: basisOf(g) }, totalsOf(g, byCampaign.get(g.key) ?? NO_ORDERS, extra.get(g.key) ?? 0))))
      .sort(byLabel)
    const sorted = sortRows(built as unknown as Record<string, unknown>[], q.sort, q.dir) as unknown as ReportRow[]
    page = { ...keysetPageOfSorted(sorted, LIST_PAGE_SIZE, cursor, list, keyOf(q.sort) as unknown as (r: ReportRow) => { v: string[]; id: string }), total: sorted.length }
  } else if (q.sort === 'label') {
    const names = rowsOf<Grouped>(nameList!).sort(q.view === 'creators' ? byLabel : collabBase)
    const sorted = sortRows(names as unknown as Record<string, unknown>[], 'label', q.dir) as unknown as Grouped[]
    page = { ...keysetPageOfSorted(sorted, LIST_PAGE_SIZE, cursor, list, (r) => ({ v: [r.label.slice(0, 80)], id: r.key })), total: sorted.length }
  } else if (q.view === 'creators') {
    page = await screen({ source: creatorsSource, count: creatorTotal, sort: q.sort, dir: q.dir, cursor, list, base: byLabel })
  } else {
    page = await screen({
      source: sql`select rc.offer_id as key, cr.name as label, k.name as sublabel, rc.creator_id, 1 as n, (case when rc.ledger_rows > 0 then 1 else 0 end) as ledger, rc.cost_minor, rc.posts, rc.impressions, rc.reach, rc.views, rc.likes, rc.comments, rc.shares, rc.saves, rc.clicks, rc.link_clicks
        from ${schema.reportCollab} rc join ${schema.creators} cr on cr.id = rc.creator_id join ${schema.campaigns} k on k.id = rc.campaign_id where ${where} and rc.currency = ${cur}`,
      count: Promise.resolve(db().execute(sql`select count(*) as n from ${schema.reportCollab} rc where ${where} and rc.currency = ${cur}`)),
      sort: q.sort,
      dir: q.dir,
      cursor,
      list,
      base: collabBase,
    })
  }

  // The screen's rows (and the chart's creators), built in full: totals, orders, followers, derived figures.
  const chartKeys = chartScreen.rows.map((r) => r.key)
  const pageKeys = (page.rows as { key: string }[]).map((r) => r.key)
  // rows sorted by name came without their sums
  const needSums = q.sort === 'label' && q.view !== 'campaigns'
  const [creatorWide, collabWide] = await Promise.all([
    needSums && q.view === 'creators' && pageKeys.length ? db().execute(sql`select * from (${creatorsSource}) s where s.key in ${pageKeys}`) : Promise.resolve([]),
    needSums && q.view === 'collaborations' && pageKeys.length
      ? db().execute(sql`select rc.offer_id as key, cr.name as label, k.name as sublabel, rc.creator_id, 1 as n, (case when rc.ledger_rows > 0 then 1 else 0 end) as ledger, rc.cost_minor, rc.posts, rc.impressions, rc.reach, rc.views, rc.likes, rc.comments, rc.shares, rc.saves, rc.clicks, rc.link_clicks
          from ${schema.reportCollab} rc join ${schema.creators} cr on cr.id = rc.creator_id join ${schema.campaigns} k on k.id = rc.campaign_id where ${where} and rc.currency = ${cur} and rc.offer_id in ${pageKeys}`)
      : Promise.resolve([]),
  ])
  const groups = new Map<string, Grouped>()
  for (const g of [...chartScreen.rows, ...(needSums ? rowsOf<Grouped>(q.view === 'creators' ? creatorWide : collabWide) : q.view === 'campaigns' ? [] : (page.rows as Grouped[]))]) groups.set(`${q.view === 'collaborations' && g.creator_id ? 'o' : 'c'}:${g.key}`, g)
  const followerIds = q.view === 'campaigns' ? [] : [...new Set(q.view === 'creators' ? pageKeys : pageKeys.map((k) => groups.get(`o:${k}`)?.creator_id).filter((x): x is string => Boolean(x)))]
  const followers = await loadCreatorFollowers(brand.id, { creatorId: q.creator, creatorIds: followerIds })
  const byCreator = ordersBy((o) => o.creatorId)
  const creatorRow = (g: Grouped, withFollowers: boolean): ReportRow => {
    const f = withFollowers ? (followers.get(g.key) ?? null) : null
    return finish(withTotals({ key: g.key, label: g.label, sublabel: null as string | null, creatorId: g.key as string | null, followers: f, tier: tierOf(f), collaborations: Number(g.n), costBasis: basisOf(g) }, totalsOf(g, byCreator.get(g.key) ?? NO_ORDERS)))
  }
  let rows: ReportRow[]
  if (q.view === 'campaigns') rows = page.rows as ReportRow[]
  else if (q.view === 'creators') rows = pageKeys.map((k) => groups.get(`c:${k}`)).filter((g): g is Grouped => Boolean(g)).map((g) => creatorRow(g, true))
  else {
    const byOffer = ordersBy((o) => o.offerId)
    rows = pageKeys
      .map((k) => groups.get(`o:${k}`))
      .filter((g): g is Grouped => Boolean(g))
      .map((g) => {
        const f = followers.get(g.creator_id!) ?? null
        return finish(withTotals({ key: g.key, label: g.label, sublabel: (g.sublabel ?? null) as string | null, creatorId: g.creator_id! as string | null, followers: f, tier: tierOf(f), collaborations: 1, costBasis: (Number(g.ledger) > 0 ? 'ledger' : 'fees') as ReportRow['costBasis'] }, totalsOf(g, byOffer.get(g.key) ?? NO_ORDERS)))
      })
  }

  const p = rowsOf<Sums & { other: unknown; windows: unknown }>(programRows)[0]!
  const programOrders = ordersBy(() => 'all').get('all') ?? NO_ORDERS
  const programExtra = [...extra.values()].reduce((s, v) => s + v, 0)
  const program: ReportRow = finish(
    withTotals({ key: 'program', label: 'Program', sublabel: null as string | null, creatorId: null as string | null, followers: null as number | null, tier: null as string | null, collaborations: Number(p.n), costBasis: basisOf(p) }, totalsOf(p, programOrders, programExtra)),
  )
  const chartRows = chartScreen.rows.slice(0, 12).map((g) => creatorRow(g, false))
  return {
    report: {
      filters: { from: q.from, to: q.to, campaignId: q.campaign, creatorId: q.creator, platform: q.platform, tier: null },
      settings,
      currency: brand.currency,
      program,
      campaignOptions,
      otherCurrency: Number(p.other),
      ordersApart: ordersApartOf(inCurrency.map((o) => o.unconverted)),
      ordersMethod: ordersMethod(windowsFrom(p.windows)),
      weekly,
    },
    rows,
    offset: page.offset,
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    totalRows: page.total,
    chart: chartRows.map((r) => ({ label: r.label, cost: r.costMinor, emv: r.emv })),
    creatorCount: chartScreen.total,
    creatorLabel: q.creator ? (chartScreen.rows[0]?.label ?? null) : null,
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
