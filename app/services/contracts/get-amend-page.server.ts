import { and, asc, eq, ne } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { deliverableLabel } from '#app/domain/offer-terms.ts'
import { NotFoundError } from '#app/utils/errors.ts'

/**
 * What the amend form needs for one contract version of the brand: the collaboration's current terms,
 * its deliverables' dates, and which version is current (a superseded version is not amended: the page
 * links to the current one). Another brand's contract: 404.
 */
export async function getAmendPage(brandId: string, contractId: string) {
  const [row] = await db()
    .select({ contract: schema.contracts, offer: schema.offers, creatorName: schema.creators.name, campaignName: schema.campaigns.name })
    .from(schema.contracts)
    .innerJoin(schema.offers, eq(schema.offers.id, schema.contracts.offerId))
    .innerJoin(schema.creators, eq(schema.creators.id, schema.contracts.creatorId))
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.offers.campaignId))
    .where(and(eq(schema.contracts.id, contractId), eq(schema.contracts.brandId, brandId), eq(schema.offers.brandId, brandId)))
  if (!row) throw new NotFoundError('That contract')
  const [current] = await db()
    .select({ id: schema.contracts.id, version: schema.contracts.version })
    .from(schema.contracts)
    .where(and(eq(schema.contracts.offerId, row.offer.id), ne(schema.contracts.status, 'superseded')))
  const deliverables = await db().select().from(schema.deliverables).where(eq(schema.deliverables.offerId, row.offer.id)).orderBy(asc(schema.deliverables.draftDueOn), asc(schema.deliverables.position), asc(schema.deliverables.id))
  const o = row.offer
  return {
    contract: { id: row.contract.id, version: row.contract.version, status: row.contract.status },
    current: current ?? null,
    creatorName: row.creatorName,
    campaignName: row.campaignName,
    offer: {
      id: o.id,
      currency: o.currency,
      feeMinor: o.feeMinor,
      usageFeeMinor: o.usageFeeMinor,
      paymentNetDays: o.paymentNetDays,
      usageRights: o.usageRights,
      usageMonths: o.usageMonths,
      usageTerritory: o.usageTerritory,
      exclusivityCategory: o.exclusivityCategory,
      exclusivityMonths: o.exclusivityMonths,
      extendsOfferId: o.extendsOfferId,
    },
    deliverables: deliverables.map((d) => ({
      id: d.id,
      label: `${deliverableLabel(d)}${d.position > 1 ? ` #${d.position}` : ''}`,
      status: d.status,
      draftDueOn: d.draftDueOn,
      postWindowStart: d.postWindowStart,
      postWindowEnd: d.postWindowEnd,
    })),
  }
}
