import { and, eq, inArray } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { COMMITTED_OFFER_STATUSES } from '#app/domain/offer-terms.ts'
import { NotFoundError } from '#app/utils/errors.ts'
import { getBudget } from './get-budget.server.ts'
import { compareText } from '#app/domain/compare-text.ts'

export interface CreatorCost {
  offerId: string
  creatorId: string
  creatorName: string
  status: string
  currency: string
  feeMinor: number
  /** Product + shipping. */
  giftingMinor: number
  /** Production support, agency commission, usage (ledger and contracted) and other. */
  otherMinor: number
  totalMinor: number
  invoicedMinor: number
  paidMinor: number
}

/**
 * A campaign's budget line (planned / committed / invoiced / paid / remaining, as on the budget page)
 * and each committed creator's cost from the ledger: fee + gifting (product and shipping) + the rest,
 * with what was invoiced and paid. Scoped to the brand: another brand's campaign is a 404.
 */
export async function getCampaignCosts(actor: Pick<BrandActor, 'brand'>, campaignId: string) {
  const budget = await getBudget(actor, { campaignId })
  const line = budget.campaigns[0]
  if (!line) throw new NotFoundError('That campaign')
  const offers = await db()
    .select({
      id: schema.offers.id,
      creatorId: schema.offers.creatorId,
      creatorName: schema.creators.name,
      status: schema.offers.status,
      currency: schema.offers.currency,
      feeMinor: schema.offers.feeMinor,
      usageFeeMinor: schema.offers.usageFeeMinor,
    })
    .from(schema.offers)
    .innerJoin(schema.creators, eq(schema.creators.id, schema.offers.creatorId))
    .where(and(eq(schema.offers.brandId, actor.brand.id), eq(schema.offers.campaignId, campaignId), inArray(schema.offers.status, [...COMMITTED_OFFER_STATUSES])))
  const ids = offers.map((o) => o.id)
  const [costs, invoices] = ids.length
    ? await Promise.all([
        db()
          .select({ offerId: schema.costEntries.offerId, kind: schema.costEntries.kind, amountMinor: schema.costEntries.amountMinor, currency: schema.costEntries.currency })
          .from(schema.costEntries)
          .where(and(eq(schema.costEntries.brandId, actor.brand.id), inArray(schema.costEntries.offerId, ids))),
        db()
          .select({ offerId: schema.invoices.offerId, status: schema.invoices.status, totalMinor: schema.invoices.totalMinor, currency: schema.invoices.currency })
          .from(schema.invoices)
          .where(and(eq(schema.invoices.brandId, actor.brand.id), inArray(schema.invoices.offerId, ids), inArray(schema.invoices.status, ['submitted', 'approved', 'paid']))),
      ])
    : [[], []]
  const creators: CreatorCost[] = offers.map((o) => {
    const mine = costs.filter((c) => c.offerId === o.id && c.currency === o.currency)
    const sum = (kinds: string[]) => mine.filter((c) => kinds.includes(c.kind)).reduce((s, c) => s + c.amountMinor, 0)
    const ledgerFee = sum(['fee'])
    // Before the ledger has the fee (offers accepted before it was written), the contracted fee stands in.
    const feeMinor = mine.some((c) => c.kind === 'fee') ? ledgerFee : o.feeMinor
    const giftingMinor = sum(['gifting', 'shipping'])
    const otherMinor = sum(['production', 'commission', 'usage', 'other']) + o.usageFeeMinor
    const inv = invoices.filter((i) => i.offerId === o.id && i.currency === o.currency)
    return {
      offerId: o.id,
      creatorId: o.creatorId,
      creatorName: o.creatorName,
      status: o.status,
      currency: o.currency,
      feeMinor,
      giftingMinor,
      otherMinor,
      totalMinor: feeMinor + giftingMinor + otherMinor,
      invoicedMinor: inv.reduce((s, i) => s + i.totalMinor, 0),
      paidMinor: inv.filter((i) => i.status === 'paid').reduce((s, i) => s + i.totalMinor, 0),
    }
  })
  creators.sort((a, b) => b.totalMinor - a.totalMinor || compareText(a.creatorName, b.creatorName))
  return { budget: line, creators }
}
