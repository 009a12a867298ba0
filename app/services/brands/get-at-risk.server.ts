import { sql, type SQL } from 'drizzle-orm'
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
async function loadAtRisk(brandId: string, now: Date, limit: number | null): Promise<{ items: AtRiskItem[]; total: number }> {
  const today = toIsoDay(now)
  const in3 = toIsoDay(addDays(now, 3))
  const in14 = toIsoDay(addDays(now, 14))
  const reviewCutoff = addBusinessDays(now, -2).toISOString()
  const days7 = new Date(now.getTime() - 7 * 86_400_000).toISOString()
  const days30 = new Date(now.getTime() - 30 * 86_400_000).toISOString()
  const b = brandId
  const missing30 = sql`(p.posted_at <= ${days30}::timestamptz and not coalesce(pl.captured_at >= p.posted_at + interval '28 days', false))`
  const statsDue = sql`p.posted_at + case when ${missing30} then interval '30 days' else interval '7 days' end`
  const link = sql`exists (select 1 from tracking_links l where l.brand_id = ${b} and l.offer_id = o.id)`
  const code = sql`exists (select 1 from promo_codes c where c.brand_id = ${b} and c.offer_id = o.id)`
  // Each kind: its rows (`from`, `where`), the column that orders them, its id for ties, and what it shows;
  // the kind's full count is a window over its rows before the limit. Only the rows sent are joined to
  // their creator and campaign.
  const kind = (n: number, cols: SQL, from: SQL, where: SQL, due: SQL, id: SQL) =>
    sql`select ${sql.raw(String(n))} as kind, row_number() over (order by ${due} asc nulls last, ${id}) as ord, count(*) over () as kind_total, ${cols} ${from} where ${where} ${
      limit === null ? sql`` : sql`order by ${due} asc nulls last, ${id} limit ${limit}`
    }`
  const deliv = sql`from deliverables d`
  const result = await db().execute(sql`
    with k1 as (${kind(
      1,
      sql`d.id, d.creator_id, d.campaign_id, to_char(d.draft_due_on, 'YYYY-MM-DD') as due, null::text as a, null::text as b`,
      deliv,
      sql`d.brand_id = ${b} and d.status in ('pending', 'changes_requested') and d.draft_due_on <= ${in3}::date`,
      sql`d.draft_due_on`,
      sql`d.id`,
    )}), k2 as (${kind(
      2,
      sql`d.id, d.creator_id, d.campaign_id, to_char(d.post_window_end, 'YYYY-MM-DD'), d.status, null::text`,
      deliv,
      sql`d.brand_id = ${b} and d.status in ('approved', 'post_changes_requested') and d.post_window_end < ${today}::date`,
      sql`d.post_window_end`,
      sql`d.id`,
    )}), k3 as (${kind(
      3,
      sql`d.id, d.creator_id, d.campaign_id, ${day(sql`v.submitted_at`)}, v.version::text, null::text`,
      sql`from draft_versions v join deliverables d on d.id = v.deliverable_id and d.brand_id = ${b}`,
      sql`v.brand_id = ${b} and v.decision is null and d.status = 'draft_submitted' and v.submitted_at < ${reviewCutoff}::timestamptz`,
      sql`v.submitted_at`,
      sql`v.id`,
    )}), k4 as (${kind(
      4,
      sql`p.id, p.creator_id, d.campaign_id, ${day(sql`p.updated_at`)}, null::text, null::text`,
      sql`from posts p join deliverables d on d.id = p.deliverable_id and d.brand_id = ${b}`,
      sql`p.brand_id = ${b} and p.status = 'submitted' and p.updated_at < ${reviewCutoff}::timestamptz`,
      sql`p.updated_at`,
      sql`p.id`,
    )}), k5 as (${kind(
      5,
      sql`p.id, p.creator_id, d.campaign_id, ${day(statsDue)}, case when ${missing30} then '30' else '7' end, null::text`,
      sql`from posts p join deliverables d on d.id = p.deliverable_id and d.brand_id = ${b} left join post_metrics_latest pl on pl.post_id = p.id and pl.brand_id = ${b}`,
      sql`p.brand_id = ${b} and ((p.posted_at <= ${days7}::timestamptz and not coalesce(pl.captured_at >= p.posted_at + interval '6 days', false)) or ${missing30})`,
      statsDue,
      sql`p.id`,
    )}), k6 as (${kind(
      6,
      sql`o.id, o.creator_id, o.campaign_id, null::text, ${link}::text, ${code}::text`,
      sql`from offers o`,
      sql`o.brand_id = ${b} and o.status in ('accepted', 'active') and (not ${link} or not ${code})`,
      sql`o.id`,
      sql`o.id`,
    )}), r as (
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
    )
    select k.*, cr.name as creator_name, g.name as campaign_name
    from (select * from k1 union all select * from k2 union all select * from k3 union all select * from k4 union all select * from k5 union all select * from k6 union all select * from k7) k
    join creators cr on cr.id = k.creator_id
    join campaigns g on g.id = k.campaign_id`)
  const rows = rowsOf<AtRiskRow>(result).sort((x, y) => x.kind - y.kind || Number(x.ord) - Number(y.ord))
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
