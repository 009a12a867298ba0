import { sql, type SQL } from 'drizzle-orm'
import { db, onGenericPlan } from '#app/db.server.ts'
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

/**
 * The brand home's at-risk list: one set-based query per kind, every one scoped to the brand.
 * Sorted by due date (oldest first), undated items last.
 */
export async function getAtRisk(brandId: string, now = new Date()): Promise<AtRiskItem[]> {
  return (await loadAtRisk(brandId, now, null)).items
}

/**
 * The `limit` most urgent at-risk items and how many there are in all, for the brand home, at a cost that does
 * not grow with the brand's history: the counts come from at_risk_days (kept by triggers per brand, kind and
 * day, migration 0034; the clock is applied here), and each kind's first `limit` rows from an index walked in
 * due order. Same items and total as getAtRisk (tests/integration/at-risk-drift.test.ts).
 */
export async function getAtRiskTop(brandId: string, limit: number, now = new Date()): Promise<{ items: AtRiskItem[]; total: number }> {
  const { items, total } = await loadAtRiskTop(brandId, now, limit)
  return { items: items.slice(0, limit), total }
}

interface AtRiskRow {
  /** 1 draft_due, 2 post_overdue, 3 review_waiting, 4 verify_waiting, 5 stats_missing, 6 no_tracking, 7 rights_ending. */
  kind: number
  /** Position within its kind, most urgent first. */
  ord: unknown
  id: string
  creator_id: string
  creator_name: string
  campaign_id: string
  campaign_name: string
  /** YYYY-MM-DD (UTC), or null. */
  due: string | null
  a: string | null
  b: string | null
  /** Rows of this kind in all (a window over the kind's rows, before its limit). */
  kind_total: unknown
}

const day = (ts: SQL) => sql`to_char((${ts}) at time zone 'UTC', 'YYYY-MM-DD')`

/**
 * All seven kinds in one statement (a union of one set-based query per kind, every one scoped to the
 * brand). Each kind sorts by its due date and keeps its first `limit` rows with the kind's full count
 * from a window, on the kind's own table; only those rows are joined to their creator and campaign.
 */
function clockOf(now: Date) {
  return {
    today: toIsoDay(now),
    in3: toIsoDay(addDays(now, 3)),
    in14: toIsoDay(addDays(now, 14)),
    /** Drafts and posts waiting longer than two business days. */
    reviewCutoff: addBusinessDays(now, -2).toISOString(),
    days7: new Date(now.getTime() - 7 * 86_400_000).toISOString(),
    days30: new Date(now.getTime() - 30 * 86_400_000).toISOString(),
  }
}

/** Posts without their 7-day (or, after 30 days, their 28-day) reading; the stats are due 7 (30) days after publishing. */
function statsSql(b: string, days7: string, days30: string) {
  const missing30 = sql`(p.posted_at <= ${days30}::timestamptz and not coalesce(pl.captured_at >= p.posted_at + interval '28 days', false))`
  const statsDue = sql`p.posted_at + case when ${missing30} then interval '30 days' else interval '7 days' end`
  return {
    statsDue,
    cols: sql`p.id, p.creator_id, d.campaign_id, ${day(statsDue)}, case when ${missing30} then '30' else '7' end, null::text`,
    from: sql`from posts p join deliverables d on d.id = p.deliverable_id and d.brand_id = ${b} left join post_metrics_latest pl on pl.post_id = p.id and pl.brand_id = ${b}`,
    where: sql`p.brand_id = ${b} and ((p.posted_at <= ${days7}::timestamptz and not coalesce(pl.captured_at >= p.posted_at + interval '6 days', false)) or ${missing30})`,
  }
}

/** Usage rights and exclusivity ending within 14 days (each offer's term runs from its first post, else acceptance). */
function rightsSql(b: string, today: string, in14: string) {
  return sql`r as (
      select o.id, o.creator_id, o.campaign_id, o.usage_months, o.exclusivity_months,
             coalesce((select min(p.posted_at) from posts p join deliverables dd on dd.id = p.deliverable_id and dd.brand_id = p.brand_id where dd.offer_id = o.id and p.brand_id = o.brand_id), o.accepted_at) as starts_at
      from offers o
      where o.brand_id = ${b} and o.status in ('accepted', 'active', 'completed') and (o.usage_months > 0 or o.exclusivity_months > 0)
    ), k7 as (
      select 7, 0::bigint, 0::bigint, id, creator_id, campaign_id, null::text, usage_end, excl_end from (
        select id, creator_id, campaign_id,
               case when usage_months > 0 then to_char((starts_at + make_interval(months => usage_months)) at time zone 'UTC', 'YYYY-MM-DD') end as usage_end,
               case when exclusivity_months > 0 then to_char((starts_at + make_interval(months => exclusivity_months)) at time zone 'UTC', 'YYYY-MM-DD') end as excl_end
        from r where starts_at is not null
      ) e where e.usage_end between ${today} and ${in14} or e.excl_end between ${today} and ${in14}
    )`
}

/** Kinds 1-6: each kind's rows, the column that orders them and its id for ties, and what the item shows. */
function kindsSql(b: string, c: ReturnType<typeof clockOf>) {
  const stats = statsSql(b, c.days7, c.days30)
  const link = sql`exists (select 1 from tracking_links l where l.brand_id = ${b} and l.offer_id = o.id)`
  const code = sql`exists (select 1 from promo_codes c where c.brand_id = ${b} and c.offer_id = o.id)`
  const deliv = sql`from deliverables d`
  return {
    stats,
    link,
    code,
    1: {
      cols: sql`d.id, d.creator_id, d.campaign_id, to_char(d.draft_due_on, 'YYYY-MM-DD') as due, null::text as a, null::text as b`,
      from: deliv,
      where: sql`d.brand_id = ${b} and d.status in ('pending', 'changes_requested') and d.draft_due_on <= ${c.in3}::date`,
      due: sql`d.draft_due_on`,
      id: sql`d.id`,
    },
    2: {
      cols: sql`d.id, d.creator_id, d.campaign_id, to_char(d.post_window_end, 'YYYY-MM-DD'), d.status, null::text`,
      from: deliv,
      where: sql`d.brand_id = ${b} and d.status in ('approved', 'post_changes_requested') and d.post_window_end < ${c.today}::date`,
      due: sql`d.post_window_end`,
      id: sql`d.id`,
    },
    3: {
      cols: sql`d.id, d.creator_id, d.campaign_id, ${day(sql`v.submitted_at`)}, v.version::text, null::text`,
      from: sql`from draft_versions v join deliverables d on d.id = v.deliverable_id and d.brand_id = ${b}`,
      where: sql`v.brand_id = ${b} and v.decision is null and d.status = 'draft_submitted' and v.submitted_at < ${c.reviewCutoff}::timestamptz`,
      due: sql`v.submitted_at`,
      id: sql`v.id`,
    },
    4: {
      cols: sql`p.id, p.creator_id, d.campaign_id, ${day(sql`p.updated_at`)}, null::text, null::text`,
      from: sql`from posts p join deliverables d on d.id = p.deliverable_id and d.brand_id = ${b}`,
      where: sql`p.brand_id = ${b} and p.status = 'submitted' and p.updated_at < ${c.reviewCutoff}::timestamptz`,
      due: sql`p.updated_at`,
      id: sql`p.id`,
    },
  } as const
}

/**
 * Every at-risk item (getAtRisk): all seven kinds in one statement, each counted by a window over its rows,
 * from the base tables. The reference the home's kept counts are checked against.
 */
async function loadAtRisk(brandId: string, now: Date, limit: number | null): Promise<{ items: AtRiskItem[]; total: number }> {
  const c = clockOf(now)
  const b = brandId
  const k = kindsSql(b, c)
  const kind = (n: number, cols: SQL, from: SQL, where: SQL, due: SQL, id: SQL) =>
    sql`select ${sql.raw(String(n))} as kind, row_number() over (order by ${due} asc nulls last, ${id}) as ord, count(*) over () as kind_total, ${cols} ${from} where ${where} ${
      limit === null ? sql`` : sql`order by ${due} asc nulls last, ${id} limit ${limit}`
    }`
  const one = (n: 1 | 2 | 3 | 4) => kind(n, k[n].cols, k[n].from, k[n].where, k[n].due, k[n].id)
  return readKinds(
    b,
    c,
    sql`k1 as (${one(1)}), k2 as (${one(2)}), k3 as (${one(3)}), k4 as (${one(4)}),
    k5 as (${kind(5, k.stats.cols, k.stats.from, k.stats.where, k.stats.statsDue, sql`p.id`)}),
    k6 as (${kind(
      6,
      sql`o.id, o.creator_id, o.campaign_id, null::text, ${k.link}::text, ${k.code}::text`,
      sql`from offers o`,
      sql`o.brand_id = ${b} and o.status in ('accepted', 'active') and (not ${k.link} or not ${k.code})`,
      sql`o.id`,
      sql`o.id`,
    )})`,
  )
}

/**
 * The home's version (getAtRiskTop): each kind's count from at_risk_days — the days before the cutoff summed,
 * the cutoff's own day counted from its rows — and its first `limit` rows from an index in due order
 * (migration 0034). Posts without stats come from post_stats_gaps (posts missing their 28-day reading, and of
 * those the ones missing their 6-day one): the first `limit` past 30 days and the first `limit` between 30 and 7
 * days old, the only ones that can be among the first `limit` by the stats' due date.
 */
async function loadAtRiskTop(brandId: string, now: Date, limit: number): Promise<{ items: AtRiskItem[]; total: number }> {
  const c = clockOf(now)
  const b = brandId
  const k = kindsSql(b, c)
  const dayOf = (iso: string) => iso.slice(0, 10)
  const startOf = (iso: string) => `${dayOf(iso)}T00:00:00.000Z`
  const [cutoffDay, d7, d30] = [dayOf(c.reviewCutoff), dayOf(c.days7), dayOf(c.days30)]
  const top = (n: number, cols: SQL, from: SQL, where: SQL, due: SQL, id: SQL) =>
    sql`select ${sql.raw(String(n))} as kind, row_number() over (order by ${due} asc nulls last, ${id}) as ord, (select ${sql.raw(`t${n}`)} from cnt) as kind_total, ${cols} ${from} where ${where} order by ${due} asc nulls last, ${id} limit ${limit}`
  const one = (n: 1 | 2 | 3 | 4) => top(n, k[n].cols, k[n].from, k[n].where, k[n].due, k[n].id)
  // The row's deliverable looked up for each row walked (offset 0 keeps it a lookup): a join the planner could
  // turn into a hash of every waiting deliverable, then sort them all.
  const openDeliverable = (idOf: SQL, cond: SQL) => sql`select d.id, d.creator_id, d.campaign_id from deliverables d where d.id = ${idOf} and d.brand_id = ${b} ${cond} offset 0`
  return readKinds(
    b,
    c,
    sql`s as (
      select
        coalesce(sum(n) filter (where kind = 1 and day <= ${c.in3}::date), 0) as s1,
        coalesce(sum(n) filter (where kind = 2 and day < ${c.today}::date), 0) as s2,
        coalesce(sum(n) filter (where kind = 3 and day < ${cutoffDay}::date), 0) as s3,
        coalesce(sum(n) filter (where kind = 4 and day < ${cutoffDay}::date), 0) as s4,
        coalesce(sum(n) filter (where kind = 5 and day < ${d7}::date), 0) + coalesce(sum(n) filter (where kind = 6 and day < ${d30}::date), 0) as s5,
        coalesce(sum(n) filter (where kind = 7), 0) as s6
      from at_risk_days where brand_id = ${b}
    ), cnt as (
      select s1 as t1, s2 as t2,
        s3 + (select count(*) ${k[3].from} where v.brand_id = ${b} and v.decision is null and d.status = 'draft_submitted'
              and v.submitted_at >= ${startOf(c.reviewCutoff)}::timestamptz and v.submitted_at < ${c.reviewCutoff}::timestamptz) as t3,
        s4 + (select count(*) ${k[4].from} where p.brand_id = ${b} and p.status = 'submitted'
              and p.updated_at >= ${startOf(c.reviewCutoff)}::timestamptz and p.updated_at < ${c.reviewCutoff}::timestamptz) as t4,
        s5 + (select count(*) from post_stats_gaps g where g.brand_id = ${b} and g.level = 0 and g.posted_at >= ${startOf(c.days7)}::timestamptz and g.posted_at <= ${c.days7}::timestamptz)
           + (select count(*) from post_stats_gaps g where g.brand_id = ${b} and g.level = 1 and g.posted_at >= ${startOf(c.days30)}::timestamptz and g.posted_at <= ${c.days30}::timestamptz) as t5,
        s6 as t6
      from s
    ), k1 as (${one(1)}), k2 as (${one(2)}),
    k3 as (${top(3, k[3].cols, sql`from draft_versions v cross join lateral (${openDeliverable(sql`v.deliverable_id`, sql`and d.status = 'draft_submitted'`)}) d`, sql`v.brand_id = ${b} and v.decision is null and v.submitted_at < ${c.reviewCutoff}::timestamptz`, k[3].due, k[3].id)}),
    k4 as (${top(4, k[4].cols, sql`from posts p cross join lateral (${openDeliverable(sql`p.deliverable_id`, sql``)}) d`, sql`p.brand_id = ${b} and p.status = 'submitted' and p.updated_at < ${c.reviewCutoff}::timestamptz`, k[4].due, k[4].id)}),
    k5a as (select g.post_id from post_stats_gaps g where g.brand_id = ${b} and g.posted_at <= ${c.days30}::timestamptz order by g.posted_at, g.post_id limit ${limit}),
    k5b as (select g.post_id from post_stats_gaps g where g.brand_id = ${b} and g.level = 0 and g.posted_at > ${c.days30}::timestamptz and g.posted_at <= ${c.days7}::timestamptz order by g.posted_at, g.post_id limit ${limit}),
    k5 as (${top(
      5,
      k.stats.cols,
      sql`from (select post_id from k5a union select post_id from k5b) g join posts p on p.id = g.post_id
        join deliverables d on d.id = p.deliverable_id and d.brand_id = ${b} left join post_metrics_latest pl on pl.post_id = p.id and pl.brand_id = ${b}`,
      k.stats.where,
      k.stats.statsDue,
      sql`p.id`,
    )}), k6 as (${top(
      6,
      sql`o.id, o.creator_id, o.campaign_id, null::text, u.has_link::text, u.has_code::text`,
      sql`from untracked_offers u join offers o on o.id = u.offer_id`,
      sql`u.brand_id = ${b}`,
      sql`u.offer_id`,
      sql`u.offer_id`,
    )})`,
  )
}

/**
 * The at-risk statement: `ctes` define k1..k6 (each kind's rows, as the full list or the home's top), rights
 * ending is added, and only the rows sent look up their creator's and campaign's names: one index lookup per
 * row (subqueries, not joins: as a prepared statement's generic plan the joins hashed every creator and campaign
 * of the database, 10,000 and 1,000 rows in the bench data, for ~100 rows sent).
 */
async function readKinds(b: string, c: ReturnType<typeof clockOf>, ctes: SQL): Promise<{ items: AtRiskItem[]; total: number }> {
  const statement = sql`
    with ${ctes}, ${rightsSql(b, c.today, c.in14)}
    select k.*, (select cr.name from creators cr where cr.id = k.creator_id) as creator_name, (select g.name from campaigns g where g.id = k.campaign_id) as campaign_name
    from (select * from k1 union all select * from k2 union all select * from k3 union all select * from k4 union all select * from k5 union all select * from k6 union all select * from k7) k`
  const result = await onGenericPlan((d) => d.execute(statement))
  return toItems(rowsOf<AtRiskRow>(result), c.today, c.in14)
}

/** Rows of the at-risk statement as items, most urgent first, and how many there are in all. */
function toItems(result: AtRiskRow[], today: string, in14: string): { items: AtRiskItem[]; total: number } {
  const rows = result.sort((x, y) => x.kind - y.kind || Number(x.ord) - Number(y.ord))
  const items: AtRiskItem[] = []
  const totals = new Map<number, number>()
  for (const r of rows) {
    totals.set(r.kind, Number(r.kind_total))
    const who = { creatorId: r.creator_id, creatorName: r.creator_name, campaignName: r.campaign_name }
    switch (r.kind) {
      case 1:
        items.push({ kind: 'draft_due', label: r.due! < today ? 'Draft late, not submitted' : 'Draft due soon, not submitted', ...who, due: r.due, to: `/campaigns/${r.campaign_id}` })
        break
      case 2:
        items.push({ kind: 'post_overdue', label: r.a === 'post_changes_requested' ? 'Post sent back, not fixed' : 'Post overdue', ...who, due: r.due, to: `/campaigns/${r.campaign_id}` })
        break
      case 3:
        items.push({ kind: 'review_waiting', label: `Draft v${r.a} waiting for review`, ...who, due: r.due, to: `/campaigns/${r.campaign_id}` })
        break
      case 4:
        items.push({ kind: 'verify_waiting', label: 'Live post waiting for verification', ...who, due: r.due, to: `/posts/${r.id}` })
        break
      case 5:
        items.push({ kind: 'stats_missing', label: `${r.a === '30' ? 30 : 7}-day stats not reported`, ...who, due: r.due, to: `/posts/${r.id}` })
        break
      case 6: {
        const hasLink = r.a === 'true'
        const hasCode = r.b === 'true'
        const label = !hasLink && !hasCode ? 'No tracked link or promo code' : !hasLink ? 'No tracked link' : 'No promo code'
        items.push({ kind: 'no_tracking', label, ...who, due: null, to: `/attribution` })
        break
      }
      case 7:
        for (const [end, what] of [
          [r.a, 'Usage rights end'],
          [r.b, 'Exclusivity ends'],
        ] as const) {
          if (end && end >= today && end <= in14) items.push({ kind: 'rights_ending', label: what, ...who, due: end, to: `/campaigns/${r.campaign_id}` })
        }
        break
    }
  }
  totals.delete(7)
  const total = [...totals.values()].reduce((n, t) => n + t, 0) + items.filter((i) => i.kind === 'rights_ending').length
  // ISO days order as plain strings; localeCompare built a collator per comparison (~100 ms for the
  // bench brand's few thousand items).
  return { items: items.sort((a, c) => compareCodes(a.due ?? '9999', c.due ?? '9999')), total }
}

/** postgres.js returns an array, PGlite an object with rows. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}
