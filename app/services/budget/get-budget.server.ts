import { and, asc, eq, ne, notInArray, sql } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { decodeKeysetCursor, keysetPage, LIST_PAGE_SIZE } from '#app/domain/keyset-cursor.ts'
import { keysetSql, keyTypes, type KeysetKey } from '#app/services/keyset.server.ts'
import { OFFER_STATUSES_WITHOUT_COSTS, type MoneyFigures } from '#app/domain/money-figures.ts'
import { getMoneySummaryPage, getProgramFigures } from './get-money-summaries.server.ts'
import { listCampaignChoices } from '#app/services/campaigns/campaign-choices.server.ts'

export interface BudgetLine extends MoneyFigures {
  campaignId: string
  name: string
}

/** The ledger's keyset: newest entry first (cost_entries_brand_recent_idx, migration 0035). */
const LEDGER_KEYS: KeysetKey[] = [{ expr: sql`${schema.costEntries.createdAt}`, cast: 'timestamptz' }]

/**
 * The budget page (issue #18: the same statements whatever the brand's history):
 * - one screen of campaigns with their figures, newest first, from a keyset cursor (campaign_money
 *   summary rows, app/domain/money-figures.ts);
 * - the program totals per currency of ALL the brand's campaigns, summed by the database;
 * - the campaigns the "Add a cost" form can pick (id and name) and the creators a cost in ONE of them
 *   can name: `campaignId` when it is one of the brand's campaigns, else the newest campaign;
 * - one screen of the non-fee ledger entries, newest first, from its own keyset cursor (`ledgerCursor`).
 */
export async function getBudget(
  actor: Pick<BrandActor, 'brand'>,
  opts: { campaignId?: string; cursor?: string | null; ledgerCursor?: string | null; size?: number } = {},
) {
  const brandId = actor.brand.id
  const k = schema.campaigns
  const size = opts.size ?? LIST_PAGE_SIZE
  const ledgerCursor = decodeKeysetCursor(opts.ledgerCursor, 'budget-ledger', keyTypes(LEDGER_KEYS))
  const ledgerKeyset = keysetSql(LEDGER_KEYS, sql`${schema.costEntries.id}`, 'desc', ledgerCursor)
  // The campaign the form shows: the one asked for if it is this brand's, else the newest (the same rule
  // in SQL for the creators, so every statement runs at once).
  const asked = opts.campaignId ? sql`(select ${k.id} from ${k} where ${k.id} = ${opts.campaignId} and ${k.brandId} = ${brandId})` : sql`null`
  const newest = sql`(select ${k.id} from ${k} where ${k.brandId} = ${brandId} order by ${k.createdAt} desc, ${k.id} desc limit 1)`
  const [page, program, choices, fetchedEntries, offered] = await Promise.all([
    getMoneySummaryPage(brandId, { list: 'budget', cursor: opts.cursor, size }),
    getProgramFigures(brandId),
    // the form's campaigns: the newest and the one asked for, not every campaign of the brand's history
    listCampaignChoices(brandId, { selected: opts.campaignId, order: 'newest' }),
    db()
      .select({
        entry: schema.costEntries,
        creatorName: schema.creators.name,
        createdAt: sql<string>`(${schema.costEntries.createdAt})::text`,
        // a subquery per row of the screen, not a join: with a join the planner walked the campaigns and
        // sorted all their entries instead of reading one screen of the index
        campaignName: sql<string | null>`(select c.name from ${k} c where c.id = ${schema.costEntries.campaignId})`,
      })
      .from(schema.costEntries)
      .leftJoin(schema.offers, and(eq(schema.offers.id, schema.costEntries.offerId), eq(schema.offers.brandId, brandId)))
      .leftJoin(schema.creators, eq(schema.creators.id, schema.offers.creatorId))
      .where(and(eq(schema.costEntries.brandId, brandId), ne(schema.costEntries.kind, 'fee'), ledgerKeyset.where))
      .orderBy(...ledgerKeyset.orderBy)
      .limit(size + 1),
    // The creators a cost in it can name ("Add a cost"): roster creators with an offer in it that can
    // carry a cost (addCostEntry books the cost on that offer and refuses anyone else).
    db()
      .selectDistinct({ id: schema.creators.id, name: schema.creators.name })
      .from(schema.offers)
      .innerJoin(schema.creators, eq(schema.creators.id, schema.offers.creatorId))
      .innerJoin(schema.rosterEntries, and(eq(schema.rosterEntries.creatorId, schema.offers.creatorId), eq(schema.rosterEntries.brandId, brandId)))
      .where(
        and(
          eq(schema.offers.brandId, brandId),
          sql`${schema.offers.campaignId} = coalesce(${asked}, ${newest})`,
          notInArray(schema.offers.status, [...OFFER_STATUSES_WITHOUT_COSTS]),
        ),
      )
      .orderBy(asc(schema.creators.name), asc(schema.creators.id)),
  ])
  const entries = keysetPage(fetchedEntries, size, ledgerCursor, 'budget-ledger', (r) => ({ v: [r.createdAt], id: r.entry.id }))
  const campaignChoices = choices.choices.map((c) => ({ campaignId: c.id, name: c.name }))
  const picked = campaignChoices.find((c) => c.campaignId === opts.campaignId)?.campaignId ?? campaignChoices[0]?.campaignId ?? null
  const lines: BudgetLine[] = page.rows.map((f) => ({
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
  return {
    campaigns: lines,
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    program,
    /** The "Add a cost" form's choices: the newest campaigns (app/domain/campaign-choices.ts), then the one asked for. */
    campaignChoices,
    /** The brand has campaigns the form does not list (the form says how to reach them). */
    campaignChoicesMore: choices.more,
    /** The campaign the form starts on (null: the brand has no campaign). */
    costCampaignId: picked,
    /** The creators a cost in `costCampaignId` can name, by name (keyed by that campaign's id). */
    costCreators: (picked ? { [picked]: offered } : {}) as Record<string, { id: string; name: string }[]>,
    entries: entries.rows.map(({ entry: e, creatorName, campaignName }) => ({ ...e, createdAt: e.createdAt.toISOString(), campaignName: campaignName ?? '', creatorName })),
    ledgerNextCursor: entries.nextCursor,
    ledgerPrevCursor: entries.prevCursor,
  }
}
