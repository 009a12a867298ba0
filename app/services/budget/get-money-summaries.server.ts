import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { figuresFromTotals, type MoneyFigures } from '#app/domain/money-figures.ts'
import { decodeKeysetCursor, keysetPage, type KeysetPage } from '#app/domain/keyset-cursor.ts'
import { keysetSql, keyTypes, type KeysetKey } from '#app/services/keyset.server.ts'

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
  return rows.map(summaryLine)
}

type SummaryRow = { id: string; name: string; status: string; money: typeof schema.campaignMoney.$inferSelect }

function summaryLine(r: SummaryRow): CampaignSummaryLine {
  return {
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
  }
}

/** The keyset of the campaign lists: newest campaign first (campaigns_brand_created_idx, migration 0035). */
const CAMPAIGN_KEYS: KeysetKey[] = [{ expr: sql`${schema.campaigns.createdAt}`, cast: 'timestamptz' }]

/**
 * One screen of getMoneySummaries: the brand's campaigns newest first, from a keyset cursor
 * (app/domain/keyset-cursor.ts; a bad cursor starts at the first page), `size + 1` rows read.
 */
export async function getMoneySummaryPage(brandId: string, opts: { list: string; cursor?: string | null; size: number }): Promise<KeysetPage<CampaignSummaryLine>> {
  const k = schema.campaigns
  const m = schema.campaignMoney
  const cursor = decodeKeysetCursor(opts.cursor, opts.list, keyTypes(CAMPAIGN_KEYS))
  const keyset = keysetSql(CAMPAIGN_KEYS, sql`${k.id}`, 'desc', cursor)
  const fetched = await db()
    .select({ id: k.id, name: k.name, status: k.status, money: m, createdAt: sql<string>`(${k.createdAt})::text` })
    .from(k)
    .innerJoin(m, eq(m.campaignId, k.id))
    // Scoped by the campaign's brand (a summary row is its campaign's, keyed by it): a second brand
    // condition on campaign_money made the planner hash every campaign of the brand instead of reading
    // size + 1 of them down campaigns_brand_created_idx.
    .where(and(eq(k.brandId, brandId), keyset.where))
    .orderBy(...keyset.orderBy)
    .limit(opts.size + 1)
  const page = keysetPage(fetched, opts.size, cursor, opts.list, (r) => ({ v: [r.createdAt], id: r.id }))
  return { ...page, rows: page.rows.map(summaryLine) }
}

/**
 * The program figures per currency of ALL the brand's campaigns: the kept sums of its campaign_money rows
 * (program_money, migration 0042), so a handful of rows whatever the number of campaigns. The same as
 * sumMoneyFigures of every campaign's line (remaining and over-plan recomputed from the sums; a cost kind is
 * kept when any campaign has an amount of it), currencies newest campaign first, as sumMoneyFigures meets
 * them going newest campaign first.
 */
export async function getProgramFigures(brandId: string): Promise<MoneyFigures[]> {
  const p = schema.programMoney
  const rows = await db()
    .select({
      currency: p.currency,
      plannedMinor: p.plannedMinor,
      committedMinor: p.committedMinor,
      invoicedMinor: p.invoicedMinor,
      paidMinor: p.paidMinor,
      // named in full: drizzle writes a one-table select's columns unqualified, which inside this subquery
      // would name program_money_kinds' own columns
      byKind: sql<Record<string, string | number> | null>`(
        select jsonb_object_agg(k.kind, k.total_minor::text) from program_money_kinds k
        where k.brand_id = program_money.brand_id and k.currency = program_money.currency and k.campaigns > 0
      )`,
    })
    .from(p)
    .where(and(eq(p.brandId, brandId), sql`${p.campaigns} > 0`))
    .orderBy(sql`${p.newestCampaignAt} desc nulls last`, p.currency)
  return rows.map((r) =>
    figuresFromTotals({
      currency: r.currency,
      plannedMinor: Number(r.plannedMinor),
      committedMinor: Number(r.committedMinor),
      invoicedMinor: Number(r.invoicedMinor),
      paidMinor: Number(r.paidMinor),
      byKind: numbers(typeof r.byKind === 'string' ? JSON.parse(r.byKind) : (r.byKind ?? {})),
    }),
  )
}

/** jsonb numbers arrive as numbers (bigint sums as numerics rendered to JSON numbers). */
function numbers(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [k, Number(v)]))
}
