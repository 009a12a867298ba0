import { and, desc, eq, inArray, type SQL } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { figuresFromTotals, type MoneyFigures } from '#app/domain/money-figures.ts'

export interface CampaignSummaryLine extends MoneyFigures {
  campaignId: string
  name: string
  status: string
  ignoredRows: number
  /** Offers by offers.status, invoices by invoices.status, deliverables by deliverables.status. */
  offerCounts: Record<string, number>
  invoiceCounts: Record<string, number>
  deliverableCounts: Record<string, number>
}

/**
 * The campaign-level money figures (app/domain/money-figures.ts) of the brand's campaigns — all, or a
 * few — from the campaign_money summary rows the database keeps in the same transaction as every change
 * (migration 0022), in one query: a page reads one row per campaign however long the brand's history.
 * The same numbers getMoneyFigures computes from the ledger (tests/integration/campaign-money-drift.test.ts);
 * pages that need each collaboration's share still read getMoneyFigures. Newest campaign first.
 */
export async function getMoneySummaries(brandId: string, opts: { campaignIds?: readonly string[]; tx?: DbOrTx } = {}): Promise<CampaignSummaryLine[]> {
  if (opts.campaignIds && opts.campaignIds.length === 0) return []
  const q = opts.tx ?? db()
  const k = schema.campaigns
  const m = schema.campaignMoney
  const conds: SQL[] = [eq(k.brandId, brandId), eq(m.brandId, brandId)]
  if (opts.campaignIds) conds.push(inArray(k.id, [...opts.campaignIds]))
  const rows = await q
    .select({ id: k.id, name: k.name, status: k.status, money: m })
    .from(k)
    .innerJoin(m, eq(m.campaignId, k.id))
    .where(and(...conds))
    .orderBy(desc(k.createdAt), desc(k.id))
  return rows.map((r) => ({
    campaignId: r.id,
    name: r.name,
    status: r.status,
    ...figuresFromTotals({
      currency: r.money.currency,
      plannedMinor: Number(r.money.plannedMinor),
      committedMinor: Number(r.money.committedMinor),
      invoicedMinor: Number(r.money.invoicedMinor),
      paidMinor: Number(r.money.paidMinor),
      byKind: numbers(r.money.byKind),
    }),
    ignoredRows: r.money.ignoredRows,
    offerCounts: numbers(r.money.offerCounts),
    invoiceCounts: numbers(r.money.invoiceCounts),
    deliverableCounts: numbers(r.money.deliverableCounts),
  }))
}

/** jsonb numbers arrive as numbers (bigint sums as numerics rendered to JSON numbers). */
function numbers(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [k, Number(v)]))
}
