/**
 * Orders attribution (issue #16): exchange rates a brand enters, the per-brand secret of the
 * conversion endpoint, and the receipts that make a replayed conversion call a no-op. The orders
 * themselves are `redemptions` in schema.ts. Foreign keys are in db/migrations/0019_orders.sql.
 */
import { bigint, char, date, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns.ts'

/** 1 unit of from_currency = rate_micros / 1,000,000 units of to_currency, from effective_on on. */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    id: id(),
    brandId: text().notNull(),
    fromCurrency: char({ length: 3 }).notNull(),
    toCurrency: char({ length: 3 }).notNull(),
    rateMicros: bigint({ mode: 'number' }).notNull(),
    effectiveOn: date({ mode: 'string' }).notNull(),
    createdByUserId: text(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('exchange_rates_brand_pair_day_uq').on(t.brandId, t.fromCurrency, t.toCurrency, t.effectiveOn)],
)

export const conversionEndpoints = pgTable('conversion_endpoints', {
  brandId: text().primaryKey(),
  secret: text().notNull(),
  createdAt: createdAt(),
  rotatedAt: timestamp({ withTimezone: true }),
})

export const conversionReceipts = pgTable(
  'conversion_receipts',
  {
    brandId: text().notNull(),
    signature: text().notNull(),
    orderId: text().notNull(),
    outcome: text().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.brandId, t.signature] })],
)
