/**
 * Greenroom's database schema (drizzle, snake_case columns, timestamps with time zone).
 * Money is always integer minor units (bigint) + a char(3) currency. Statuses are text with the
 * allowed transitions written once in app/domain/state-machines.ts.
 */
import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  char,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { createdAt, id, timestamps } from './columns.ts'
import type { BrandRole, GrantScope, InvitationKind, RosterStatus } from '../app/domain/roles.ts'
import type { OrderSource, OrderStatus } from '../app/domain/orders.ts'
import type { CampaignStatus, DeliverableStatus, InvoiceStatus, OfferRecordStatus, PostStatus, TaxFormStatus } from '../app/domain/state-machines.ts'
import type { EntityType, TaxFormKind } from '../app/domain/tax-forms.ts'
import type { Finding } from '../app/domain/disclosure/check-caption.ts'
import type { UploadPurpose } from '../app/domain/file-access.ts'

export { BRAND_ROLES, GRANT_SCOPES, INVITATION_KINDS, ROSTER_STATUSES } from '../app/domain/roles.ts'
export type { BrandRole, GrantScope, InvitationKind, RosterStatus } from '../app/domain/roles.ts'

// ---------------------------------------------------------------- people and sessions
export const users = pgTable(
  'users',
  {
    id: id(),
    email: text().notNull(), // stored lower-cased
    name: text().notNull(),
    passwordHash: text(),
    passwordChangedAt: timestamp({ withTimezone: true }),
    ...timestamps(),
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email)],
)

export const sessions = pgTable(
  'sessions',
  {
    // sha-256 of the secret token in the cookie: a leaked table cannot be replayed.
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ip: text(),
    userAgent: text(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/** Failed login attempts, keyed by account and by IP; lives in the database so every process sees it. */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: id(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('password_resets_token_uq').on(t.tokenHash)],
)

// ---------------------------------------------------------------- brands

export const brands = pgTable(
  'brands',
  {
    id: id(),
    slug: text().notNull(),
    name: text().notNull(),
    legalName: text(),
    currency: char({ length: 3 }).notNull().default('USD'),
    jurisdiction: text().notNull().default('US'),
    /** Brand settings (EMV values, engagement set, approval limits, segregation of duties). */
    settings: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [uniqueIndex('brands_slug_uq').on(t.slug)],
)

export const brandMembers = pgTable(
  'brand_members',
  {
    id: id(),
    brandId: text()
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text().$type<BrandRole>().notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('brand_members_brand_user_uq').on(t.brandId, t.userId),
    index('brand_members_user_idx').on(t.userId),
  ],
)

// ---------------------------------------------------------------- creators and agencies
export const creators = pgTable(
  'creators',
  {
    id: id(),
    /** The person's login, once they accepted an invitation. */
    userId: text().references(() => users.id, { onDelete: 'set null' }),
    name: text().notNull(),
    email: text().notNull(), // contact email, lower-cased
    phone: text(),
    country: char({ length: 2 }),
    /** { line1, line2, city, region, postalCode, country } */
    shippingAddress: jsonb().$type<Record<string, string>>(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('creators_user_uq').on(t.userId),
    uniqueIndex('creators_email_uq').on(t.email),
    index('creators_name_id_idx').on(t.name, t.id),
  ],
)

export const socialAccounts = pgTable(
  'social_accounts',
  {
    id: id(),
    creatorId: text()
      .notNull()
      .references(() => creators.id, { onDelete: 'cascade' }),
    /** null: the creator's own account (entered by the creator or their agent); set: an account that brand tracks, seen only by it. */
    brandId: text().references(() => brands.id, { onDelete: 'cascade' }),
    platform: text().notNull(),
    handle: text().notNull(), // without '@', lower-cased
    profileUrl: text(),
    followers: integer().notNull().default(0),
    followersAt: timestamp({ withTimezone: true }),
    /**
     * Follower growth over the 90 days up to the latest snapshot, in basis points (2500 = +25%); null
     * without two snapshots in that window. Kept by a trigger on follower_snapshots (migration 0003).
     */
    growth90dBp: integer(),
    /**
     * The latest follower snapshot (count and when), kept by the same trigger as growth90dBp (migration
     * 0006); `followers` above is what was last typed in, which an older imported snapshot does not move.
     */
    snapshotFollowers: integer(),
    snapshotAt: timestamp({ withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('social_accounts_own_platform_handle_uq').on(t.platform, t.handle).where(sql`brand_id is null`),
    uniqueIndex('social_accounts_brand_platform_handle_uq').on(t.brandId, t.platform, t.handle).where(sql`brand_id is not null`),
    index('social_accounts_creator_idx').on(t.creatorId),
  ],
)

/** Dated follower counts: tiers and growth come from these. */
export const followerSnapshots = pgTable(
  'follower_snapshots',
  {
    id: id(),
    socialAccountId: text()
      .notNull()
      .references(() => socialAccounts.id, { onDelete: 'cascade' }),
    followers: integer().notNull(),
    capturedAt: timestamp({ withTimezone: true }).notNull(),
    source: text().notNull().default('manual'),
  },
  (t) => [index('follower_snapshots_account_at_idx').on(t.socialAccountId, t.capturedAt)],
)


/** What a brand knows about a creator: belongs to the brand, never shown to another brand. */
export const rosterEntries = pgTable(
  'roster_entries',
  {
    id: id(),
    brandId: text()
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    creatorId: text()
      .notNull()
      .references(() => creators.id, { onDelete: 'cascade' }),
    status: text().$type<RosterStatus>().notNull().default('prospect'),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    /** A brand may record that the creator is represented by an agency. */
    representedBy: text(),
    /** When the creator accepted this brand's invitation (or joined through it): part of the relationship (app/domain/creator-privacy.ts). */
    consentedAt: timestamp({ withTimezone: true }),
    /*
     * Sort keys for the roster list, denormalized and kept current by database triggers in the same
     * transaction as the change (migration 0003; DECISIONS.md "Roster sort keys"). Never written by the app.
     */
    /** The creator's largest follower count on any platform. */
    topFollowers: integer().notNull().default(0),
    /** When the latest accepted collaboration with this brand was agreed. */
    lastCollaborationAt: timestamp({ withTimezone: true }),
    /** Paid invoices in the brand's currency. */
    totalPaidMinor: bigint({ mode: 'number' }).notNull().default(0),
    /** Drafts and posts delivered by their dates, of those delivered, in basis points; null: none yet. */
    onTimeRateBp: integer(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('roster_entries_brand_creator_uq').on(t.brandId, t.creatorId),
    index('roster_entries_creator_idx').on(t.creatorId),
    index('roster_entries_brand_status_idx').on(t.brandId, t.status, t.creatorId),
    index('roster_entries_brand_followers_idx').on(t.brandId, t.topFollowers, t.creatorId),
    index('roster_entries_brand_last_collab_idx').on(t.brandId, sql`coalesce(${t.lastCollaborationAt}, 'epoch'::timestamptz)`, t.creatorId),
    index('roster_entries_brand_paid_idx').on(t.brandId, t.totalPaidMinor, t.creatorId),
    index('roster_entries_brand_on_time_idx').on(t.brandId, sql`coalesce(${t.onTimeRateBp}, -1)`, t.creatorId),
    index('roster_entries_brand_added_idx').on(t.brandId, t.createdAt, t.creatorId),
    // The tag filter's list of the brand's tags: an index-only scan, not a read of every roster row.
    index('roster_entries_brand_tags_idx').on(t.brandId, t.tags),
  ],
)

/** Per brand and roster status, how many entries (migration 0036: kept by statement triggers on roster_entries; never written by the app). */
export const rosterCounts = pgTable(
  'roster_counts',
  { brandId: text().notNull(), status: text().$type<RosterStatus>().notNull(), entries: integer().notNull().default(0) },
  (t) => [primaryKey({ name: 'roster_counts_pk', columns: [t.brandId, t.status] })],
)

/** Per brand and tag, how many roster entries carry it: the tag filter's options are those with entries > 0 (migration 0036). */
export const rosterTagCounts = pgTable(
  'roster_tag_counts',
  { brandId: text().notNull(), tag: text().notNull(), entries: integer().notNull().default(0) },
  (t) => [primaryKey({ name: 'roster_tag_counts_pk', columns: [t.brandId, t.tag] })],
)

export const agencies = pgTable('agencies', {
  id: id(),
  name: text().notNull(),
  legalName: text(),
  ...timestamps(),
})

export const agencyMembers = pgTable(
  'agency_members',
  {
    id: id(),
    agencyId: text()
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text().$type<'owner' | 'agent'>().notNull().default('agent'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('agency_members_agency_user_uq').on(t.agencyId, t.userId),
    index('agency_members_user_idx').on(t.userId),
  ],
)


/** A creator lets an agency act for them, within scopes, until revoked. */
export const agentGrants = pgTable(
  'agent_grants',
  {
    id: id(),
    creatorId: text()
      .notNull()
      .references(() => creators.id, { onDelete: 'cascade' }),
    agencyId: text()
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    scopes: text().array().$type<GrantScope[]>().notNull(),
    /** When true, invoices for this creator are issued by and paid to the agency. */
    agencyInvoices: boolean().notNull().default(false),
    grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
    revokedByUserId: text().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('agent_grants_active_uq')
      .on(t.creatorId, t.agencyId)
      .where(sql`${t.revokedAt} is null`),
    index('agent_grants_agency_idx').on(t.agencyId),
  ],
)

// ---------------------------------------------------------------- invitations

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    tokenHash: text().notNull(),
    kind: text().$type<InvitationKind>().notNull(),
    email: text().notNull(),
    name: text(),
    brandId: text().references(() => brands.id, { onDelete: 'cascade' }),
    role: text().$type<BrandRole>(),
    creatorId: text().references(() => creators.id, { onDelete: 'cascade' }),
    agencyId: text().references(() => agencies.id, { onDelete: 'cascade' }),
    invitedByUserId: text().references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedByUserId: text().references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('invitations_token_uq').on(t.tokenHash),
    index('invitations_brand_idx').on(t.brandId),
  ],
)

// ---------------------------------------------------------------- audit and outbox
/** Append-only. Written in the same transaction as the change it records. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorUserId: text(),
    actingForCreatorId: text(),
    brandId: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    before: jsonb(),
    after: jsonb(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_brand_at_idx').on(t.brandId, t.at),
  ],
)

export const OUTBOX_STATUSES = ['pending', 'sent', 'dead'] as const

/** Emails (and later other side effects), written with the change, delivered by the worker. */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: id(),
    kind: text().notNull().default('email'),
    template: text().notNull(),
    toAddresses: text().array().notNull(),
    ccAddresses: text().array().notNull().default(sql`'{}'::text[]`),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    status: text().$type<(typeof OUTBOX_STATUSES)[number]>().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp({ withTimezone: true }),
    lastError: text(),
    /** Optional idempotency key: the same logical email is queued once. */
    dedupeKey: text(),
    createdAt: createdAt(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('outbox_pending_idx').on(t.status, t.nextAttemptAt),
    uniqueIndex('outbox_dedupe_uq').on(t.dedupeKey),
  ],
)

// ================================================================ campaigns, briefs, offers
export const campaigns = pgTable(
  'campaigns',
  {
    id: id(),
    brandId: text()
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    objective: text().notNull().default(''),
    startsOn: date({ mode: 'string' }),
    endsOn: date({ mode: 'string' }),
    platforms: text().array().notNull().default(sql`'{}'::text[]`),
    budgetMinor: bigint({ mode: 'number' }).notNull().default(0),
    currency: char({ length: 3 }).notNull().default('USD'),
    /** draft | active | completed | archived (app/domain/state-machines.ts) */
    status: text().$type<CampaignStatus>().notNull().default('draft'),
    /** Orders count within this many days after the click or the post (app/domain/orders.ts). */
    attributionWindowDays: integer().notNull().default(30),
    createdByUserId: text().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    index('campaigns_brand_status_idx').on(t.brandId, t.status),
    // The budget page's campaigns, newest first, one keyset screen at a time (migration 0035).
    index('campaigns_brand_created_idx').on(t.brandId, t.createdAt, t.id),
  ],
)

/** One structured brief per campaign; `draft` is being edited, versions are published snapshots. */
export const briefs = pgTable(
  'briefs',
  {
    id: id(),
    campaignId: text()
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    brandId: text()
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    /** BriefContent (app/domain/brief.ts), as being edited. */
    draft: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** 0 until the first publish. */
    currentVersion: integer().notNull().default(0),
    ...timestamps(),
  },
  (t) => [uniqueIndex('briefs_campaign_uq').on(t.campaignId)],
)

export const briefVersions = pgTable(
  'brief_versions',
  {
    id: id(),
    briefId: text()
      .notNull()
      .references(() => briefs.id, { onDelete: 'cascade' }),
    brandId: text().notNull(),
    version: integer().notNull(),
    content: jsonb().$type<Record<string, unknown>>().notNull(),
    publishedByUserId: text().references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('brief_versions_brief_version_uq').on(t.briefId, t.version)],
)

/**
 * An offer to one creator for one campaign; once accepted it is the collaboration (contract).
 * status: invited | countered | accepted | declined | expired | withdrawn | active | completed | cancelled
 */
export const offers = pgTable(
  'offers',
  {
    id: id(),
    brandId: text()
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    campaignId: text()
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    creatorId: text()
      .notNull()
      .references(() => creators.id, { onDelete: 'cascade' }),
    status: text().$type<OfferRecordStatus>().notNull().default('invited'),
    connectionType: text().notNull(), // paid | gifted | affiliate | mixed | employee
    feeMinor: bigint({ mode: 'number' }).notNull().default(0),
    currency: char({ length: 3 }).notNull(),
    paymentNetDays: integer().notNull().default(30),
    /** What starts the payment clock: post_verified | draft_approved | invoice_received */
    paymentClockStart: text().notNull().default('post_verified'),
    usageRights: text().notNull().default('none'), // none | organic | paid
    usageMonths: integer().notNull().default(0),
    usageTerritory: text(),
    usageFeeMinor: bigint({ mode: 'number' }).notNull().default(0),
    exclusivityCategory: text(),
    exclusivityMonths: integer().notNull().default(0),
    revisionRounds: integer().notNull().default(2),
    /** The deliverable lines offered (OfferDeliverableSpec[], app/domain/offer-terms.ts); rows are made on accept. */
    deliverableSpecs: jsonb().$type<Record<string, unknown>[]>().notNull().default([]),
    giftDescription: text(),
    message: text(),
    expiresAt: timestamp({ withTimezone: true }),
    sentByUserId: text().references(() => users.id, { onDelete: 'set null' }),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    counterFeeMinor: bigint({ mode: 'number' }),
    counterNote: text(),
    counteredAt: timestamp({ withTimezone: true }),
    counteredByUserId: text(),
    responseNote: text(), // decline reason, or the brand's note declining a counter
    respondedAt: timestamp({ withTimezone: true }),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedByUserId: text(),
    acceptedOnBehalfOfCreatorId: text(),
    acceptedIp: text(),
    /** The exact terms the creator accepted (fee, deliverables, usage...), frozen. */
    acceptedTerms: jsonb(),
    acceptedBriefVersion: integer(),
    /** Latest brief version the creator has acknowledged (re-acknowledge when the brief changes). */
    acknowledgedBriefVersion: integer(),
    expiryReminderSentAt: timestamp({ withTimezone: true }),
    /** A rights-extension offer: the accepted offer whose usage rights it extends (issue #17). */
    extendsOfferId: text(),
    ...timestamps(),
  },
  (t) => [
    index('offers_brand_campaign_idx').on(t.brandId, t.campaignId),
    /** The brand home's at-risk list: a brand's collaborations by state (migration 0033). */
    index('offers_brand_status_idx').on(t.brandId, t.status),
    index('offers_creator_status_idx').on(t.creatorId, t.status),
    /** Offers with usage rights or exclusivity, for "rights ending" on the brand home (migration 0034). */
    index('offers_brand_rights_idx').on(t.brandId).where(sql`${t.usageMonths} > 0 OR ${t.exclusivityMonths} > 0`),
  ],
)

/** pending -> draft_submitted -> changes_requested -> ... -> approved -> posted -> verified */
export const deliverables = pgTable(
  'deliverables',
  {
    id: id(),
    offerId: text()
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    brandId: text().notNull(),
    campaignId: text().notNull(),
    creatorId: text().notNull(),
    platform: text().notNull(),
    format: text().notNull(),
    /** 1..quantity within the offer line */
    position: integer().notNull().default(1),
    draftDueOn: date({ mode: 'string' }),
    postWindowStart: date({ mode: 'string' }),
    postWindowEnd: date({ mode: 'string' }),
    status: text().$type<DeliverableStatus>().notNull().default('pending'),
    revisionsUsed: integer().notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    index('deliverables_offer_idx').on(t.offerId),
    index('deliverables_brand_status_idx').on(t.brandId, t.status),
    index('deliverables_campaign_brand_status_idx').on(t.campaignId, t.brandId, t.status),
    /** Drafts due soon or late, counted and listed by due day (brand home at-risk, migration 0033). */
    index('deliverables_brand_status_draft_due_idx').on(t.brandId, t.status, t.draftDueOn),
    index('deliverables_creator_status_idx').on(t.creatorId, t.status),
    /** The brand home's at-risk lists walk these in due order and stop at 25 (migration 0034). */
    index('deliverables_brand_draft_due_open_idx').on(t.brandId, t.draftDueOn, t.id).where(sql`${t.status} IN ('pending', 'changes_requested')`),
    index('deliverables_brand_post_window_open_idx').on(t.brandId, t.postWindowEnd, t.id).where(sql`${t.status} IN ('approved', 'post_changes_requested')`),
  ],
)

// ================================================================ files and content review
export const files = pgTable(
  'files',
  {
    id: id(),
    /** What the file is for (app/domain/file-access.ts UPLOAD_PURPOSES): decides who may open it. */
    purpose: text().$type<UploadPurpose>().notNull(),
    storage: text().notNull(), // local | uploadthing
    storageKey: text().notNull(),
    originalName: text().notNull(),
    /** Decided from the file's bytes, never the name or the browser's claim. */
    mimeType: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    brandId: text(),
    creatorId: text(),
    agencyId: text(),
    uploadedByUserId: text(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('files_storage_key_uq').on(t.storage, t.storageKey), index('files_creator_idx').on(t.creatorId)],
)

export const draftVersions = pgTable(
  'draft_versions',
  {
    id: id(),
    deliverableId: text()
      .notNull()
      .references(() => deliverables.id, { onDelete: 'cascade' }),
    brandId: text().notNull(),
    version: integer().notNull(),
    caption: text().notNull().default(''),
    fileIds: text().array().notNull().default(sql`'{}'::text[]`),
    /** Findings from app/domain/disclosure at submit time. */
    findings: jsonb().$type<Finding[]>().notNull().default([]),
    submittedByUserId: text(),
    actingForCreatorId: text(),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** approved | changes_requested | null while waiting */
    decision: text(),
    decidedByUserId: text(),
    decidedAt: timestamp({ withTimezone: true }),
    /** Reviewer attestation ticks { 'VD-01': true, ... } */
    attestations: jsonb().$type<Record<string, boolean>>().notNull().default({}),
    acknowledgedWarnings: boolean().notNull().default(false),
    overrideReason: text(),
    /**
     * The review queue's first sort key, coalesce(post_window_start, draft_due_on, 'infinity') of the
     * deliverable, while this version waits (no decision, deliverable in draft_submitted); null otherwise.
     * Kept by database triggers in the same transaction (migration 0036); never written by the app.
     */
    queueUrgency: date({ mode: 'string' }),
  },
  (t) => [
    uniqueIndex('draft_versions_deliverable_version_uq').on(t.deliverableId, t.version),
    index('draft_versions_brand_decision_idx').on(t.brandId, t.decision),
    /** Versions waiting for a decision, oldest first (brand home at-risk, migration 0034). */
    index('draft_versions_brand_waiting_idx').on(t.brandId, t.submittedAt, t.id).where(sql`${t.decision} IS NULL`),
    /** The review queue's page order over the brand's waiting drafts (an index walk, not a sort). */
    index('draft_versions_queue_idx').on(t.brandId, t.queueUrgency, t.submittedAt, t.id).where(sql`${t.queueUrgency} is not null`),
  ],
)

/**
 * Per brand: draft versions without a decision (the navigation's badge) and, of those, the ones waiting in
 * the review queue (queue_urgency set). Kept by statement triggers on draft_versions (migration 0036);
 * never written by the app; tests/integration/review-roster-counts-drift.test.ts.
 */
export const reviewQueueCounts = pgTable('review_queue_counts', {
  brandId: text().primaryKey(),
  undecided: integer().notNull().default(0),
  waiting: integer().notNull().default(0),
})

export const reviewComments = pgTable(
  'review_comments',
  {
    id: id(),
    deliverableId: text()
      .notNull()
      .references(() => deliverables.id, { onDelete: 'cascade' }),
    draftVersionId: text(),
    brandId: text().notNull(),
    authorUserId: text(),
    body: text().notNull(),
    /** creator: visible to the creator and agents; internal: brand members only */
    visibility: text().notNull().default('creator'),
    createdAt: createdAt(),
  },
  (t) => [index('review_comments_deliverable_idx').on(t.deliverableId)],
)

// ================================================================ posts, metrics, attribution
export const posts = pgTable(
  'posts',
  {
    id: id(),
    deliverableId: text()
      .notNull()
      .references(() => deliverables.id, { onDelete: 'cascade' }),
    brandId: text().notNull(),
    creatorId: text().notNull(),
    platform: text().notNull(),
    url: text().notNull(), // normalized
    externalId: text(),
    postedAt: timestamp({ withTimezone: true }).notNull(),
    captionAsPosted: text().notNull().default(''),
    /** The creator's answer at submission: is the platform's paid-partnership / branded-content label on? null: not asked (older posts). */
    platformLabelDeclared: boolean(),
    findings: jsonb().$type<Finding[]>().notNull().default([]),
    outsideWindow: boolean().notNull().default(false),
    /** submitted | verified | changes_requested (postMachine) */
    status: text().$type<PostStatus>().notNull().default('submitted'),
    attestations: jsonb().$type<Record<string, boolean>>().notNull().default({}),
    problemNote: text(),
    verifiedByUserId: text(),
    verifiedAt: timestamp({ withTimezone: true }),
    submittedByUserId: text(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('posts_deliverable_uq').on(t.deliverableId),
    uniqueIndex('posts_url_uq').on(t.url),
    index('posts_brand_idx').on(t.brandId, t.postedAt),
    index('posts_creator_idx').on(t.creatorId),
    /** Posts waiting for verification, oldest first (brand home at-risk, migration 0034). */
    index('posts_brand_submitted_idx').on(t.brandId, t.updatedAt, t.id).where(sql`${t.status} = 'submitted'`),
  ],
)

export const metricSnapshots = pgTable(
  'metric_snapshots',
  {
    id: id(),
    postId: text()
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    brandId: text().notNull(),
    capturedAt: timestamp({ withTimezone: true }).notNull(),
    source: text().notNull(), // creator | csv | api
    impressions: bigint({ mode: 'number' }),
    reach: bigint({ mode: 'number' }),
    views: bigint({ mode: 'number' }),
    likes: bigint({ mode: 'number' }),
    comments: bigint({ mode: 'number' }),
    shares: bigint({ mode: 'number' }),
    saves: bigint({ mode: 'number' }),
    clicks: bigint({ mode: 'number' }),
    followers: bigint({ mode: 'number' }),
    evidenceFileId: text(),
    /** Idempotency: the same import row (post + captured_at + source) is stored once. */
    importKey: text(),
    createdByUserId: text(),
    createdAt: createdAt(),
  },
  (t) => [
    // The latest snapshot of a post, answered from the index alone (an index-only scan: the counters
    // are key columns because drizzle has no INCLUDE). Reports do one such lookup per post.
    index('metric_snapshots_post_latest_idx').on(
      t.postId,
      t.capturedAt.desc(),
      t.createdAt.desc(),
      t.impressions,
      t.reach,
      t.views,
      t.likes,
      t.comments,
      t.shares,
      t.saves,
      t.clicks,
    ),
    index('metric_snapshots_brand_at_idx').on(t.brandId, t.capturedAt),
    uniqueIndex('metric_snapshots_import_key_uq').on(t.importKey),
  ],
)

/**
 * The latest snapshot of each post that has one (by captured_at, then created_at: the same order as
 * metric_snapshots_post_latest_idx), kept by statement-level triggers on metric_snapshots in the same
 * transaction as the write (migration 0006; DECISIONS.md "Latest counters per post"). Never written by
 * the app. Reports read one row per post from here instead of probing the snapshot index per post.
 */
export const postMetricsLatest = pgTable(
  'post_metrics_latest',
  {
    postId: text()
      .primaryKey()
      .references(() => posts.id, { onDelete: 'cascade' }),
    brandId: text().notNull(),
    snapshotId: text().notNull(),
    capturedAt: timestamp({ withTimezone: true }).notNull(),
    snapshotCreatedAt: timestamp({ withTimezone: true }),
    impressions: bigint({ mode: 'number' }),
    reach: bigint({ mode: 'number' }),
    views: bigint({ mode: 'number' }),
    likes: bigint({ mode: 'number' }),
    comments: bigint({ mode: 'number' }),
    shares: bigint({ mode: 'number' }),
    saves: bigint({ mode: 'number' }),
    clicks: bigint({ mode: 'number' }),
  },
  (t) => [index('post_metrics_latest_brand_idx').on(t.brandId, t.postId), index('post_metrics_latest_brand_captured_idx').on(t.brandId, t.capturedAt)],
)

export const trackingLinks = pgTable(
  'tracking_links',
  {
    id: id(),
    offerId: text()
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    brandId: text().notNull(),
    /**
     * The deliverable (post) the link is for: its UTM source is that post's platform (migration 0025).
     * Null: an older link for the whole collaboration, one per offer, which keeps redirecting as before.
     */
    deliverableId: text().references(() => deliverables.id, { onDelete: 'cascade' }),
    code: text().notNull(),
    destinationUrl: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('tracking_links_code_uq').on(t.code),
    uniqueIndex('tracking_links_offer_uq').on(t.offerId).where(sql`${t.deliverableId} is null`),
    uniqueIndex('tracking_links_deliverable_uq').on(t.deliverableId),
    index('tracking_links_offer_idx').on(t.offerId),
    index('tracking_links_brand_idx').on(t.brandId, t.id, t.offerId),
  ],
)

/** One row per link, visitor and day (visitor = hash of IP + user agent + daily salt; no raw IP). */
export const linkClicks = pgTable(
  'link_clicks',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    linkId: text()
      .notNull()
      .references(() => trackingLinks.id, { onDelete: 'cascade' }),
    brandId: text().notNull(),
    day: date({ mode: 'string' }).notNull(),
    visitorHash: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('link_clicks_link_day_visitor_uq').on(t.linkId, t.day, t.visitorHash), index('link_clicks_brand_day_link_idx').on(t.brandId, t.day, t.linkId)],
)

export const promoCodes = pgTable(
  'promo_codes',
  {
    id: id(),
    offerId: text()
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    brandId: text().notNull(),
    code: text().notNull(), // stored upper-case
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('promo_codes_brand_code_uq').on(t.brandId, t.code), index('promo_codes_offer_idx').on(t.offerId)],
)

export const redemptions = pgTable(
  'redemptions',
  {
    id: id(),
    brandId: text().notNull(),
    /** The collaboration credited: from the promo code, or the tracked link for a link conversion. */
    offerId: text()
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    promoCodeId: text().references(() => promoCodes.id, { onDelete: 'cascade' }),
    trackingLinkId: text().references(() => trackingLinks.id, { onDelete: 'set null' }),
    source: text().$type<OrderSource>().notNull().default('code'),
    format: text().notNull().default('shopify'),
    orderId: text().notNull(),
    orderedAt: timestamp({ withTimezone: true }).notNull(),
    clickedAt: timestamp({ withTimezone: true }),
    status: text().$type<OrderStatus>().notNull().default('paid'),
    /** Gross order total, in the order's own currency. */
    totalMinor: bigint({ mode: 'number' }).notNull(),
    refundedMinor: bigint({ mode: 'number' }).notNull().default(0),
    currency: char({ length: 3 }).notNull(),
    cancelledAt: timestamp({ withTimezone: true }),
    isTest: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('redemptions_brand_order_uq').on(t.brandId, t.orderId),
    index('redemptions_code_idx').on(t.promoCodeId),
    index('redemptions_brand_offer_idx').on(t.brandId, t.offerId),
  ],
)

// ================================================================ money: ledger, tax forms, invoices
export const costEntries = pgTable(
  'cost_entries',
  {
    id: id(),
    brandId: text().notNull(),
    campaignId: text()
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    offerId: text().references(() => offers.id, { onDelete: 'set null' }),
    /** fee | gifting | shipping | production | commission | usage | other */
    kind: text().notNull(),
    amountMinor: bigint({ mode: 'number' }).notNull(),
    currency: char({ length: 3 }).notNull(),
    note: text(),
    carrier: text(),
    trackingNumber: text(),
    shippedOn: date({ mode: 'string' }),
    deliveredOn: date({ mode: 'string' }),
    createdByUserId: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index('cost_entries_campaign_idx').on(t.campaignId),
    index('cost_entries_offer_idx').on(t.offerId),
    // The budget page's non-fee ledger entries of a brand, newest first, one keyset screen at a time (migration 0035).
    index('cost_entries_brand_recent_idx').on(t.brandId, t.createdAt.desc(), t.id.desc()).where(sql`${t.kind} <> 'fee'`),
  ],
)

export const taxForms = pgTable(
  'tax_forms',
  {
    id: id(),
    creatorId: text().references(() => creators.id, { onDelete: 'cascade' }),
    agencyId: text().references(() => agencies.id, { onDelete: 'cascade' }),
    kind: text().$type<TaxFormKind>().notNull(),
    legalName: text().notNull(),
    entityType: text().$type<EntityType>().notNull(),
    fileId: text().notNull(),
    status: text().$type<TaxFormStatus>().notNull().default('submitted'),
    verifiedByUserId: text(),
    verifiedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('tax_forms_creator_idx').on(t.creatorId), index('tax_forms_agency_idx').on(t.agencyId)],
)

export const paymentRuns = pgTable('payment_runs', {
  id: id(),
  brandId: text().notNull(),
  reference: text().notNull(),
  paidOn: date({ mode: 'string' }).notNull(),
  method: text().notNull(),
  createdByUserId: text(),
  /** Each paid invoice's payee as it was when the run was made (the CSV shows this, not today's names). */
  payees: jsonb().$type<Record<string, PaymentRunPayee>>().notNull().default({}),
  createdAt: createdAt(),
})

export interface PaymentRunPayee {
  payee: string
  payeeLegalName: string
  creator: string
}

/** submitted -> approved | rejected -> paid (once); void. */
export const invoices = pgTable(
  'invoices',
  {
    id: id(),
    brandId: text().notNull(),
    offerId: text()
      .notNull()
      .references(() => offers.id, { onDelete: 'restrict' }),
    creatorId: text().notNull(),
    /** 'creator:<id>' or 'agency:<id>': the payee, for uniqueness and duplicate checks */
    payeeKey: text().notNull(),
    payeeAgencyId: text(),
    number: text().notNull(),
    normalizedNumber: text().notNull(),
    issueDate: date({ mode: 'string' }).notNull(),
    dueDate: date({ mode: 'string' }),
    currency: char({ length: 3 }).notNull(),
    subtotalMinor: bigint({ mode: 'number' }).notNull(),
    taxMinor: bigint({ mode: 'number' }).notNull().default(0),
    totalMinor: bigint({ mode: 'number' }).notNull(),
    status: text().$type<InvoiceStatus>().notNull().default('submitted'),
    /** Client-generated key: a double click or a retry creates one invoice. */
    idempotencyKey: text().notNull(),
    match: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    matchOk: boolean().notNull().default(false),
    submittedByUserId: text(),
    actingForCreatorId: text(),
    rejectReason: text(),
    approvedByUserId: text(),
    approvedAt: timestamp({ withTimezone: true }),
    exceptionNote: text(),
    paidAt: timestamp({ withTimezone: true }),
    paidByUserId: text(),
    paymentMethod: text(),
    paymentReference: text(),
    paymentRunId: text(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('invoices_payee_number_uq').on(t.payeeKey, t.normalizedNumber),
    uniqueIndex('invoices_idempotency_uq').on(t.idempotencyKey),
    index('invoices_brand_status_idx').on(t.brandId, t.status),
    /** The invoices list and the payables desk, one screen in list order (migration 0038). */
    index('invoices_brand_created_idx').on(t.brandId, t.createdAt, t.id),
    index('invoices_brand_status_created_idx').on(t.brandId, t.status, t.createdAt, t.id),
    index('invoices_brand_status_due_idx').on(t.brandId, t.status, sql`coalesce(${t.dueDate}, 'infinity'::date)`, t.issueDate, t.id),
    /** The payables desk's totals by currency and aging bucket, index-only (migration 0038; currency and total_minor are INCLUDEd in SQL). */
    index('invoices_brand_status_totals_idx').on(t.brandId, t.status, t.dueDate),
    index('invoices_offer_idx').on(t.offerId),
    // The creator portal's money at a glance and invoice list.
    index('invoices_creator_idx').on(t.creatorId, t.status),
  ],
)

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: id(),
    invoiceId: text()
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    deliverableId: text(),
    kind: text().notNull(), // deliverable | usage | other
    description: text().notNull(),
    amountMinor: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [index('invoice_lines_invoice_idx').on(t.invoiceId), index('invoice_lines_deliverable_idx').on(t.deliverableId)],
)

// ================================================================ roster (the brand's own notes)
export const creatorNotes = pgTable(
  'creator_notes',
  {
    id: id(),
    brandId: text()
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    creatorId: text()
      .notNull()
      .references(() => creators.id, { onDelete: 'cascade' }),
    authorUserId: text(),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('creator_notes_brand_creator_idx').on(t.brandId, t.creatorId)],
)
export * from './schema-contracts.ts'
export * from './schema-holes.ts'
export * from './schema-orders.ts'
export * from './schema-jobs.ts'
export * from './schema-media.ts'
export * from './schema-connectors.ts'
export * from './schema-money.ts'
