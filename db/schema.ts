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
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { createdAt, id, timestamps } from './columns.ts'
import type { BrandRole, GrantScope, InvitationKind, RosterStatus } from '../app/domain/roles.ts'

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
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: id(),
    key: text().notNull(), // 'email:<sha256>' or 'ip:<sha256>'
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_key_at_idx').on(t.key, t.at)],
)

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
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('creators_user_uq').on(t.userId),
    uniqueIndex('creators_email_uq').on(t.email),
  ],
)

export const socialAccounts = pgTable(
  'social_accounts',
  {
    id: id(),
    creatorId: text()
      .notNull()
      .references(() => creators.id, { onDelete: 'cascade' }),
    platform: text().notNull(),
    handle: text().notNull(), // without '@', lower-cased
    profileUrl: text(),
    followers: integer().notNull().default(0),
    followersAt: timestamp({ withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('social_accounts_platform_handle_uq').on(t.platform, t.handle),
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
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('roster_entries_brand_creator_uq').on(t.brandId, t.creatorId),
    index('roster_entries_creator_idx').on(t.creatorId),
  ],
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
