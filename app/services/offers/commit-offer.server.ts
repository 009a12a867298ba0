import { schema, type Tx } from '#db/index.ts'
import { toDeliverableSpecs } from '#app/domain/offer-terms.ts'
import { feeCostEntry } from '#app/domain/money-figures.ts'

type OfferRow = typeof schema.offers.$inferSelect

/**
 * What acceptance creates: one deliverable per unit of each offered line (position 1..quantity) and
 * the committed fee as a 'fee' cost entry. Call once, inside the transaction that accepted the offer.
 */
export async function commitOffer(tx: Tx, offer: OfferRow, feeMinor: number, userId: string | null) {
  const rows = toDeliverableSpecs(offer.deliverableSpecs).flatMap((d) =>
    Array.from({ length: d.quantity }, (_, i) => ({
      offerId: offer.id,
      brandId: offer.brandId,
      campaignId: offer.campaignId,
      creatorId: offer.creatorId,
      platform: d.platform,
      format: d.format,
      position: i + 1,
      draftDueOn: d.draftDueOn,
      postWindowStart: d.postWindowStart,
      postWindowEnd: d.postWindowEnd,
      status: 'pending' as const,
    })),
  )
  if (rows.length) await tx.insert(schema.deliverables).values(rows)
  const fee = feeCostEntry(offer, feeMinor, userId)
  if (fee) await tx.insert(schema.costEntries).values(fee)
  return { deliverables: rows.length }
}

/** The exact terms frozen on acceptance. */
export function termsSnapshot(offer: OfferRow, feeMinor: number, briefVersion: number) {
  return {
    feeMinor,
    currency: offer.currency,
    connectionType: offer.connectionType,
    paymentNetDays: offer.paymentNetDays,
    paymentClockStart: offer.paymentClockStart,
    usageRights: offer.usageRights,
    usageMonths: offer.usageMonths,
    usageTerritory: offer.usageTerritory,
    usageFeeMinor: offer.usageFeeMinor,
    exclusivityCategory: offer.exclusivityCategory,
    exclusivityMonths: offer.exclusivityMonths,
    revisionRounds: offer.revisionRounds,
    giftDescription: offer.giftDescription,
    deliverables: toDeliverableSpecs(offer.deliverableSpecs),
    briefVersion,
  }
}
