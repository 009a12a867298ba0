import { and, eq, sql } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { rowsOf } from '#app/services/brands/get-at-risk.server.ts'
import { accountCountsVisibleSql } from './creator-access-sql.server.ts'
import { cpe, cpm, engagements, type EngagementKey } from '#app/domain/metrics.ts'
import { feeVerdict, median, type FeeVerdict } from '#app/domain/roster.ts'
import { tierFor, type Tier } from '#app/domain/tiers.ts'
import { reportSettings } from '#app/domain/report-metrics.ts'

export interface FeeGuidanceInput {
  platform: string
  format: string
  /** The creator the offer is for (their tier on the platform, their past fees); null: any tier. */
  creatorId: string | null
  /** The proposed fee for the whole offer and the number of deliverables it buys. */
  proposedFeeMinor: number | null
  quantity: number
}

export interface FeeGuidance {
  platform: string
  format: string
  tier: Tier | null
  currency: string
  /** Comparable collaborations: committed offers of this brand made only of this platform + format, with a creator of the same tier. */
  comparables: number
  medianFeePerDeliverableMinor: number | null
  medianCpmMinor: number | null
  medianCpeMinor: number | null
  /** How many comparables had results to compute CPM / CPE from. */
  measured: number
  creatorName: string | null
  creatorPastFees: { offerId: string; agreedAt: string; deliverables: number; sameFormat: boolean; feeMinor: number; perDeliverableMinor: number; currency: string; label: string }[]
  proposedPerDeliverableMinor: number | null
  verdict: FeeVerdict
}

const COMMITTED = sql`('accepted', 'active', 'completed')`

/**
 * The brand's own history for similar deliverables, for the offer being drafted: same platform and
 * format, creators of the same tier (their follower count on that platform today), in the brand's
 * currency. Fee per deliverable = offer fee ÷ its deliverables; CPM and CPE from each collaboration's
 * posts' latest metric snapshots. Three statements whatever the history size. Never another brand's data.
 */
export async function getFeeGuidance(brand: { id: string; currency: string; settings: Record<string, unknown> }, input: FeeGuidanceInput): Promise<FeeGuidance> {
  // The target's follower count on that platform, from the accounts this brand may count (app/domain/creator-privacy.ts).
  const [target] = input.creatorId
    ? rowsOf<{ name: string; followers: number | null }>(
        await db().execute(sql`
          select c.name, (select max(a.followers) from ${schema.socialAccounts} a
                          where a.creator_id = c.id and a.platform = ${input.platform} and ${accountCountsVisibleSql(brand.id, 'a')}) as followers
          from ${schema.rosterEntries} r join ${schema.creators} c on c.id = r.creator_id
          where r.brand_id = ${brand.id} and r.creator_id = ${input.creatorId}
          limit 1`),
      ).map((r) => ({ name: r.name, followers: r.followers === null ? null : Number(r.followers) }))
    : []
  const tier = target?.followers !== null && target?.followers !== undefined ? tierFor(target.followers) : null

  const [history, mine] = await Promise.all([
    db().execute(sql`
      with single as (
        select o.id, o.creator_id, o.fee_minor, count(*)::int as n
        from ${schema.offers} o join ${schema.deliverables} d on d.offer_id = o.id
        where o.brand_id = ${brand.id} and o.status in ${COMMITTED} and o.currency = ${brand.currency}
        group by o.id, o.creator_id, o.fee_minor
        having count(*) = count(*) filter (where d.platform = ${input.platform} and d.format = ${input.format})
      ),
      latest as (
        select distinct on (m.post_id) m.post_id, m.impressions, m.likes, m.comments, m.shares, m.saves, m.clicks
        from ${schema.metricSnapshots} m join ${schema.posts} p on p.id = m.post_id join ${schema.deliverables} d on d.id = p.deliverable_id
        where m.brand_id = ${brand.id} and d.offer_id in (select id from single)
        order by m.post_id, m.captured_at desc, m.created_at desc
      )
      select s.id, s.creator_id, s.fee_minor, s.n,
             (select max(a.followers) from ${schema.socialAccounts} a where a.creator_id = s.creator_id and a.platform = ${input.platform} and ${accountCountsVisibleSql(brand.id, 'a')}) as followers,
             count(l.post_id)::int as measured_posts, sum(l.impressions) as impressions, sum(l.likes) as likes, sum(l.comments) as comments,
             sum(l.shares) as shares, sum(l.saves) as saves, sum(l.clicks) as clicks
      from single s
      left join ${schema.deliverables} d on d.offer_id = s.id
      left join ${schema.posts} p on p.deliverable_id = d.id
      left join latest l on l.post_id = p.id
      group by s.id, s.creator_id, s.fee_minor, s.n`),
    input.creatorId
      ? db().execute(sql`
          select o.id, o.fee_minor, o.currency, coalesce(o.accepted_at, o.sent_at) as agreed_at, count(d.id)::int as n,
                 count(d.id) filter (where d.platform = ${input.platform} and d.format = ${input.format})::int as same,
                 string_agg(distinct d.platform || ':' || d.format, ',') as kinds
          from ${schema.offers} o left join ${schema.deliverables} d on d.offer_id = o.id
          where o.brand_id = ${brand.id} and o.creator_id = ${input.creatorId} and o.status in ${COMMITTED}
          group by o.id order by agreed_at desc limit 20`)
      : Promise.resolve([]),
  ])
  const settings = reportSettings(brand.settings)
  const set = settings.engagementSet.map((f) => (f === 'postClicks' ? 'clicks' : f)) as EngagementKey[]
  type H = { id: string; creator_id: string; fee_minor: unknown; n: number; followers: unknown; measured_posts: number } & Record<string, unknown>
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))
  const comparable = rowsOf<H>(history).filter((h) => {
    if (tier === null) return true
    const f = num(h.followers)
    return f !== null && tierFor(f) === tier
  })
  const perDeliverable = comparable.map((h) => Number(h.fee_minor) / Number(h.n))
  const cpms: number[] = []
  const cpes: number[] = []
  for (const h of comparable) {
    if (!h.measured_posts) continue
    const fee = Number(h.fee_minor)
    const m = cpm(fee, num(h.impressions))
    const e = cpe(fee, engagements({ likes: num(h.likes), comments: num(h.comments), shares: num(h.shares), saves: num(h.saves), clicks: num(h.clicks) }, set))
    if (m !== null) cpms.push(m)
    if (e !== null) cpes.push(e)
  }
  const medianFee = median(perDeliverable)
  const proposedPer = input.proposedFeeMinor !== null && input.quantity > 0 ? input.proposedFeeMinor / input.quantity : null
  type M = { id: string; fee_minor: unknown; currency: string; agreed_at: string | Date; n: number; same: number; kinds: string | null }
  return {
    platform: input.platform,
    format: input.format,
    tier,
    currency: brand.currency,
    comparables: comparable.length,
    medianFeePerDeliverableMinor: medianFee === null ? null : Math.round(medianFee),
    medianCpmMinor: median(cpms),
    medianCpeMinor: median(cpes),
    measured: Math.max(cpms.length, cpes.length),
    creatorName: target?.name ?? null,
    creatorPastFees: rowsOf<M>(mine).map((m) => ({
      offerId: m.id,
      agreedAt: new Date(m.agreed_at).toISOString(),
      deliverables: Number(m.n),
      sameFormat: Number(m.same) > 0 && Number(m.same) === Number(m.n),
      feeMinor: Number(m.fee_minor),
      perDeliverableMinor: Number(m.n) ? Math.round(Number(m.fee_minor) / Number(m.n)) : Number(m.fee_minor),
      currency: m.currency,
      label: m.kinds ?? '',
    })),
    proposedPerDeliverableMinor: proposedPer === null ? null : Math.round(proposedPer),
    verdict: proposedPer === null ? 'no_history' : feeVerdict(proposedPer, medianFee, comparable.length),
  }
}

