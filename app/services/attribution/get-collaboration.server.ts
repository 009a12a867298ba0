import { and, eq, inArray } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import { NotFoundError } from '#app/utils/errors.ts'

/** Offer states that make a collaboration (a contract exists). */
export const COLLABORATION_STATUSES = ['accepted', 'active', 'completed'] as const

/** An accepted offer of this brand, or NotFoundError. */
export async function getCollaboration(tx: DbOrTx, brandId: string, offerId: string) {
  const [offer] = await tx
    .select({ id: schema.offers.id, brandId: schema.offers.brandId, campaignId: schema.offers.campaignId, creatorId: schema.offers.creatorId })
    .from(schema.offers)
    .where(and(eq(schema.offers.id, offerId), eq(schema.offers.brandId, brandId), inArray(schema.offers.status, [...COLLABORATION_STATUSES])))
    .limit(1)
  if (!offer) throw new NotFoundError('That collaboration')
  return offer
}
