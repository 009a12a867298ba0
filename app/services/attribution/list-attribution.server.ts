import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { COLLABORATION_STATUSES } from './get-collaboration.server.ts'

/** Every collaboration of the brand with its tracked link (and clicks) and promo codes (and redemptions). One query. */
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
      redemptions: sql<number>`(select count(*) from ${schema.redemptions} r join ${schema.promoCodes} p on p.id = r.promo_code_id where p.offer_id = ${schema.offers.id})`.mapWith(Number),
      revenueMinor: sql<number>`(select coalesce(sum(r.total_minor), 0) from ${schema.redemptions} r join ${schema.promoCodes} p on p.id = r.promo_code_id where p.offer_id = ${schema.offers.id})`.mapWith(Number),
      currency: schema.offers.currency,
    })
    .from(schema.offers)
    .innerJoin(schema.creators, eq(schema.creators.id, schema.offers.creatorId))
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.offers.campaignId))
    .leftJoin(schema.trackingLinks, eq(schema.trackingLinks.offerId, schema.offers.id))
    .where(and(eq(schema.offers.brandId, brandId), inArray(schema.offers.status, [...COLLABORATION_STATUSES])))
    .orderBy(asc(schema.campaigns.name), asc(schema.creators.name))
  return rows
}
