import { and, eq, gte, inArray, lt, ne } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import { contractBlockerMessage, contractRequirement, contractSettings, type ContractStatus } from '#app/domain/contracts.ts'
import { COMMITTED_OFFER_STATUSES } from '#app/domain/offer-terms.ts'

export interface ContractBlocker {
  required: boolean
  /** Why it is or is not required (shown beside the contract). */
  why: string
  contract: { id: string; version: number; status: ContractStatus } | null
  /** The sentence that blocks approval and payment, or null when nothing blocks. */
  blocker: string | null
}

/**
 * Whether this collaboration needs a signed contract before its drafts are approved and its invoices paid
 * (brand setting; by default French collaborations at or above €1,000 a year from this brand), and whether
 * the current contract version is signed. Approve-draft, the payables match and mark-paid all read this.
 */
export async function getContractBlocker(tx: DbOrTx, offerId: string): Promise<ContractBlocker> {
  const [row] = await tx
    .select({ offer: schema.offers, brand: schema.brands, creatorCountry: schema.creators.country, briefId: schema.briefs.id })
    .from(schema.offers)
    .innerJoin(schema.brands, eq(schema.brands.id, schema.offers.brandId))
    .innerJoin(schema.creators, eq(schema.creators.id, schema.offers.creatorId))
    .leftJoin(schema.briefs, eq(schema.briefs.campaignId, schema.offers.campaignId))
    .where(eq(schema.offers.id, offerId))
  if (!row) return { required: false, why: '', contract: null, blocker: null }
  const { offer, brand } = row
  const [current] = await tx
    .select({ id: schema.contracts.id, version: schema.contracts.version, status: schema.contracts.status })
    .from(schema.contracts)
    .where(and(eq(schema.contracts.offerId, offerId), ne(schema.contracts.status, 'superseded')))
  const settings = contractSettings(brand.settings)
  let briefJurisdiction: string | null = null
  if (row.briefId && offer.acceptedBriefVersion) {
    const [bv] = await tx
      .select({ content: schema.briefVersions.content })
      .from(schema.briefVersions)
      .where(and(eq(schema.briefVersions.briefId, row.briefId), eq(schema.briefVersions.version, offer.acceptedBriefVersion)))
    briefJurisdiction = typeof bv?.content.jurisdiction === 'string' ? bv.content.jurisdiction : null
  }
  const french = brand.jurisdiction === 'FR' || briefJurisdiction === 'FR' || row.creatorCountry === 'FR'
  let yearTotalEurMinor = 0
  let otherCurrency = false
  if (french && settings.requirement === 'french_threshold') {
    const at = offer.acceptedAt ?? offer.sentAt
    const year = at.getUTCFullYear()
    const sameYear = await tx
      .select({ id: schema.offers.id, feeMinor: schema.offers.feeMinor, usageFeeMinor: schema.offers.usageFeeMinor, currency: schema.offers.currency })
      .from(schema.offers)
      .where(
        and(
          eq(schema.offers.brandId, offer.brandId),
          eq(schema.offers.creatorId, offer.creatorId),
          inArray(schema.offers.status, [...COMMITTED_OFFER_STATUSES]),
          gte(schema.offers.acceptedAt, new Date(Date.UTC(year, 0, 1))),
          lt(schema.offers.acceptedAt, new Date(Date.UTC(year + 1, 0, 1))),
        ),
      )
    const all = sameYear.some((o) => o.id === offer.id) ? sameYear : [...sameYear, offer]
    for (const o of all) {
      if (o.currency !== 'EUR') otherCurrency = otherCurrency || o.feeMinor + o.usageFeeMinor > 0
      else yearTotalEurMinor += o.feeMinor + o.usageFeeMinor
    }
  }
  const req = contractRequirement(settings.requirement, { french, yearTotalEurMinor, otherCurrency })
  const contract = current ? { id: current.id, version: current.version, status: current.status } : null
  const blocker = req.required && contract?.status !== 'signed' ? contractBlockerMessage(contract?.status ?? null, contract?.version ?? null) : null
  return { required: req.required, why: req.why, contract, blocker }
}
