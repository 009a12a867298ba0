import { and, asc, desc, eq, inArray, ne, notInArray } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { OFFER_STATUSES_WITHOUT_COSTS, sumMoneyFigures, type MoneyFigures } from '#app/domain/money-figures.ts'
import { getMoneySummaries } from './get-money-summaries.server.ts'

export interface BudgetLine extends MoneyFigures {
  campaignId: string
  name: string
}

/**
 * The budget of every campaign of the brand (or one), the program total per currency, and the latest
 * non-fee ledger entries. The figures are app/domain/money-figures.ts, read from the campaign_money
 * summary rows (getMoneySummaries: one row per campaign, whatever the brand's history).
 */
export async function getBudget(actor: Pick<BrandActor, 'brand'>, opts: { campaignId?: string } = {}) {
  const figures = await getMoneySummaries(actor.brand.id, opts.campaignId ? { campaignIds: [opts.campaignId] } : {})
  const lines: BudgetLine[] = figures.map((f) => ({
    campaignId: f.campaignId,
    name: f.name,
    currency: f.currency,
    plannedMinor: f.plannedMinor,
    committedMinor: f.committedMinor,
    invoicedMinor: f.invoicedMinor,
    paidMinor: f.paidMinor,
    remainingMinor: f.remainingMinor,
    overCommitted: f.overCommitted,
    byKind: f.byKind,
  }))
  const ids = lines.map((l) => l.campaignId)
  const entries = ids.length
    ? await db()
        .select({ entry: schema.costEntries, creatorName: schema.creators.name })
        .from(schema.costEntries)
        .leftJoin(schema.offers, and(eq(schema.offers.id, schema.costEntries.offerId), eq(schema.offers.brandId, actor.brand.id)))
        .leftJoin(schema.creators, eq(schema.creators.id, schema.offers.creatorId))
        .where(and(eq(schema.costEntries.brandId, actor.brand.id), inArray(schema.costEntries.campaignId, ids), ne(schema.costEntries.kind, 'fee')))
        .orderBy(desc(schema.costEntries.createdAt))
        .limit(200)
    : []
  const names = new Map(lines.map((l) => [l.campaignId, l.name]))
  // The creators a cost can name ("Add a cost"), per campaign: roster creators with an offer in it that
  // can carry a cost (addCostEntry books the cost on that offer and refuses anyone else).
  const offered = ids.length
    ? await db()
        .selectDistinct({ campaignId: schema.offers.campaignId, id: schema.creators.id, name: schema.creators.name })
        .from(schema.offers)
        .innerJoin(schema.creators, eq(schema.creators.id, schema.offers.creatorId))
        .innerJoin(schema.rosterEntries, and(eq(schema.rosterEntries.creatorId, schema.offers.creatorId), eq(schema.rosterEntries.brandId, actor.brand.id)))
        .where(and(eq(schema.offers.brandId, actor.brand.id), inArray(schema.offers.campaignId, ids), notInArray(schema.offers.status, [...OFFER_STATUSES_WITHOUT_COSTS])))
        .orderBy(asc(schema.creators.name), asc(schema.creators.id))
    : []
  const costCreators: Record<string, { id: string; name: string }[]> = Object.fromEntries(ids.map((id) => [id, []]))
  for (const o of offered) costCreators[o.campaignId]?.push({ id: o.id, name: o.name })
  return {
    campaigns: lines,
    program: sumMoneyFigures(lines),
    /** Per campaign id: the creators a cost in that campaign can name, by name. */
    costCreators,
    entries: entries.map(({ entry: e, creatorName }) => ({ ...e, createdAt: e.createdAt.toISOString(), campaignName: names.get(e.campaignId) ?? '', creatorName })),
  }
}
