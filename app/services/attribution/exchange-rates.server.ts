import { and, desc, eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { fromIsoDay, parseIsoDayOrNull } from '#app/domain/dates.ts'
import { parseRate } from '#app/domain/orders.ts'
import { ConflictError, InvalidInputError, NotFoundError } from '#app/utils/errors.ts'

/**
 * Exchange rates a brand enters, so an order in another currency than its collaboration's can be
 * counted: 1 unit of `from` = rate units of `to`, from `effectiveOn` on (the latest rate on or before an
 * order's day applies). Without one, such orders are reported apart in their own currency.
 */
function realDay(s: string): boolean {
  return parseIsoDayOrNull(s) !== null && fromIsoDay(s).getUTCFullYear() >= 1970
}

export async function listExchangeRates(brandId: string) {
  return db()
    .select()
    .from(schema.exchangeRates)
    .where(eq(schema.exchangeRates.brandId, brandId))
    .orderBy(schema.exchangeRates.fromCurrency, schema.exchangeRates.toCurrency, desc(schema.exchangeRates.effectiveOn))
}

export async function addExchangeRate(actor: Pick<BrandActor, 'brand' | 'audit'>, input: { fromCurrency: string; toCurrency: string; rate: string; effectiveOn: string }) {
  const from = input.fromCurrency.trim().toUpperCase()
  const to = input.toCurrency.trim().toUpperCase()
  if (!/^[A-Z]{3}$/.test(from)) throw new InvalidInputError('Enter a 3-letter currency code.', { fromCurrency: ['Enter a 3-letter currency code, e.g. EUR.'] })
  if (!/^[A-Z]{3}$/.test(to)) throw new InvalidInputError('Enter a 3-letter currency code.', { toCurrency: ['Enter a 3-letter currency code, e.g. USD.'] })
  if (from === to) throw new InvalidInputError('The two currencies are the same.', { toCurrency: ['Pick a different currency.'] })
  const rateMicros = parseRate(input.rate)
  if (rateMicros === null) throw new InvalidInputError('Enter the rate as a positive number, e.g. 1.0832.', { rate: ['Enter a positive number with up to 6 decimals, e.g. 1.0832.'] })
  if (!realDay(input.effectiveOn)) throw new InvalidInputError('Enter a real date.', { effectiveOn: ['Enter a real date (YYYY-MM-DD).'] })
  return db().transaction(async (tx) => {
    const [row] = await tx
      .insert(schema.exchangeRates)
      .values({ brandId: actor.brand.id, fromCurrency: from, toCurrency: to, rateMicros, effectiveOn: input.effectiveOn, createdByUserId: actor.audit.userId })
      .onConflictDoNothing()
      .returning()
    if (!row) throw new ConflictError(`There is already a ${from}→${to} rate from ${input.effectiveOn}. Delete it first to change it.`, { effectiveOn: ['A rate for this day exists.'] })
    await recordAudit(tx, actor.audit, { brandId: actor.brand.id, action: 'exchange_rate.added', entityType: 'exchange_rate', entityId: row.id, after: { from, to, rateMicros, effectiveOn: input.effectiveOn } })
    return row
  })
}

export async function deleteExchangeRate(actor: Pick<BrandActor, 'brand' | 'audit'>, rateId: string) {
  return db().transaction(async (tx) => {
    const [row] = await tx
      .delete(schema.exchangeRates)
      .where(and(eq(schema.exchangeRates.id, rateId), eq(schema.exchangeRates.brandId, actor.brand.id)))
      .returning()
    if (!row) throw new NotFoundError('That rate is gone already.')
    await recordAudit(tx, actor.audit, { brandId: actor.brand.id, action: 'exchange_rate.deleted', entityType: 'exchange_rate', entityId: row.id, before: { from: row.fromCurrency, to: row.toCurrency, rateMicros: row.rateMicros, effectiveOn: row.effectiveOn } })
  })
}
