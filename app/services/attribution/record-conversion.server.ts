import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { config } from '#app/config.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { makeClickId, readClickId } from '#app/domain/click-id.ts'
import { parseOrderDate } from '#app/domain/order-formats.ts'
import { ORDER_STATUSES } from '#app/domain/orders.ts'
import { parseMoney } from '#app/domain/money.ts'
import { AppError, InvalidInputError, NotFoundError } from '#app/utils/errors.ts'

/**
 * Server-to-server conversions from tracked-link visits (issue #16). A store POSTs JSON to
 * /hooks/conversions/<brand id> with two headers:
 *   X-Greenroom-Timestamp: Unix seconds (within 5 minutes of our clock)
 *   X-Greenroom-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
 * Body: { order_id, amount, currency, click_id, ordered_at?, status?, refunded_amount? }.
 * Unsigned, badly signed and stale calls are refused (401); a call seen before (same signature) is a
 * replay and refused (409). An order id the brand already has from a promo code stays the code's
 * (codes before links: DECISIONS.md); an order already recorded from a link is updated (a later refund).
 */

export const MAX_CONVERSION_BODY = 16 * 1024
const TOLERANCE_S = 300

export const clickSigner = (text: string) => createHmac('sha256', `click-id:${config().sessionSecret}`).update(text).digest('base64url')

export function clickIdFor(code: string, at: Date): string {
  return makeClickId(code, at, clickSigner)
}

export class UnauthorizedError extends AppError {
  constructor(message: string) {
    super(401, message)
  }
}

const bodySchema = z.object({
  order_id: z.string().trim().min(1).max(100),
  amount: z.string().trim().min(1).max(40),
  currency: z.string().trim().regex(/^[A-Za-z]{3}$/),
  click_id: z.string().trim().min(1).max(80),
  ordered_at: z.string().trim().max(40).optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  refunded_amount: z.string().trim().max(40).optional(),
})

export function signConversion(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

export async function getConversionEndpoint(brandId: string) {
  const [row] = await db().select().from(schema.conversionEndpoints).where(eq(schema.conversionEndpoints.brandId, brandId))
  return row ?? null
}

/** Create the brand's endpoint secret, or replace it (the old one stops working at once). */
export async function rotateConversionSecret(actor: Pick<BrandActor, 'brand' | 'audit'>) {
  const secret = `grsk_${randomBytes(24).toString('base64url')}`
  return db().transaction(async (tx) => {
    await tx
      .insert(schema.conversionEndpoints)
      .values({ brandId: actor.brand.id, secret })
      .onConflictDoUpdate({ target: schema.conversionEndpoints.brandId, set: { secret, rotatedAt: new Date() } })
    await recordAudit(tx, actor.audit, { brandId: actor.brand.id, action: 'conversion_secret.rotated', entityType: 'brand', entityId: actor.brand.id })
    return secret
  })
}

export type ConversionOutcome = 'recorded' | 'updated' | 'unchanged' | 'code_wins'

export async function recordConversion(input: { brandId: string; timestamp: string | null; signature: string | null; body: string; now?: Date }): Promise<{ outcome: ConversionOutcome; orderId: string }> {
  const now = input.now ?? new Date()
  const endpoint = /^[A-Za-z0-9_-]{1,40}$/.test(input.brandId) ? await getConversionEndpoint(input.brandId) : null
  if (!endpoint) throw new NotFoundError('No conversion endpoint here.')
  if (!input.timestamp || !input.signature) throw new UnauthorizedError('Sign the request: X-Greenroom-Timestamp and X-Greenroom-Signature are required.')
  if (!/^\d{9,11}$/.test(input.timestamp) || Math.abs(now.getTime() / 1000 - Number(input.timestamp)) > TOLERANCE_S) {
    throw new UnauthorizedError('X-Greenroom-Timestamp is not within 5 minutes of now.')
  }
  const expected = Buffer.from(signConversion(endpoint.secret, input.timestamp, input.body))
  const given = Buffer.from(input.signature.trim())
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new UnauthorizedError('The signature does not match the body.')

  let json: unknown
  try {
    json = JSON.parse(input.body)
  } catch {
    throw new InvalidInputError('The body is not JSON.')
  }
  const parsed = bodySchema.safeParse(json)
  if (!parsed.success) {
    const fields = parsed.error.flatten().fieldErrors as Record<string, string[]>
    throw new InvalidInputError(`Invalid conversion: ${Object.keys(fields).join(', ') || 'body'}.`, fields)
  }
  const b = parsed.data
  const currency = b.currency.toUpperCase()
  const amount = parseMoney(b.amount, currency)
  if (!amount.ok || amount.minor < 0) throw new InvalidInputError(`amount: ${amount.ok ? 'cannot be negative' : amount.error} (${currency}).`, { amount: ['Not an amount in this currency.'] })
  let refundedMinor = 0
  if (b.refunded_amount) {
    const r = parseMoney(b.refunded_amount, currency)
    if (!r.ok || r.minor < 0 || r.minor > amount.minor) throw new InvalidInputError('refunded_amount: not an amount between 0 and amount.', { refunded_amount: ['Not a valid refund.'] })
    refundedMinor = r.minor
  }
  const status = b.status ?? (refundedMinor === 0 ? 'paid' : refundedMinor === amount.minor ? 'refunded' : 'partially_refunded')
  const orderedAt = b.ordered_at ? parseOrderDate(b.ordered_at) : now
  if (!orderedAt) throw new InvalidInputError('ordered_at: not a date and time.', { ordered_at: ['Not a date and time.'] })
  const click = readClickId(b.click_id, clickSigner)
  if (!click) throw new InvalidInputError('click_id: not a click id from a Greenroom tracked link.', { click_id: ['Unknown click id.'] })

  return db().transaction(async (tx) => {
    const [link] = await tx
      .select({ id: schema.trackingLinks.id, offerId: schema.trackingLinks.offerId })
      .from(schema.trackingLinks)
      .where(and(eq(schema.trackingLinks.code, click.code), eq(schema.trackingLinks.brandId, endpoint.brandId)))
    if (!link) throw new InvalidInputError('click_id: that link is not one of this brand’s.', { click_id: ['Unknown link.'] })
    const [receipt] = await tx
      .insert(schema.conversionReceipts)
      .values({ brandId: endpoint.brandId, signature: input.signature!.trim(), orderId: b.order_id, outcome: 'received' })
      .onConflictDoNothing()
      .returning()
    if (!receipt) throw new AppError(409, 'This exact request was received before (replay refused).')
    const [existing] = await tx
      .select()
      .from(schema.redemptions)
      .where(and(eq(schema.redemptions.brandId, endpoint.brandId), eq(schema.redemptions.orderId, b.order_id)))
      .for('update')
    const audit = { userId: null }
    let outcome: ConversionOutcome
    if (existing?.source === 'code') outcome = 'code_wins'
    else if (existing) {
      const same = existing.status === status && existing.totalMinor === amount.minor && existing.refundedMinor === refundedMinor && existing.currency.trim() === currency
      outcome = same ? 'unchanged' : 'updated'
      if (!same) {
        await tx
          .update(schema.redemptions)
          .set({ status, totalMinor: amount.minor, refundedMinor, currency, updatedAt: now })
          .where(eq(schema.redemptions.id, existing.id))
        await recordAudit(tx, audit, {
          brandId: endpoint.brandId,
          action: 'order.updated',
          entityType: 'order',
          entityId: b.order_id,
          before: { status: existing.status, totalMinor: existing.totalMinor, refundedMinor: existing.refundedMinor, currency: existing.currency.trim() },
          after: { status, totalMinor: amount.minor, refundedMinor, currency, source: 'link' },
        })
      }
    } else {
      await tx.insert(schema.redemptions).values({
        brandId: endpoint.brandId,
        offerId: link.offerId,
        trackingLinkId: link.id,
        source: 'link',
        format: 'endpoint',
        orderId: b.order_id,
        orderedAt,
        clickedAt: click.clickedAt,
        status,
        totalMinor: amount.minor,
        refundedMinor,
        currency,
      })
      await recordAudit(tx, audit, { brandId: endpoint.brandId, action: 'order.recorded', entityType: 'order', entityId: b.order_id, after: { source: 'link', link: click.code, status, totalMinor: amount.minor, currency } })
      outcome = 'recorded'
    }
    await tx
      .update(schema.conversionReceipts)
      .set({ outcome })
      .where(and(eq(schema.conversionReceipts.brandId, endpoint.brandId), eq(schema.conversionReceipts.signature, receipt.signature)))
    return { outcome, orderId: b.order_id }
  })
}
