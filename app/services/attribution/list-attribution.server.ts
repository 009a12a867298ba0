import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { COLLABORATION_STATUSES } from './get-collaboration.server.ts'
import { loadOrderTotals } from './order-totals.server.ts'

/** Every collaboration of the brand with its tracked link (and clicks), promo codes, and the orders credited to it (order-totals.server.ts). Two queries. */
export async function listAttribution(brandId: string) {
  const rows = await db()
    .select({
      offerId: schema.offers.id,
      creatorName: schema.creators.name,
      campaignName: schema.campaigns.name,
      linkCode: schema.trackingLinks.code,
      destinationUrl: schema.trackingLinks.destinationUrl,
      clicks: sql<number>`(select count(*) from ${schema.linkClicks} c where c.link_id = ${schema.trackingLinks.id})`.mapWith(Number),
      codes: sql<string[]>`coalesce((select array_agg(p.code order by p.code) from ${schema.promoCodes} p where p.offer_id = ${schema.offers.id}), '{}')`,
      currency: schema.offers.currency,
    })
    .from(schema.offers)
    .innerJoin(schema.creators, eq(schema.creators.id, schema.offers.creatorId))
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.offers.campaignId))
    .leftJoin(schema.trackingLinks, eq(schema.trackingLinks.offerId, schema.offers.id))
    .where(and(eq(schema.offers.brandId, brandId), inArray(schema.offers.status, [...COLLABORATION_STATUSES])))
    .orderBy(asc(schema.campaigns.name), asc(schema.creators.name))
  const orders = await loadOrderTotals(brandId, { offerIds: rows.map((r) => r.offerId) })
  return rows.map((r) => {
    const o = orders.get(r.offerId)
    return { ...r, currency: r.currency.trim(), orders: o?.orders ?? 0, grossMinor: o?.grossMinor ?? 0, refundsMinor: o?.refundsMinor ?? 0, netMinor: o?.netMinor ?? 0, notCounted: o?.notCounted ?? 0, outsideWindow: o?.outsideWindow ?? 0, apart: o?.unconverted ?? [] }
  })
}
