import { and, desc, eq, inArray, type SQL } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { campaignMoney, type CampaignMoney, type CollaborationFigures } from '#app/domain/money-figures.ts'

export interface CampaignMoneyLine extends CampaignMoney {
  campaignId: string
  name: string
  status: string
}

/**
 * Planned, committed and each collaboration's cost without the invoices (getMoneyFigures with costsOnly): for
 * readers of cost alone (the performance report). Invoices never change a cost; leaving them out leaves out
 * the collaborations that have nothing but an invoice (cost 0, no ledger rows), and the invoiced and paid figures.
 */
export type CampaignCostLine = Omit<CampaignMoneyLine, 'invoicedMinor' | 'paidMinor' | 'ignoredRows' | 'collaborations'> & {
  collaborations: Omit<CollaborationFigures, 'invoicedMinor' | 'paidMinor'>[]
}

type MoneyOpts = { campaignIds?: readonly string[]; creatorId?: string; tx?: DbOrTx }

/**
 * The money figures (app/domain/money-figures.ts) of the brand's campaigns — all of them, a few
 * (campaignIds) or those a creator collaborates in (creatorId) — read from the ledger facts in four
 * set-based queries (three with costsOnly). Every page that shows committed, invoiced, paid or remaining reads them here.
 * Ordered newest campaign first.
 */
export async function getMoneyFigures(brandId: string, opts: MoneyOpts & { costsOnly: true }): Promise<CampaignCostLine[]>
export async function getMoneyFigures(brandId: string, opts?: MoneyOpts & { costsOnly?: false }): Promise<CampaignMoneyLine[]>
export async function getMoneyFigures(brandId: string, opts: MoneyOpts & { costsOnly?: boolean } = {}): Promise<CampaignMoneyLine[] | CampaignCostLine[]> {
  const q = opts.tx ?? db()
  if (opts.campaignIds && opts.campaignIds.length === 0) return []
  const campaignConds: (SQL | undefined)[] = [eq(schema.campaigns.brandId, brandId)]
  if (opts.campaignIds) campaignConds.push(inArray(schema.campaigns.id, [...opts.campaignIds]))
  if (opts.creatorId) {
    campaignConds.push(
      inArray(
        schema.campaigns.id,
        q
          .select({ id: schema.offers.campaignId })
          .from(schema.offers)
          .where(and(eq(schema.offers.brandId, brandId), eq(schema.offers.creatorId, opts.creatorId))),
      ),
    )
  }
  // The campaigns' ids as a subquery, so the four reads run at once.
  const campaignIds = q.select({ id: schema.campaigns.id }).from(schema.campaigns).where(and(...campaignConds))
  const [campaigns, offers, costs, invoices] = await Promise.all([
    q
      .select({ id: schema.campaigns.id, name: schema.campaigns.name, status: schema.campaigns.status, budgetMinor: schema.campaigns.budgetMinor, currency: schema.campaigns.currency })
      .from(schema.campaigns)
      .where(and(...campaignConds))
      .orderBy(desc(schema.campaigns.createdAt), desc(schema.campaigns.id)),
    q
      .select({
        id: schema.offers.id,
        campaignId: schema.offers.campaignId,
        creatorId: schema.offers.creatorId,
        status: schema.offers.status,
        feeMinor: schema.offers.feeMinor,
        usageFeeMinor: schema.offers.usageFeeMinor,
        currency: schema.offers.currency,
        extendsOfferId: schema.offers.extendsOfferId,
      })
      .from(schema.offers)
      .where(and(eq(schema.offers.brandId, brandId), inArray(schema.offers.campaignId, campaignIds))),
    q
      .select({ campaignId: schema.costEntries.campaignId, offerId: schema.costEntries.offerId, kind: schema.costEntries.kind, amountMinor: schema.costEntries.amountMinor, currency: schema.costEntries.currency })
      .from(schema.costEntries)
      .where(and(eq(schema.costEntries.brandId, brandId), inArray(schema.costEntries.campaignId, campaignIds))),
    opts.costsOnly
      ? []
      : q
          .select({ campaignId: schema.offers.campaignId, offerId: schema.invoices.offerId, status: schema.invoices.status, totalMinor: schema.invoices.totalMinor, currency: schema.invoices.currency })
          .from(schema.invoices)
          .innerJoin(schema.offers, and(eq(schema.offers.id, schema.invoices.offerId), eq(schema.offers.brandId, brandId)))
          .where(and(eq(schema.invoices.brandId, brandId), inArray(schema.offers.campaignId, campaignIds))),
  ])
  const group = <T extends { campaignId: string }>(rows: T[]) => {
    const m = new Map<string, T[]>()
    for (const r of rows) {
      const list = m.get(r.campaignId)
      if (list) list.push(r)
      else m.set(r.campaignId, [r])
    }
    return m
  }
  // An "extend rights" offer is usage money of the collaboration it extends (app/domain/money-figures.ts).
  // Built field by field: a rest-and-spread copy per offer was most of this function's time at 10x (tests/bench).
  const o = group(
    offers.map((x) => ({
      id: x.id,
      campaignId: x.campaignId,
      creatorId: x.creatorId,
      status: x.status,
      feeMinor: x.feeMinor,
      usageFeeMinor: x.usageFeeMinor,
      currency: x.currency,
      kind: x.extendsOfferId ? ('usage_extension' as const) : ('offer' as const),
      collaborationId: x.extendsOfferId,
    })),
  )
  const c = group(costs)
  const i = group(invoices)
  return campaigns.map((k) => ({
    campaignId: k.id,
    name: k.name,
    status: k.status,
    ...campaignMoney({ budgetMinor: k.budgetMinor, currency: k.currency, offers: o.get(k.id) ?? [], costEntries: c.get(k.id) ?? [], invoices: i.get(k.id) ?? [] }),
  }))
}
