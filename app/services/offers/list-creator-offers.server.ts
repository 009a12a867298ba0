import { desc, eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { effectiveOfferStatus, toDeliverableSpecs } from '#app/domain/offer-terms.ts'

/** Every offer a creator has received, newest first, across brands. */
export async function listCreatorOffers(creatorId: string, now = new Date()) {
  const rows = await db()
    .select({ offer: schema.offers, campaign: schema.campaigns.name, brand: schema.brands.name })
    .from(schema.offers)
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.offers.campaignId))
    .innerJoin(schema.brands, eq(schema.brands.id, schema.offers.brandId))
    .where(eq(schema.offers.creatorId, creatorId))
    .orderBy(desc(schema.offers.sentAt))
  return rows.map((r) => ({
    id: r.offer.id,
    brand: r.brand,
    campaign: r.campaign,
    status: effectiveOfferStatus(r.offer, now),
    feeMinor: r.offer.feeMinor,
    currency: r.offer.currency,
    sentAt: r.offer.sentAt,
    expiresAt: r.offer.expiresAt,
    deliverables: toDeliverableSpecs(r.offer.deliverableSpecs),
  }))
}
