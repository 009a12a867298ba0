import { sql } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { rowsOf } from '#app/services/brands/get-at-risk.server.ts'
import { engagementRate, engagements, type EngagementKey, type RawCounts } from '#app/domain/metrics.ts'
import { reportSettings } from '#app/domain/report-metrics.ts'

export interface CreatorPerformance {
  /** Contracted fees of the brand's collaborations that have measured posts (brand currency). */
  measuredCostMinor: number
  engagements: number | null
  /** Average cost per engagement across measured collaborations, minor units (may be fractional). */
  costPerEngagement: number | null
  /** Engagement rate per platform on the brand's own posts (brand's engagement set and rate basis). */
  byPlatform: Record<string, { posts: number; engagements: number | null; engagementRate: number | null }>
}

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v))
const add = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b)

/**
 * Performance of these creators with this brand, from each post's latest metric snapshot, in ONE
 * statement whatever the number of creators (the roster page asks for its 20 rows only). Only the
 * brand's own posts and offers count: another brand's results are never mixed in.
 */
export async function loadCreatorPerformance(
  brand: { id: string; currency: string; settings: Record<string, unknown> },
  creatorIds: readonly string[],
  followersByCreatorPlatform: Map<string, number> = new Map(),
): Promise<Map<string, CreatorPerformance>> {
  const out = new Map<string, CreatorPerformance>()
  if (creatorIds.length === 0) return out
  const ids = sql.join(
    creatorIds.map((id) => sql`${id}`),
    sql`, `,
  )
  const result = await db().execute(sql`
    with latest as (
      select distinct on (m.post_id) m.post_id, m.impressions, m.reach, m.views, m.likes, m.comments, m.shares, m.saves, m.clicks
      from ${schema.metricSnapshots} m join ${schema.posts} p on p.id = m.post_id
      where m.brand_id = ${brand.id} and p.creator_id in (${ids})
      order by m.post_id, m.captured_at desc, m.created_at desc
    )
    select p.creator_id, p.platform, d.offer_id, o.fee_minor, o.currency, count(*) as posts,
           sum(l.impressions) as impressions, sum(l.reach) as reach, sum(l.views) as views, sum(l.likes) as likes,
           sum(l.comments) as comments, sum(l.shares) as shares, sum(l.saves) as saves, sum(l.clicks) as clicks
    from ${schema.posts} p
    join ${schema.deliverables} d on d.id = p.deliverable_id
    join ${schema.offers} o on o.id = d.offer_id and o.brand_id = ${brand.id}
    join latest l on l.post_id = p.id
    where p.brand_id = ${brand.id} and p.creator_id in (${ids})
    group by p.creator_id, p.platform, d.offer_id, o.fee_minor, o.currency`)
  const settings = reportSettings(brand.settings)
  const set = settings.engagementSet.map((f) => (f === 'postClicks' ? 'clicks' : f)) as EngagementKey[]
  const offersCounted = new Set<string>()
  const acc = new Map<string, { posts: number; engagements: number | null; denominator: number | null }>()
  for (const r of rowsOf<Record<string, unknown> & { creator_id: string; platform: string; offer_id: string; currency: string }>(result)) {
    const counts: RawCounts = {
      impressions: n(r.impressions),
      reach: n(r.reach),
      views: n(r.views),
      likes: n(r.likes),
      comments: n(r.comments),
      shares: n(r.shares),
      saves: n(r.saves),
      clicks: n(r.clicks),
    }
    const posts = Number(r.posts)
    const eng = engagements(counts, set)
    const perf = out.get(r.creator_id) ?? { measuredCostMinor: 0, engagements: null, costPerEngagement: null, byPlatform: {} }
    out.set(r.creator_id, perf)
    // "followers" basis: the account's current count once per post (a post-weighted rate, as in reports).
    const followers = followersByCreatorPlatform.get(`${r.creator_id}:${r.platform}`)
    const denominator = settings.rateBasis === 'followers' ? (followers ? followers * posts : null) : (counts[settings.rateBasis] ?? null)
    const key = `${r.creator_id}:${r.platform}`
    const a = acc.get(key) ?? { posts: 0, engagements: null, denominator: null }
    acc.set(key, { posts: a.posts + posts, engagements: add(a.engagements, eng), denominator: add(a.denominator, denominator) })
    if (r.currency === brand.currency && eng !== null) {
      perf.engagements = add(perf.engagements, eng)
      if (!offersCounted.has(r.offer_id)) {
        offersCounted.add(r.offer_id)
        perf.measuredCostMinor += Number(r.fee_minor)
      }
    }
  }
  for (const [key, a] of acc) {
    const [creatorId, platform] = key.split(':') as [string, string]
    out.get(creatorId)!.byPlatform[platform] = { posts: a.posts, engagements: a.engagements, engagementRate: engagementRate(a.engagements, a.denominator) }
  }
  for (const perf of out.values()) perf.costPerEngagement = perf.engagements ? perf.measuredCostMinor / perf.engagements : null
  return out
}
