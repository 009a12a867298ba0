/**
 * Orders attributed to creators: the one definition of what counts as an order and what its revenue is.
 * Browser-safe, no I/O. Read by the orders import, the conversion endpoint and every report.
 *
 * - Status is normalised from each store's own names (order-formats.ts) to OrderStatus.
 * - An order counts only when money was taken and kept in part: paid, partially paid or partially
 *   refunded. Pending, authorised (not captured), voided and failed orders are not orders; a cancelled
 *   order (Shopify "Cancelled at") and a test order never count, whatever their status says.
 * - A refunded order keeps its gross and its refund: gross − refunds = net. A full refund nets to zero
 *   and the order is not counted (it was undone); a partial refund is counted with its reduced net.
 * - Money stays in the order's own currency; reports convert only at a rate the brand entered.
 * - The same order id is one order per brand. When a promo code and a tracked link both claim it, the
 *   code wins (DECISIONS.md, "Orders: codes before links").
 */

export const ORDER_STATUSES = ['paid', 'partially_paid', 'partially_refunded', 'refunded', 'pending', 'authorized', 'voided'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export const ORDER_STATUS_LABEL: Record<OrderStatus, string> = {
  paid: 'Paid',
  partially_paid: 'Partially paid',
  partially_refunded: 'Partially refunded',
  refunded: 'Refunded',
  pending: 'Pending payment',
  authorized: 'Authorised, not captured',
  voided: 'Voided or failed',
}

export type OrderSource = 'code' | 'link'

export interface OrderFacts {
  status: OrderStatus
  grossMinor: number
  refundedMinor: number
  cancelled: boolean
  test: boolean
}

const MONEY_TAKEN: ReadonlySet<OrderStatus> = new Set(['paid', 'partially_paid', 'partially_refunded', 'refunded'])

/** Net revenue of one order: gross minus refunds for money actually taken; zero otherwise. Never negative. */
export function orderNetMinor(o: OrderFacts): number {
  if (o.cancelled || o.test || !MONEY_TAKEN.has(o.status)) return 0
  if (o.status === 'refunded') return 0
  return Math.max(0, o.grossMinor - Math.min(o.refundedMinor, o.grossMinor))
}

/** Refunds that reduce revenue (a refund on an order that never counted reduces nothing). */
export function orderRefundMinor(o: OrderFacts): number {
  if (o.cancelled || o.test || !MONEY_TAKEN.has(o.status)) return 0
  if (o.status === 'refunded') return o.grossMinor
  return Math.min(o.refundedMinor, o.grossMinor)
}

/** Gross revenue that reports show (money taken, before refunds). */
export function orderGrossMinor(o: OrderFacts): number {
  if (o.cancelled || o.test || !MONEY_TAKEN.has(o.status)) return 0
  return o.grossMinor
}

/** Does this order count as an order (a redemption)? Money taken, not cancelled, not test, not fully refunded. */
export function countsAsOrder(o: OrderFacts): boolean {
  return orderNetMinor(o) > 0
}

/** Why an order does not count, in words, or null when it counts. */
export function whyNotCounted(o: OrderFacts): string | null {
  if (o.test) return 'a test order'
  if (o.cancelled) return 'cancelled'
  if (!MONEY_TAKEN.has(o.status)) return ORDER_STATUS_LABEL[o.status].toLowerCase()
  if (orderNetMinor(o) === 0) return 'refunded in full'
  return null
}

/** The same SQL predicate and net expression as above, for set-based reports (tested against the functions). */
export const SQL_ORDER_NET = `(case when r.cancelled_at is not null or r.is_test or r.status not in ('paid','partially_paid','partially_refunded') then 0
  else greatest(0, r.total_minor - least(r.refunded_minor, r.total_minor)) end)`
export const SQL_ORDER_GROSS = `(case when r.cancelled_at is not null or r.is_test or r.status not in ('paid','partially_paid','partially_refunded','refunded') then 0 else r.total_minor end)`

export const DEFAULT_ATTRIBUTION_WINDOW_DAYS = 30
export const MAX_ATTRIBUTION_WINDOW_DAYS = 365

/**
 * Is an order inside the campaign's attribution window? A link order: within N days after its click.
 * A code order: on or before N days after the collaboration's latest live post (a code used before the
 * post is credited too: the code itself is the evidence); with no live post yet, it counts.
 */
export function insideWindow(input: { source: OrderSource; orderedAt: Date; clickedAt?: Date | null; lastPostAt?: Date | null; windowDays: number }): boolean {
  const ms = input.windowDays * 86_400_000
  if (input.source === 'link') {
    if (!input.clickedAt) return false
    const t = input.orderedAt.getTime() - input.clickedAt.getTime()
    return t >= 0 && t <= ms
  }
  if (!input.lastPostAt) return true
  return input.orderedAt.getTime() <= input.lastPostAt.getTime() + ms
}

/** The method line shown on the report and written in the CSV header. */
export function ordersMethod(windowDays: number | 'per campaign'): string {
  const window = windowDays === 'per campaign' ? 'each campaign’s attribution window' : `${windowDays} days`
  return `net of refunds; cancelled, voided, unpaid and test orders excluded; orders within ${window} after the click or the post; codes before links; other currencies converted only at rates you entered.`
}

/** Exchange rates are stored as integer millionths: 1 EUR = 1.083 USD is 1_083_000. */
export const RATE_SCALE = 1_000_000

/** Convert minor units between currencies with a rate in millionths (rounded half away from zero). */
export function convertMinor(minor: number, rateMicros: number, fromExponent: number, toExponent: number): number {
  // minor / 10^from * rate / 1e6 * 10^to
  const num = BigInt(Math.round(minor)) * BigInt(rateMicros) * 10n ** BigInt(toExponent)
  const den = BigInt(RATE_SCALE) * 10n ** BigInt(fromExponent)
  const neg = num < 0n
  const a = neg ? -num : num
  const q = a / den
  const r = a % den
  const rounded = r * 2n >= den ? q + 1n : q
  return Number(neg ? -rounded : rounded)
}

/** Parse a rate typed by a person ("1.083", "0,86") into millionths; null when it is not a positive number. */
export function parseRate(text: string): number | null {
  const t = text.trim().replace(',', '.')
  if (!/^\d{1,9}(\.\d{1,6})?$/.test(t)) return null
  const [whole, frac = ''] = t.split('.')
  const micros = Number(whole) * RATE_SCALE + Number(frac.padEnd(6, '0'))
  return micros > 0 ? micros : null
}
