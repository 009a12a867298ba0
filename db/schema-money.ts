/**
 * Campaign money summaries (issue #18, migration 0022): one row per campaign, kept current by database
 * triggers in the same transaction as any change to its campaign, offers, cost entries, invoices or
 * deliverables (DECISIONS.md "Campaign money summaries"). Never written by the app; read by
 * app/services/budget/get-money-summaries.server.ts.
 */
import { bigint, boolean, char, date, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
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

/** The latest counters summed over posts, with how many posts reported each (`*_n`; none reported = null, never 0). */
const counterColumns = () => ({
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
})

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
    ...counterColumns(),
  },
  (t) => [primaryKey({ name: 'program_days_pk', columns: [t.brandId, t.day, t.currency] })],
)

/**
 * The performance report's raw totals per collaboration (issue #18, migration 0040): one row per accepted,
 * active or completed offer with its posts, the sums of their latest counters with how many posts reported
 * each (`*_n`), its tracked-link clicks and its cost (its share of committed, app/domain/money-figures.ts) with
 * the ledger rows behind it. Kept by statement triggers (DECISIONS.md "The report reads kept totals"); never
 * written by the app.
 */
export const reportCollab = pgTable(
  'report_collab',
  {
    offerId: text().primaryKey(),
    brandId: text().notNull(),
    creatorId: text().notNull(),
    campaignId: text().notNull(),
    currency: char({ length: 3 }).notNull(),
    posts: integer().notNull().default(0),
    ...counterColumns(),
    linkClicks: bigint({ mode: 'number' }).notNull().default(0),
    costMinor: bigint({ mode: 'number' }).notNull().default(0),
    ledgerRows: integer().notNull().default(0),
  },
  (t) => [index('report_collab_brand_creator_idx').on(t.brandId, t.currency, t.creatorId), index('report_collab_campaign_idx').on(t.campaignId), index('report_collab_cost_idx').on(t.brandId, t.currency, t.costMinor)],
)

const reportGroupColumns = {
  brandId: text().notNull(),
  currency: char({ length: 3 }).notNull(),
  n: integer().notNull(),
  ledger: integer().notNull(),
  costMinor: bigint({ mode: 'number' }).notNull(),
  posts: bigint({ mode: 'number' }).notNull(),
  impressions: numeric({ mode: 'number' }),
  reach: numeric({ mode: 'number' }),
  views: numeric({ mode: 'number' }),
  likes: numeric({ mode: 'number' }),
  comments: numeric({ mode: 'number' }),
  shares: numeric({ mode: 'number' }),
  saves: numeric({ mode: 'number' }),
  clicks: numeric({ mode: 'number' }),
  linkClicks: numeric({ mode: 'number' }).notNull(),
}
/** report_collab summed per brand, currency and creator (migration 0041): the per-creator report's rows. */
export const reportCreator = pgTable('report_creator', { ...reportGroupColumns, creatorId: text().notNull() }, (t) => [
  primaryKey({ name: 'report_creator_pk', columns: [t.brandId, t.currency, t.creatorId] }),
  index('report_creator_cost_idx').on(t.brandId, t.currency, t.costMinor),
])
/** report_collab summed per brand, currency and campaign (migration 0041): the per-campaign report and the program row. */
export const reportCampaign = pgTable('report_campaign', { ...reportGroupColumns, campaignId: text().notNull() }, (t) => [
  primaryKey({ name: 'report_campaign_pk', columns: [t.brandId, t.currency, t.campaignId] }),
  index('report_campaign_campaign_idx').on(t.campaignId),
])

/**
 * The brand home's at-risk counts (issue #18, migration 0034): per brand, kind and day, the rows of each at-risk
 * kind (1 draft due, 2 post window, 3 draft waiting for review, 4 post waiting for verification, 5 no 6-day
 * reading, 6 no 28-day reading, 7 collaboration without tracking) by the day the clock is compared with. Kept
 * by statement triggers; the clock is applied when the home reads them (app/services/brands/get-at-risk.server.ts).
 */
export const atRiskDays = pgTable(
  'at_risk_days',
  {
    brandId: text().notNull(),
    kind: smallint().notNull(),
    day: date({ mode: 'string' }).notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ name: 'at_risk_days_pk', columns: [t.brandId, t.kind, t.day] })],
)

/** Accepted or active offers without a tracked link or a promo code (migration 0034, kept by triggers). */
export const untrackedOffers = pgTable(
  'untracked_offers',
  {
    brandId: text().notNull(),
    offerId: text().notNull(),
    hasLink: boolean().notNull(),
    hasCode: boolean().notNull(),
  },
  (t) => [primaryKey({ name: 'untracked_offers_pk', columns: [t.brandId, t.offerId] }), uniqueIndex('untracked_offers_offer_uq').on(t.offerId)],
)

/** Posts missing their 28-day reading (level 1), or even their 6-day one (level 0): migration 0034, kept by triggers. */
export const postStatsGaps = pgTable(
  'post_stats_gaps',
  {
    postId: text().primaryKey(),
    brandId: text().notNull(),
    postedAt: timestamp({ withTimezone: true }).notNull(),
    level: smallint().notNull(),
  },
  (t) => [index('post_stats_gaps_brand_posted_idx').on(t.brandId, t.postedAt, t.postId), index('post_stats_gaps_brand_level_posted_idx').on(t.brandId, t.level, t.postedAt, t.postId)],
)

/**
 * The brand's invoices by status, due day and currency (issue #18, migration 0041): how many and the sum of
 * their totals; `dueKey` is 'infinity' for invoices without a due date. Kept by statement triggers on invoices;
 * never written by the app. The payables desk's figures sum it (listPayables) instead of every open invoice.
 */
export const invoiceDueDays = pgTable(
  'invoice_due_days',
  {
    brandId: text().notNull(),
    status: text().notNull(),
    dueKey: date({ mode: 'string' }).notNull(),
    currency: char({ length: 3 }).notNull(),
    invoices: integer().notNull(),
    totalMinor: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ name: 'invoice_due_days_pk', columns: [t.brandId, t.status, t.dueKey, t.currency] })],
)

/**
 * The program's money per brand and currency (issue #18, migration 0042): the sums of the brand's
 * campaign_money rows, with how many campaigns and the newest one's creation time. Kept by a statement
 * trigger on campaign_money that adds each statement's changes; never written by the app.
 */
export const programMoney = pgTable(
  'program_money',
  {
    brandId: text().notNull(),
    currency: char({ length: 3 }).notNull(),
    campaigns: integer().notNull(),
    newestCampaignAt: timestamp({ withTimezone: true }),
    plannedMinor: bigint({ mode: 'number' }).notNull(),
    committedMinor: bigint({ mode: 'number' }).notNull(),
    invoicedMinor: bigint({ mode: 'number' }).notNull(),
    paidMinor: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ name: 'program_money_pk', columns: [t.brandId, t.currency] })],
)

/** The program's committed amounts per cost kind (migration 0042), with how many campaigns have an amount of the kind. */
export const programMoneyKinds = pgTable(
  'program_money_kinds',
  {
    brandId: text().notNull(),
    currency: char({ length: 3 }).notNull(),
    kind: text().notNull(),
    totalMinor: numeric().notNull(),
    campaigns: integer().notNull(),
  },
  (t) => [primaryKey({ name: 'program_money_kinds_pk', columns: [t.brandId, t.currency, t.kind] })],
)
