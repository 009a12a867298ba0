import { and, eq, inArray } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { CsvSyntaxError, parseCsvRecords } from '#app/domain/csv.ts'
import { parseMoneyOrNull } from '#app/domain/money.ts'
import { InvalidInputError } from '#app/utils/errors.ts'

/**
 * Shopify orders export: one row per line item, the order's first row carries Total. Columns used:
 * Name (the order number, e.g. #1001), Created at, Discount Code, Total, Currency. Orders without a
 * discount code are ignored; orders with a code that is not one of this brand's codes are reported.
 */
export const ORDER_COLUMNS = ['name', 'created_at', 'discount_code', 'total', 'currency'] as const

export interface RedemptionRow {
  line: number
  orderId: string
  orderedAt: string
  code: string
  totalMinor: number
  currency: string
}

export interface RedemptionImportResult {
  rows: RedemptionRow[]
  errors: { line: number; reason: string }[]
  ignored: number
  inserted: number
  alreadyImported: number
}

export async function importRedemptions(
  actor: Pick<BrandActor, 'brand' | 'audit'>,
  csv: string,
  opts: { dryRun?: boolean } = {},
): Promise<RedemptionImportResult> {
  let parsed
  try {
    parsed = parseCsvRecords(csv)
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new InvalidInputError(e.message, { file: [e.message] })
    throw e
  }
  const missing = ORDER_COLUMNS.filter((c) => !parsed.headers.includes(c))
  if (missing.length) {
    const msg = `The file is missing the column(s): ${missing.join(', ')}. Export orders from Shopify (Orders → Export → CSV).`
    throw new InvalidInputError(msg, { file: [msg] })
  }
  const codes = await db()
    .select({ id: schema.promoCodes.id, code: schema.promoCodes.code })
    .from(schema.promoCodes)
    .where(eq(schema.promoCodes.brandId, actor.brand.id))
  const byCode = new Map(codes.map((c) => [c.code, c.id]))
  const errors: { line: number; reason: string }[] = []
  const rows: RedemptionRow[] = []
  const seen = new Set<string>()
  let ignored = 0
  for (const r of parsed.records) {
    const v = r.values
    const orderId = v.name ?? ''
    if (!orderId) {
      errors.push({ line: r.line, reason: 'Name (order number) is empty.' })
      continue
    }
    if (seen.has(orderId)) continue // further line items of the same order
    const code = (v.discount_code ?? '').toUpperCase()
    if (!code) {
      seen.add(orderId)
      ignored++
      continue
    }
    if (!byCode.has(code)) {
      seen.add(orderId)
      errors.push({ line: r.line, reason: `Discount code ${code} is not one of your promo codes.` })
      continue
    }
    const orderedAt = new Date(v.created_at ?? '')
    if (!v.created_at || Number.isNaN(orderedAt.getTime())) {
      errors.push({ line: r.line, reason: `Created at "${(v.created_at ?? '').slice(0, 30)}" is not a date.` })
      continue
    }
    const currency = (v.currency ?? '').toUpperCase()
    if (!/^[A-Z]{3}$/.test(currency)) {
      errors.push({ line: r.line, reason: `Currency "${currency.slice(0, 10)}" is not a 3-letter code.` })
      continue
    }
    const totalMinor = parseMoneyOrNull(v.total ?? '', currency)
    if (totalMinor === null) {
      errors.push({ line: r.line, reason: `Total "${(v.total ?? '').slice(0, 20)}" is not an amount in ${currency}.` })
      continue
    }
    seen.add(orderId)
    rows.push({ line: r.line, orderId, orderedAt: orderedAt.toISOString(), code, totalMinor, currency })
  }
  const existing = rows.length
    ? await db()
        .select({ orderId: schema.redemptions.orderId })
        .from(schema.redemptions)
        .where(and(eq(schema.redemptions.brandId, actor.brand.id), inArray(schema.redemptions.orderId, rows.map((r) => r.orderId))))
    : []
  const already = new Set(existing.map((e) => e.orderId))
  const fresh = rows.filter((r) => !already.has(r.orderId))
  if (opts.dryRun || fresh.length === 0) {
    return { rows, errors, ignored, inserted: 0, alreadyImported: rows.length - fresh.length }
  }
  const inserted = await db().transaction(async (tx) => {
    const out = await tx
      .insert(schema.redemptions)
      .values(
        fresh.map((r) => ({
          brandId: actor.brand.id,
          promoCodeId: byCode.get(r.code)!,
          orderId: r.orderId,
          orderedAt: new Date(r.orderedAt),
          totalMinor: r.totalMinor,
          currency: r.currency,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: schema.redemptions.id })
    await recordAudit(tx, actor.audit, {
      brandId: actor.brand.id,
      action: 'redemptions.imported',
      entityType: 'brand',
      entityId: actor.brand.id,
      after: { inserted: out.length, errors: errors.length },
    })
    return out.length
  })
  return { rows, errors, ignored, inserted, alreadyImported: rows.length - inserted }
}
