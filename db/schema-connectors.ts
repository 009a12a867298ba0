/**
 * Platform connections (issue #20): a creator's OAuth grant to Instagram, TikTok or YouTube, with the
 * tokens encrypted at rest (AES-256-GCM, app/services/connectors/token-crypto.server.ts), the one-time
 * OAuth `state` rows (hash only, with the PKCE verifier encrypted), and what the platform returned for
 * a deliverable's post (the proposed match and the caption as posted).
 */
import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
import { createdAt, id, timestamps } from './columns.ts'
import type { ConnectionStatus, ConnectorPlatform, PostReadStatus } from '../app/domain/connectors.ts'

export const platformConnections = pgTable(
  'platform_connections',
  {
    id: id(),
    creatorId: text().notNull(),
    platform: text().$type<ConnectorPlatform>().notNull(),
    /** The platform's id of the account (Instagram user id, TikTok open_id, YouTube channel id). */
    externalUserId: text().notNull(),
    username: text(),
    scopes: text().array().notNull().default(sql`'{}'::text[]`),
    accessTokenEnc: text().notNull(),
    refreshTokenEnc: text(),
    accessExpiresAt: timestamp({ withTimezone: true }),
    refreshExpiresAt: timestamp({ withTimezone: true }),
    status: text().$type<ConnectionStatus>().notNull().default('connected'),
    statusReason: text(),
    /** The creator's own social_accounts row this connection keeps current (follower snapshots). */
    socialAccountId: text(),
    connectedByUserId: text(),
    connectedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** After a rate-limit answer: no calls for this connection before then. */
    rateLimitedUntil: timestamp({ withTimezone: true }),
    lastSyncedAt: timestamp({ withTimezone: true }),
    lastError: text(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('platform_connections_creator_platform_uq').on(t.creatorId, t.platform),
    index('platform_connections_status_idx').on(t.status, t.accessExpiresAt),
  ],
)

export const oauthStates = pgTable(
  'oauth_states',
  {
    id: id(),
    /** sha256 of the state sent to the platform; the state itself is never stored. */
    stateHash: text().notNull(),
    platform: text().$type<ConnectorPlatform>().notNull(),
    creatorId: text().notNull(),
    /** Who started the flow: only the same signed-in user may finish it. */
    userId: text().notNull(),
    codeVerifierEnc: text(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('oauth_states_state_hash_uq').on(t.stateHash)],
)

export const platformPostReads = pgTable(
  'platform_post_reads',
  {
    id: id(),
    deliverableId: text().notNull(),
    connectionId: text(),
    platform: text().$type<ConnectorPlatform>().notNull(),
    externalId: text().notNull(),
    permalink: text().notNull(),
    /** The caption as the platform returned it. */
    caption: text().notNull().default(''),
    postedAt: timestamp({ withTimezone: true }),
    mediaType: text(),
    status: text().$type<PostReadStatus>().notNull().default('proposed'),
    fetchedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    // One open read (proposed or used) per deliverable; a dismissed one ("Not this one") leaves room for the
    // next proposal, and the same post is never read twice for a deliverable (so a dismissed post stays dismissed).
    uniqueIndex('platform_post_reads_deliverable_open_uq').on(t.deliverableId).where(sql`${t.status} <> 'dismissed'`),
    uniqueIndex('platform_post_reads_deliverable_external_uq').on(t.deliverableId, t.externalId),
  ],
)

export type PlatformConnectionRow = typeof platformConnections.$inferSelect
