import { inArray } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { NotFoundError } from '#app/utils/errors.ts'
import { compareText } from '#app/domain/compare-text.ts'
import type { MoneyFigures } from '#app/domain/money-figures.ts'
import { getMoneyFigures } from './get-money-figures.server.ts'

export interface CreatorCost {
  offerId: string
  creatorId: string
  creatorName: string
  status: string
  currency: string
  feeMinor: number
  /** Product + shipping. */
  giftingMinor: number
  /** Usage (contracted, extensions and ledger), production support, agency commission and other. */
  otherMinor: number
  totalMinor: number
  invoicedMinor: number
  paidMinor: number
}

/**
 * A campaign's money figures (planned / committed / invoiced / paid / remaining, as on the budget page)
 * and each collaboration's share (committed offers, and any creator with a cost or an invoice in it),
 * all from app/domain/money-figures.ts. Scoped to the brand: another brand's campaign is a 404.
 */
export async function getCampaignCosts(actor: Pick<BrandActor, 'brand'>, campaignId: string): Promise<{ budget: MoneyFigures & { campaignId: string; name: string }; creators: CreatorCost[] }> {
  const [line] = await getMoneyFigures(actor.brand.id, { campaignIds: [campaignId] })
  if (!line) throw new NotFoundError('That campaign')
  const creatorIds = [...new Set(line.collaborations.map((c) => c.creatorId))]
  const names = creatorIds.length
    ? new Map(
        (await db().select({ id: schema.creators.id, name: schema.creators.name }).from(schema.creators).where(inArray(schema.creators.id, creatorIds))).map((c) => [c.id, c.name]),
      )
    : new Map<string, string>()
  const creators: CreatorCost[] = line.collaborations.map((c) => ({
    offerId: c.offerId,
    creatorId: c.creatorId,
    creatorName: names.get(c.creatorId) ?? '',
    status: c.status,
    currency: line.currency,
    feeMinor: c.feeMinor,
    giftingMinor: c.giftingMinor,
    otherMinor: c.usageMinor + c.otherMinor,
    totalMinor: c.costMinor,
    invoicedMinor: c.invoicedMinor,
    paidMinor: c.paidMinor,
  }))
  creators.sort((a, b) => b.totalMinor - a.totalMinor || compareText(a.creatorName, b.creatorName))
  const { collaborations: _c, ignoredRows: _i, status: _s, ...budget } = line
  return { budget, creators }
}
