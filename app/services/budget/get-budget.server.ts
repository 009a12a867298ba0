import { and, desc, eq, inArray } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { COMMITTED_OFFER_STATUSES } from '#app/domain/offer-terms.ts'

export interface BudgetLine {
  campaignId: string
  name: string
  currency: string
  plannedMinor: number
  /** Cost ledger (fees committed on acceptance, gifting, shipping, production, commission, usage, other) + contracted usage fees. */
  committedMinor: number
  /** Invoices submitted, approved or paid. */
  invoicedMinor: number
  paidMinor: number
  /** planned - committed (negative when over). */
  remainingMinor: number
  overCommitted: boolean
  byKind: Record<string, number>
}

/**
 * The budget of every campaign of the brand (or one), and the program total per currency.
 * committed = ledger entries + usage fees of accepted offers; invoiced = live invoices; paid = paid invoices.
 */
export async function getBudget(actor: Pick<BrandActor, 'brand'>, opts: { campaignId?: string } = {}) {
  const campaigns = await db()
    .select()
    .from(schema.campaigns)
    .where(and(eq(schema.campaigns.brandId, actor.brand.id), opts.campaignId ? eq(schema.campaigns.id, opts.campaignId) : undefined))
    .orderBy(desc(schema.campaigns.createdAt))
  const ids = campaigns.map((c) => c.id)
  const costs = ids.length ? await db().select().from(schema.costEntries).where(and(eq(schema.costEntries.brandId, actor.brand.id), inArray(schema.costEntries.campaignId, ids))) : []
  const offers = ids.length
    ? await db()
        .select({ id: schema.offers.id, campaignId: schema.offers.campaignId, usageFeeMinor: schema.offers.usageFeeMinor, currency: schema.offers.currency })
        .from(schema.offers)
        .where(and(eq(schema.offers.brandId, actor.brand.id), inArray(schema.offers.campaignId, ids), inArray(schema.offers.status, [...COMMITTED_OFFER_STATUSES])))
    : []
  const invoices = ids.length
    ? await db()
        .select({ status: schema.invoices.status, totalMinor: schema.invoices.totalMinor, currency: schema.invoices.currency, campaignId: schema.offers.campaignId })
        .from(schema.invoices)
        .innerJoin(schema.offers, eq(schema.offers.id, schema.invoices.offerId))
        .where(and(eq(schema.invoices.brandId, actor.brand.id), inArray(schema.invoices.status, ['submitted', 'approved', 'paid'])))
    : []
  const lines: BudgetLine[] = campaigns.map((c) => {
    const same = <T extends { currency: string }>(r: T) => r.currency === c.currency
    const byKind: Record<string, number> = {}
    for (const e of costs.filter((e) => e.campaignId === c.id && same(e))) byKind[e.kind] = (byKind[e.kind] ?? 0) + e.amountMinor
    const contractedUsage = offers.filter((o) => o.campaignId === c.id && same(o)).reduce((s, o) => s + o.usageFeeMinor, 0)
    if (contractedUsage) byKind.usage = (byKind.usage ?? 0) + contractedUsage
    const committed = Object.values(byKind).reduce((s, v) => s + v, 0)
    const mine = invoices.filter((i) => i.campaignId === c.id && same(i))
    const invoiced = mine.reduce((s, i) => s + i.totalMinor, 0)
    const paid = mine.filter((i) => i.status === 'paid').reduce((s, i) => s + i.totalMinor, 0)
    return {
      campaignId: c.id,
      name: c.name,
      currency: c.currency,
      plannedMinor: c.budgetMinor,
      committedMinor: committed,
      invoicedMinor: invoiced,
      paidMinor: paid,
      remainingMinor: c.budgetMinor - committed,
      overCommitted: committed > c.budgetMinor,
      byKind,
    }
  })
  const program: Record<string, Omit<BudgetLine, 'campaignId' | 'name' | 'currency' | 'byKind'> & { currency: string }> = {}
  for (const l of lines) {
    const p = (program[l.currency] ??= { currency: l.currency, plannedMinor: 0, committedMinor: 0, invoicedMinor: 0, paidMinor: 0, remainingMinor: 0, overCommitted: false })
    p.plannedMinor += l.plannedMinor
    p.committedMinor += l.committedMinor
    p.invoicedMinor += l.invoicedMinor
    p.paidMinor += l.paidMinor
    p.remainingMinor = p.plannedMinor - p.committedMinor
    p.overCommitted = p.committedMinor > p.plannedMinor
  }
  const entries = costs
    .filter((e) => e.kind !== 'fee')
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, 200)
    .map((e) => ({ ...e, createdAt: e.createdAt.toISOString(), campaignName: campaigns.find((c) => c.id === e.campaignId)?.name ?? '' }))
  return { campaigns: lines, program: Object.values(program), entries }
}
