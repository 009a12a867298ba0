import { eq, inArray } from 'drizzle-orm'
import { schema, type Tx } from '#db/index.ts'
import { PLATFORM_LABEL, type Platform } from '#app/domain/catalog.ts'
import { addDays, anniversary, daysBetween, dayIn, licenceEndsOn } from '#app/domain/rights.ts'

type ContractRow = typeof schema.contracts.$inferSelect

/**
 * Writes the usage-rights ledger from a fully signed contract. For a collaboration: one item per deliverable
 * (organic repost and/or paid ads, the platforms as channels, the territory, from the signature day for the
 * licensed months in the brand's time zone); an amended contract updates its items and keeps their start.
 * For a rights-extension offer: the extended offer's items run `usageMonths` longer, from their current end
 * (or from today when they already ended). Returns how many items it wrote.
 */
export async function applyRightsFromContract(tx: Tx, contract: ContractRow, timeZone: string, now: Date): Promise<number> {
  const [offer] = await tx.select().from(schema.offers).where(eq(schema.offers.id, contract.offerId))
  if (!offer) return 0
  const today = dayIn(timeZone, now)
  if (offer.extendsOfferId) {
    const items = await tx.select().from(schema.rightsItems).where(eq(schema.rightsItems.offerId, offer.extendsOfferId))
    for (const item of items) {
      if (item.perpetual || !item.endsOn) continue
      const from = daysBetween(today, item.endsOn) >= 0 ? addDays(item.endsOn, 1) : today
      const endsOn = addDays(anniversary(from, offer.usageMonths), -1)
      await tx
        .update(schema.rightsItems)
        .set({ endsOn, paidAds: item.paidAds || offer.usageRights === 'paid', contractId: contract.id, updatedAt: now })
        .where(eq(schema.rightsItems.id, item.id))
    }
    return items.length
  }
  const deliverables = await tx.select().from(schema.deliverables).where(eq(schema.deliverables.offerId, offer.id))
  if (offer.usageRights === 'none') {
    if (deliverables.length) await tx.delete(schema.rightsItems).where(inArray(schema.rightsItems.deliverableId, deliverables.map((d) => d.id)))
    return 0
  }
  const existing = deliverables.length ? await tx.select().from(schema.rightsItems).where(inArray(schema.rightsItems.deliverableId, deliverables.map((d) => d.id))) : []
  const byDeliverable = new Map(existing.map((r) => [r.deliverableId, r]))
  for (const d of deliverables) {
    const prior = byDeliverable.get(d.id)
    const startsOn = prior?.startsOn ?? today
    const perpetual = offer.usageMonths <= 0
    const values = {
      organic: true,
      paidAds: offer.usageRights === 'paid',
      channels: [PLATFORM_LABEL[d.platform as Platform] ?? d.platform, ...(offer.usageRights === 'organic' || offer.usageRights === 'paid' ? ["Brand's own accounts"] : [])],
      territory: offer.usageTerritory || 'Worldwide',
      startsOn,
      endsOn: perpetual ? null : licenceEndsOn(startsOn, offer.usageMonths),
      perpetual,
      timeZone: prior?.timeZone ?? timeZone,
      contractId: contract.id,
      updatedAt: now,
    }
    if (prior) await tx.update(schema.rightsItems).set(values).where(eq(schema.rightsItems.id, prior.id))
    else await tx.insert(schema.rightsItems).values({ ...values, brandId: offer.brandId, creatorId: offer.creatorId, offerId: offer.id, deliverableId: d.id })
  }
  return deliverables.length
}
