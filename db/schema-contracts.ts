/**
 * Contracts and usage rights (issue #17): versioned contract templates per brand, one contract per
 * accepted offer (a new version whenever the terms change), the signatures on each version, the
 * usage-rights ledger per deliverable, its reminder log, and the ads permissions creators record.
 */
import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAt, id, timestamps } from './columns.ts'
import type { AdsPermissionKind, ContractClause, ContractDocument, ContractParty, ContractStatus } from '../app/domain/contracts.ts'

/** A brand's contract template; every save is a new version (old versions stay for the contracts made from them). */
export const contractTemplates = pgTable(
  'contract_templates',
  {
    id: id(),
    brandId: text().notNull(),
    version: integer().notNull(),
    title: text().notNull(),
    clauses: jsonb().$type<ContractClause[]>().notNull(),
    createdByUserId: text(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('contract_templates_brand_version_uq').on(t.brandId, t.version)],
)

/**
 * One version of the contract of an accepted offer. The document (rendered sections) and its PDF are
 * written once; the PDF's SHA-256 is what each party signs. A change of terms supersedes the version
 * and makes the next one. Once both have signed, the signed PDF (with its signature page) is stored too.
 */
export const contracts = pgTable(
  'contracts',
  {
    id: id(),
    brandId: text().notNull(),
    offerId: text().notNull(),
    creatorId: text().notNull(),
    version: integer().notNull(),
    status: text().$type<ContractStatus>().notNull().default('awaiting_creator'),
    templateId: text(),
    templateVersion: integer(),
    terms: jsonb().$type<Record<string, unknown>>().notNull(),
    document: jsonb().$type<ContractDocument>().notNull(),
    documentFileId: text().notNull(),
    documentSha256: text().notNull(),
    signedFileId: text(),
    signedSha256: text(),
    signedAt: timestamp({ withTimezone: true }),
    supersededAt: timestamp({ withTimezone: true }),
    createdByUserId: text(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('contracts_offer_version_uq').on(t.offerId, t.version),
    uniqueIndex('contracts_offer_current_uq').on(t.offerId).where(sql`${t.status} <> 'superseded'`),
    index('contracts_brand_status_idx').on(t.brandId, t.status),
    index('contracts_creator_idx').on(t.creatorId),
  ],
)

/** One signature per party per version (the unique index makes two tabs count once). */
export const contractSignatures = pgTable(
  'contract_signatures',
  {
    id: id(),
    contractId: text().notNull(),
    party: text().$type<ContractParty>().notNull(),
    userId: text().notNull(),
    signerName: text().notNull(),
    signerEmail: text().notNull(),
    /** The creator the agent signed for (null when the creator or the brand signed). */
    onBehalfOfCreatorId: text(),
    agencyId: text(),
    brandRole: text(),
    signedAt: timestamp({ withTimezone: true }).notNull(),
    ip: text(),
    userAgent: text(),
    documentSha256: text().notNull(),
    consentText: text().notNull(),
  },
  (t) => [uniqueIndex('contract_signatures_party_uq').on(t.contractId, t.party)],
)

/** What the brand may do with one deliverable, from the signed terms. */
export const rightsItems = pgTable(
  'rights_items',
  {
    id: id(),
    brandId: text().notNull(),
    creatorId: text().notNull(),
    offerId: text().notNull(),
    deliverableId: text().notNull(),
    contractId: text().notNull(),
    organic: boolean().notNull(),
    paidAds: boolean().notNull(),
    channels: text().array().notNull(),
    territory: text(),
    startsOn: date({ mode: 'string' }).notNull(),
    /** Last day of the licence (inclusive, in timeZone); null exactly when perpetual (a CHECK says so). */
    endsOn: date({ mode: 'string' }),
    perpetual: boolean().notNull().default(false),
    timeZone: text().notNull().default('UTC'),
    ...timestamps(),
  },
  // Migrations 0043 and 0044: the ledger pages and counts in SQL from these. The three brand indexes also
  // INCLUDE the other columns the status needs (which drizzle cannot declare), so they are read without the table.
  (t) => [
    uniqueIndex('rights_items_deliverable_uq').on(t.deliverableId),
    index('rights_items_brand_ends_idx').on(t.brandId, t.endsOn, t.id),
    index('rights_items_brand_starts_idx').on(t.brandId, t.startsOn),
    index('rights_items_brand_zone_idx').on(t.brandId, t.timeZone, t.endsOn),
    index('rights_items_offer_idx').on(t.offerId),
    check('rights_items_perpetual_ck', sql`${t.perpetual} = (${t.endsOn} is null)`),
  ],
)

/**
 * How many licences each brand has, dated and perpetual (migration 0044): kept by a trigger on rights_items in
 * the same transaction, never written by the app. The ledger's expired and perpetual counts are what is left
 * of these once the current licences are counted.
 */
export const rightsCounts = pgTable(
  'rights_counts',
  {
    brandId: text().notNull(),
    perpetual: boolean().notNull(),
    items: integer().notNull(),
  },
  (t) => [primaryKey({ name: 'rights_counts_pk', columns: [t.brandId, t.perpetual] })],
)

/** Reminders sent before a licence ends: one per item, threshold (30 or 7 days) and end date. */
export const rightsReminders = pgTable(
  'rights_reminders',
  {
    id: id(),
    rightsItemId: text().notNull(),
    thresholdDays: integer().notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rights_reminders_uq').on(t.rightsItemId, t.thresholdDays, t.endsOn)],
)

/** Ads access a creator granted for one deliverable (Instagram partnership ads, TikTok Spark Ads code). */
export const adsPermissions = pgTable(
  'ads_permissions',
  {
    id: id(),
    brandId: text().notNull(),
    creatorId: text().notNull(),
    deliverableId: text().notNull(),
    kind: text().$type<AdsPermissionKind>().notNull(),
    /** The Spark Ads authorization code (tiktok_spark); null for Instagram. */
    code: text(),
    /** The brand account the Instagram partnership-ad permission was granted to (e.g. @acme); null for TikTok. */
    brandAccount: text(),
    /** The day the creator granted the access. */
    grantedOn: date({ mode: 'string' }),
    /** Last day the access works (inclusive); null = until revoked. */
    expiresOn: date({ mode: 'string' }),
    recordedByUserId: text(),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('ads_permissions_deliverable_idx').on(t.deliverableId)],
)
