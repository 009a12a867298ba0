/**
 * Campaign money summaries (issue #18, migration 0022): one row per campaign, kept current by database
 * triggers in the same transaction as any change to its campaign, offers, cost entries, invoices or
 * deliverables (DECISIONS.md "Campaign money summaries"). Never written by the app; read by
 * app/services/budget/get-money-summaries.server.ts.
 */
import { bigint, char, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core'
import { campaigns } from './schema.ts'

export const campaignMoney = pgTable(
  'campaign_money',
  {
    campaignId: text()
      .primaryKey()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    brandId: text().notNull(),
    currency: char({ length: 3 }).notNull(),
    plannedMinor: bigint({ mode: 'number' }).notNull().default(0),
    committedMinor: bigint({ mode: 'number' }).notNull().default(0),
    invoicedMinor: bigint({ mode: 'number' }).notNull().default(0),
    paidMinor: bigint({ mode: 'number' }).notNull().default(0),
    /** Committed by cost kind (only kinds with an amount), as MoneyFigures.byKind. */
    byKind: jsonb().$type<Record<string, number>>().notNull().default({}),
    ignoredRows: integer().notNull().default(0),
    /** Offers of the campaign by offers.status. */
    offerCounts: jsonb().$type<Record<string, number>>().notNull().default({}),
    /** Invoices of the campaign's offers by invoices.status. */
    invoiceCounts: jsonb().$type<Record<string, number>>().notNull().default({}),
    /** Deliverables of the campaign by deliverables.status. */
    deliverableCounts: jsonb().$type<Record<string, number>>().notNull().default({}),
  },
  (t) => [index('campaign_money_brand_idx').on(t.brandId)],
)
