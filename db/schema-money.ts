/**
 * Campaign money summaries (issue #18, migration 0022): one row per campaign, kept current by database
 * triggers in the same transaction as any change to its campaign, offers, cost entries, invoices or
 * deliverables (DECISIONS.md "Campaign money summaries"). Never written by the app; read by
 * app/services/budget/get-money-summaries.server.ts.
 */
import { bigint, char, date, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
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

/**
 * The brand home's program numbers by publishing day (issue #18, migration 0033): per brand, UTC day and
 * collaboration currency, the posts of accepted/active/completed collaborations and the sums of their latest
 * counters, with how many posts reported each (`*_n`; none reported = null). Kept by statement triggers on
 * posts, post_metrics_latest, offers and deliverables (DECISIONS.md "Program days"); never written by the app.
 */
export const programDays = pgTable(
  'program_days',
  {
    brandId: text().notNull(),
    day: date({ mode: 'string' }).notNull(),
    currency: char({ length: 3 }).notNull(),
    posts: integer().notNull(),
    impressions: bigint({ mode: 'number' }),
    impressionsN: integer('impressions_n').notNull().default(0),
    reach: bigint({ mode: 'number' }),
    reachN: integer('reach_n').notNull().default(0),
    views: bigint({ mode: 'number' }),
    viewsN: integer('views_n').notNull().default(0),
    likes: bigint({ mode: 'number' }),
    likesN: integer('likes_n').notNull().default(0),
    comments: bigint({ mode: 'number' }),
    commentsN: integer('comments_n').notNull().default(0),
    shares: bigint({ mode: 'number' }),
    sharesN: integer('shares_n').notNull().default(0),
    saves: bigint({ mode: 'number' }),
    savesN: integer('saves_n').notNull().default(0),
    clicks: bigint({ mode: 'number' }),
    clicksN: integer('clicks_n').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'program_days_pk', columns: [t.brandId, t.day, t.currency] })],
)
