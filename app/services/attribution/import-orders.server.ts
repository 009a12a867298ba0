import { and, eq, inArray, sql } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import { newId } from '#db/ids.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { CsvSyntaxError, readCsvRows } from '#app/domain/csv.ts'
import { readOrderRow, resolveFormat, type OrderFormat, type ParsedOrder } from '#app/domain/order-formats.ts'
import { InvalidInputError } from '#app/utils/errors.ts'

/**
 * Import a store's orders export (Shopify or WooCommerce, detected from the header row), streamed row by
 * row. Orders whose discount code is one of the brand's promo codes are credited to that code's
 * collaboration; each order id is one order per brand whatever its line count.
 *
 * The preview (apply: false) classifies every credited order as new, changed (status, refunds,
 * cancellation, total, currency or the code it is credited to differ from what is stored) or unchanged,
 * and lists the refused rows with line, column and why. Applying writes new and changed orders in one
 * transaction with an audit event per changed order (before/after) and one for the import; the same
 * file twice changes nothing. Any refused row means nothing is written: fix the file and import again.
 * Memory stays at one batch of orders plus the set of order ids seen (to count each order once).
 */

const BATCH = 1_000
const MAX_LISTED = 200

export interface RefusedRow {
  line: number
  column: string | null
  reason: string
}

export interface OrderImportSummary {
  format: OrderFormat['id']
  formatLabel: string
  rows: number
  orders: number
  newOrders: number
  changedOrders: number
  unchangedOrders: number
  /** Orders with no discount code at all. */
  withoutCode: number
  /** Orders whose codes are none of this brand's promo codes (store codes like WELCOME10), by code. */
  otherCodes: { code: string; orders: number }[]
  refused: RefusedRow[]
  refusedCount: number
  /** A few of the changed orders, for the preview: what changes. */
  changes: { orderId: string; before: string; after: string }[]
  applied: boolean
}

type Stored = {
  orderId: string
  offerId: string
  promoCodeId: string | null
  source: string
  status: string
  totalMinor: number
  refundedMinor: number
  currency: string
  cancelledAt: Date | null
  isTest: boolean
  orderedAt: Date
}

type Credited = ParsedOrder & { promoCodeId: string; offerId: string; code: string }

function describe(o: { status: string; totalMinor: number; refundedMinor: number; currency: string; cancelledAt: Date | null; isTest: boolean }): string {
  const parts = [o.status.replace(/_/g, ' '), `total ${o.totalMinor} ${o.currency.trim()}`]
  if (o.refundedMinor) parts.push(`refunded ${o.refundedMinor}`)
  if (o.cancelledAt) parts.push('cancelled')
  if (o.isTest) parts.push('test')
  return parts.join(', ')
}

function differs(s: Stored, c: Credited): boolean {
  return (
    s.status !== c.status ||
    s.totalMinor !== c.grossMinor ||
    s.refundedMinor !== c.refundedMinor ||
    s.currency.trim() !== c.currency ||
    (s.cancelledAt?.getTime() ?? null) !== (c.cancelledAt?.getTime() ?? null) ||
    s.isTest !== c.test ||
    s.orderedAt.getTime() !== c.orderedAt.getTime() ||
    s.promoCodeId !== c.promoCodeId ||
    s.source !== 'code'
  )
}

class Rollback extends Error {}

/** A PostgreSQL array literal ('{"a","b",NULL}'), passed as one text parameter: the same on both drivers. */
function pgArrayLiteral(values: readonly (string | number | boolean | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`
}

export async function importOrders(
  actor: Pick<BrandActor, 'brand' | 'audit'>,
  source: AsyncIterable<Uint8Array | string> | string,
  opts: { apply?: boolean; fileName?: string | null } = {},
): Promise<OrderImportSummary> {
  const chunks: AsyncIterable<Uint8Array | string> =
    typeof source === 'string'
      ? (async function* () {
          yield source
        })()
      : source
  const codes = await db()
    .select({ id: schema.promoCodes.id, code: schema.promoCodes.code, offerId: schema.promoCodes.offerId })
    .from(schema.promoCodes)
    .where(eq(schema.promoCodes.brandId, actor.brand.id))
  const byCode = new Map(codes.map((c) => [c.code.toUpperCase(), c]))

  const summary: OrderImportSummary = {
    format: 'shopify',
    formatLabel: 'Shopify',
    rows: 0,
    orders: 0,
    newOrders: 0,
    changedOrders: 0,
    unchangedOrders: 0,
    withoutCode: 0,
    otherCodes: [],
    refused: [],
    refusedCount: 0,
    changes: [],
    applied: false,
  }
  const otherCodes = new Map<string, number>()
  const seen = new Set<string>()

  const run = async (tx: DbOrTx | null) => {
    let resolved: Extract<ReturnType<typeof resolveFormat>, { ok: true }> | null = null
    let previous: string | null = null
    let batch: Credited[] = []
    const flush = async () => {
      if (!batch.length) return
      const current = batch
      batch = []
      const stored: Stored[] = await (tx ?? db())
        .select({
          orderId: schema.redemptions.orderId,
          offerId: schema.redemptions.offerId,
          promoCodeId: schema.redemptions.promoCodeId,
          source: schema.redemptions.source,
          status: schema.redemptions.status,
          totalMinor: schema.redemptions.totalMinor,
          refundedMinor: schema.redemptions.refundedMinor,
          currency: schema.redemptions.currency,
          cancelledAt: schema.redemptions.cancelledAt,
          isTest: schema.redemptions.isTest,
          orderedAt: schema.redemptions.orderedAt,
        })
        .from(schema.redemptions)
        .where(and(eq(schema.redemptions.brandId, actor.brand.id), inArray(schema.redemptions.orderId, current.map((c) => c.orderId))))
      const byId = new Map(stored.map((s) => [s.orderId, s]))
      const fresh: Credited[] = []
      const changed: { before: Stored; after: Credited }[] = []
      for (const c of current) {
        const s = byId.get(c.orderId)
        if (!s) fresh.push(c)
        else if (differs(s, c)) changed.push({ before: s, after: c })
        else summary.unchangedOrders++
      }
      summary.newOrders += fresh.length
      summary.changedOrders += changed.length
      for (const ch of changed) {
        if (summary.changes.length < 20) summary.changes.push({ orderId: ch.after.orderId, before: describe(ch.before), after: describe({ ...ch.after, totalMinor: ch.after.grossMinor, isTest: ch.after.test }) })
      }
      if (!tx) return
      const all = [...fresh, ...changed.map((ch) => ch.after)]
      if (all.length) {
        // One statement per batch with one array per column (unnest): a few parameters instead of
        // 16 per row, which made a 1,000-row batch cost more to build than to run.
        const col = (f: (c: Credited) => string | number | boolean | null) => pgArrayLiteral(all.map(f))
        const iso = (d: Date | null) => (d ? d.toISOString() : null)
        await tx.execute(sql`
          insert into ${schema.redemptions} (id, brand_id, offer_id, promo_code_id, tracking_link_id, clicked_at, source, format, order_id, ordered_at, status, total_minor, refunded_minor, currency, cancelled_at, is_test, updated_at)
          select u.id, ${actor.brand.id}, u.offer_id, u.promo_code_id, null, null, 'code', ${resolved!.format.id}, u.order_id, u.ordered_at, u.status, u.total_minor, u.refunded_minor, u.currency, u.cancelled_at, u.is_test, now()
          from unnest(
            ${col(() => newId())}::text[], ${col((c) => c.offerId)}::text[], ${col((c) => c.promoCodeId)}::text[], ${col((c) => c.orderId)}::text[],
            ${col((c) => iso(c.orderedAt))}::timestamptz[], ${col((c) => c.status)}::text[], ${col((c) => c.grossMinor)}::bigint[], ${col((c) => c.refundedMinor)}::bigint[],
            ${col((c) => c.currency)}::text[], ${col((c) => iso(c.cancelledAt))}::timestamptz[], ${col((c) => c.test)}::boolean[]
          ) as u(id, offer_id, promo_code_id, order_id, ordered_at, status, total_minor, refunded_minor, currency, cancelled_at, is_test)
          on conflict (brand_id, order_id) do update set
            offer_id = excluded.offer_id, promo_code_id = excluded.promo_code_id, tracking_link_id = null, clicked_at = null,
            source = excluded.source, format = excluded.format, ordered_at = excluded.ordered_at, status = excluded.status,
            total_minor = excluded.total_minor, refunded_minor = excluded.refunded_minor, currency = excluded.currency,
            cancelled_at = excluded.cancelled_at, is_test = excluded.is_test, updated_at = excluded.updated_at`)
      }
      for (const ch of changed) {
        await recordAudit(tx, actor.audit, {
          brandId: actor.brand.id,
          action: 'order.updated',
          entityType: 'order',
          entityId: ch.after.orderId,
          before: { status: ch.before.status, totalMinor: ch.before.totalMinor, refundedMinor: ch.before.refundedMinor, currency: ch.before.currency.trim(), cancelledAt: ch.before.cancelledAt?.toISOString() ?? null, source: ch.before.source },
          after: { status: ch.after.status, totalMinor: ch.after.grossMinor, refundedMinor: ch.after.refundedMinor, currency: ch.after.currency, cancelledAt: ch.after.cancelledAt?.toISOString() ?? null, source: 'code' },
        })
      }
    }
    const refuse = (r: RefusedRow) => {
      summary.refusedCount++
      if (summary.refused.length < MAX_LISTED) summary.refused.push(r)
    }
    try {
      for await (const row of readCsvRows(chunks)) {
        if (!resolved) {
          const f = resolveFormat(row.cells)
          if (!f.ok) throw new InvalidInputError(f.reason, { file: [f.reason] })
          resolved = f
          summary.format = f.format.id
          summary.formatLabel = f.format.label
          continue
        }
        summary.rows++
        const r = readOrderRow(resolved.format, resolved.index, row.cells, row.line, previous)
        if (r.kind === 'continuation') continue
        if (r.kind === 'refused') {
          refuse(r)
          continue
        }
        const o = r.order
        previous = o.orderId
        if (seen.has(o.orderId)) {
          if (!resolved.format.multiRow) refuse({ line: o.line, column: null, reason: `Order ${o.orderId.slice(0, 40)} appears twice in this file.` })
          continue
        }
        seen.add(o.orderId)
        summary.orders++
        if (!o.codes.length) {
          summary.withoutCode++
          continue
        }
        const mine = o.codes.map((c) => byCode.get(c)).find(Boolean)
        if (!mine) {
          for (const c of o.codes.slice(0, 1)) otherCodes.set(c, (otherCodes.get(c) ?? 0) + 1)
          continue
        }
        batch.push({ ...o, promoCodeId: mine.id, offerId: mine.offerId, code: mine.code })
        if (batch.length >= BATCH) await flush()
      }
    } catch (e) {
      if (e instanceof CsvSyntaxError) throw new InvalidInputError(e.message, { file: [e.message] })
      throw e
    }
    if (!resolved) throw new InvalidInputError('The file is empty. Export your orders as CSV and choose that file.', { file: ['The file is empty.'] })
    await flush()
  }

  if (!opts.apply) {
    await run(null)
  } else {
    try {
      await db().transaction(async (tx) => {
        await run(tx)
        if (summary.refusedCount) throw new Rollback()
        await recordAudit(tx, actor.audit, {
          brandId: actor.brand.id,
          action: 'orders.imported',
          entityType: 'brand',
          entityId: actor.brand.id,
          after: { format: summary.format, fileName: opts.fileName ?? null, new: summary.newOrders, changed: summary.changedOrders, unchanged: summary.unchangedOrders },
        })
      })
      summary.applied = !summary.refusedCount
    } catch (e) {
      if (!(e instanceof Rollback)) throw e
    }
  }
  summary.otherCodes = [...otherCodes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([code, orders]) => ({ code, orders }))
  return summary
}
