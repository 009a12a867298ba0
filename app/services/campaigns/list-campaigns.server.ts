import { and, count, countDistinct, desc, eq, inArray, sql } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { getMoneySummaries } from '#app/services/budget/get-money-summaries.server.ts'

export interface CampaignListItem {
  id: string
  name: string
  status: string
  startsOn: string | null
  endsOn: string | null
  budgetMinor: number
  currency: string
  /** From app/domain/money-figures.ts, as on every page. */
  committedMinor: number
  remainingMinor: number
  creators: number
  offersOpen: number
  offersAccepted: number
  deliverablesDone: number
  deliverablesTotal: number
}

/** The brand's campaigns with budget against committed (app/domain/money-figures.ts) and progress counts (4 queries, no N+1). */
export async function listCampaigns(brandId: string, opts: { includeArchived?: boolean } = {}): Promise<CampaignListItem[]> {
  const campaigns = await db()
    .select()
    .from(schema.campaigns)
    .where(eq(schema.campaigns.brandId, brandId))
    .orderBy(sql`case ${schema.campaigns.status} when 'active' then 0 when 'draft' then 1 when 'completed' then 2 else 3 end`, desc(schema.campaigns.createdAt))
  const visible = opts.includeArchived ? campaigns : campaigns.filter((c) => c.status !== 'archived')
  if (visible.length === 0) return []
  const ids = visible.map((c) => c.id)
  const [offerStats, committed, deliverables] = await Promise.all([
    db()
      .select({
        campaignId: schema.offers.campaignId,
        creators: countDistinct(schema.offers.creatorId),
        open: sql<number>`count(*) filter (where ${schema.offers.status} in ('invited', 'countered') and (${schema.offers.expiresAt} is null or ${schema.offers.expiresAt} > now()))`.mapWith(Number),
        accepted: sql<number>`count(*) filter (where ${schema.offers.status} in ('accepted', 'active', 'completed'))`.mapWith(Number),
      })
      .from(schema.offers)
      .where(and(eq(schema.offers.brandId, brandId), inArray(schema.offers.campaignId, ids), sql`${schema.offers.status} not in ('withdrawn', 'declined')`))
      .groupBy(schema.offers.campaignId),
    getMoneySummaries(brandId, { campaignIds: ids }),
    db()
      .select({
        campaignId: schema.deliverables.campaignId,
        total: count(),
        done: sql<number>`count(*) filter (where ${schema.deliverables.status} = 'verified')`.mapWith(Number),
      })
      .from(schema.deliverables)
      .where(and(eq(schema.deliverables.brandId, brandId), inArray(schema.deliverables.campaignId, ids)))
      .groupBy(schema.deliverables.campaignId),
  ])
  const o = new Map(offerStats.map((r) => [r.campaignId, r]))
  const f = new Map(committed.map((r) => [r.campaignId, r]))
  const d = new Map(deliverables.map((r) => [r.campaignId, r]))
  return visible.map((c) => ({
    id: c.id,
    name: c.name,
    status: c.status,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    budgetMinor: c.budgetMinor,
    currency: c.currency,
    committedMinor: f.get(c.id)?.committedMinor ?? 0,
    remainingMinor: f.get(c.id)?.remainingMinor ?? c.budgetMinor,
    creators: o.get(c.id)?.creators ?? 0,
    offersOpen: o.get(c.id)?.open ?? 0,
    offersAccepted: o.get(c.id)?.accepted ?? 0,
    deliverablesDone: d.get(c.id)?.done ?? 0,
    deliverablesTotal: d.get(c.id)?.total ?? 0,
  }))
}
