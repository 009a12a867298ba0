/**
 * Store order exports, behind one interface: each format names its columns (with the aliases real
 * exports use) and turns one CSV row into an order or a refusal that names the line and the column.
 * A third store is one more OrderFormat in FORMATS. Browser-safe, no I/O.
 *
 * Shopify (Orders → Export → CSV): one row per line item; the order's totals and statuses are only on
 * its first row (later rows of the same Name are line items and are skipped). Financial Status is one
 * of paid, partially_paid, partially_refunded, refunded, voided, pending, authorized; "Cancelled at"
 * marks a cancelled order; Payment Method "bogus" is Shopify's test gateway.
 * WooCommerce (order CSV export): one row per order; Status uses WooCommerce's own names
 * (completed, processing, on-hold, pending, refunded, cancelled, failed, checkout-draft).
 */
import { headerKey } from './csv.ts'
import { currencyExponent, parseMoney } from './money.ts'
import type { OrderStatus } from './orders.ts'

export interface ParsedOrder {
  line: number
  orderId: string
  orderedAt: Date
  status: OrderStatus
  grossMinor: number
  refundedMinor: number
  currency: string
  cancelledAt: Date | null
  test: boolean
  /** Codes as typed, upper-cased, de-duplicated. */
  codes: string[]
}

export type RowResult = { kind: 'order'; order: ParsedOrder } | { kind: 'continuation' } | { kind: 'refused'; line: number; column: string | null; reason: string }

export interface OrderFormat {
  id: 'shopify' | 'woocommerce'
  label: string
  /** Column → the header keys (headerKey form) a real export may use for it. */
  columns: Record<string, readonly string[]>
  required: readonly string[]
  statusOf(raw: string): OrderStatus | 'cancelled' | null
  /** Are further rows of an order id line items of the first (true) or a duplicate order (false)? */
  multiRow: boolean
  testOf(values: (column: string) => string): boolean
}

const SHOPIFY_STATUS: Record<string, OrderStatus> = {
  paid: 'paid',
  partially_paid: 'partially_paid',
  partially_refunded: 'partially_refunded',
  refunded: 'refunded',
  voided: 'voided',
  pending: 'pending',
  authorized: 'authorized',
  expired: 'voided',
}

const WOO_STATUS: Record<string, OrderStatus | 'cancelled'> = {
  completed: 'paid',
  processing: 'paid',
  'on-hold': 'pending',
  pending: 'pending',
  'pending-payment': 'pending',
  'checkout-draft': 'pending',
  draft: 'pending',
  refunded: 'refunded',
  cancelled: 'cancelled',
  failed: 'voided',
  trash: 'cancelled',
}

export const SHOPIFY: OrderFormat = {
  id: 'shopify',
  label: 'Shopify',
  columns: {
    orderId: ['name'],
    orderedAt: ['created_at'],
    status: ['financial_status'],
    total: ['total'],
    refunded: ['refunded_amount'],
    currency: ['currency'],
    codes: ['discount_code', 'discount_codes'],
    cancelledAt: ['cancelled_at'],
    paymentMethod: ['payment_method'],
  },
  required: ['orderId', 'orderedAt', 'status', 'total', 'currency', 'codes'],
  statusOf: (raw) => SHOPIFY_STATUS[raw.trim().toLowerCase().replace(/\s+/g, '_')] ?? null,
  multiRow: true,
  testOf: (v) => /\bbogus\b/i.test(v('paymentMethod')),
}

export const WOOCOMMERCE: OrderFormat = {
  id: 'woocommerce',
  label: 'WooCommerce',
  columns: {
    orderId: ['order_number', 'order_id', 'order_#', 'order'],
    orderedAt: ['order_date', 'date_created', 'date'],
    status: ['status', 'order_status'],
    total: ['order_total', 'total'],
    refunded: ['refunded_total', 'order_refund', 'refund_total', 'refunds'],
    currency: ['order_currency', 'currency'],
    codes: ['coupon_items', 'coupon_code', 'coupons', 'coupon(s)', 'coupon_codes'],
    cancelledAt: [],
    paymentMethod: ['payment_method', 'payment_method_title'],
  },
  required: ['orderId', 'orderedAt', 'status', 'total', 'currency', 'codes'],
  statusOf: (raw) => WOO_STATUS[raw.trim().toLowerCase().replace(/^wc-/, '').replace(/[\s_]+/g, '-')] ?? null,
  multiRow: false,
  testOf: () => false,
}

export const FORMATS: readonly OrderFormat[] = [SHOPIFY, WOOCOMMERCE]

export const COLUMN_LABEL: Record<string, string> = {
  orderId: 'order number',
  orderedAt: 'order date',
  status: 'status',
  total: 'total',
  refunded: 'refunded amount',
  currency: 'currency',
  codes: 'discount code',
}

/** The header row → the format it belongs to and where each column is, or why it is not an orders export. */
export function resolveFormat(headerCells: readonly string[]): { ok: true; format: OrderFormat; index: Record<string, number>; headers: string[] } | { ok: false; reason: string } {
  const keys = headerCells.map(headerKey)
  let best: { format: OrderFormat; index: Record<string, number>; missing: string[] } | null = null
  for (const format of FORMATS) {
    const index: Record<string, number> = {}
    for (const [col, aliases] of Object.entries(format.columns)) {
      const i = keys.findIndex((k) => aliases.includes(k))
      if (i >= 0) index[col] = i
    }
    const missing = format.required.filter((c) => index[c] === undefined)
    if (!best || missing.length < best.missing.length) best = { format, index, missing }
  }
  if (!best || best.missing.length === best.format.required.length || best.missing.length > 3) {
    return { ok: false, reason: 'This is not an orders export from Shopify or WooCommerce: its first line has none of their order columns.' }
  }
  if (best.missing.length) {
    const names = best.missing.map((c) => `"${best.format.columns[c]![0]!.replace(/_/g, ' ')}" (${COLUMN_LABEL[c] ?? c})`)
    return { ok: false, reason: `This looks like a ${best.format.label} orders export but is missing the column(s) ${names.join(', ')}.` }
  }
  return { ok: true, format: best.format, index: best.index, headers: keys }
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC)?$/i

/** "2026-06-01 10:22:33 -0400", "2026-06-01T10:22:33Z", "2026-06-01": a real instant, or null (Feb 30 is null). No offset means UTC. */
export function parseOrderDate(text: string): Date | null {
  const m = DATE_TIME.exec(text.trim())
  if (!m) return null
  const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = m
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  if (year < 1970 || month < 1 || month > 12 || day < 1 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null
  const utc = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s))
  const check = new Date(Date.UTC(year, month - 1, day))
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null
  let offsetMin = 0
  if (zone && !/^(Z|UTC)$/i.test(zone)) {
    const sign = zone.startsWith('-') ? -1 : 1
    const digits = zone.slice(1).replace(':', '')
    offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)))
  }
  return new Date(utc - offsetMin * 60_000)
}

/** Every code in a field: "SAVE10, ana15", "code:ANA15|amount:5;code:X", in any letter case. */
export function splitCodes(field: string): string[] {
  const out = new Set<string>()
  const text = field.trim()
  if (!text) return []
  const woo = [...text.matchAll(/(?:^|[;|])\s*code:([^|;]+)/gi)].map((m) => m[1]!)
  for (const c of woo.length ? woo : text.split(/[,;\s]+/)) {
    const code = c.trim().toUpperCase()
    if (code) out.add(code)
  }
  return [...out]
}

/** One row of a resolved export → an order, a line-item continuation, or a refusal naming line and column. */
export function readOrderRow(format: OrderFormat, index: Record<string, number>, cells: readonly string[], line: number, previousOrderId: string | null): RowResult {
  const v = (column: string) => {
    const i = index[column]
    return i === undefined ? '' : (cells[i] ?? '').trim()
  }
  const header = (column: string) => format.columns[column]?.[0]?.replace(/_/g, ' ') ?? column
  const refuse = (column: string | null, reason: string): RowResult => ({ kind: 'refused', line, column: column ? header(column) : null, reason })
  const orderId = v('orderId')
  if (!orderId) return refuse('orderId', 'The order number is empty.')
  if (orderId.length > 100) return refuse('orderId', 'The order number is longer than 100 characters.')
  if (format.multiRow && orderId === previousOrderId) return { kind: 'continuation' }
  if (format.multiRow && !v('status') && !v('total')) return { kind: 'continuation' } // a line item whose order started above
  const rawStatus = v('status')
  const status = format.statusOf(rawStatus)
  if (!status) return refuse('status', `Unknown status "${rawStatus.slice(0, 30)}". Expected one of ${format === SHOPIFY ? Object.keys(SHOPIFY_STATUS).join(', ') : Object.keys(WOO_STATUS).join(', ')}.`)
  const orderedAt = parseOrderDate(v('orderedAt'))
  if (!orderedAt) return refuse('orderedAt', `"${v('orderedAt').slice(0, 30)}" is not a date and time (e.g. 2026-06-01 10:22:33 -0400).`)
  const currency = v('currency').toUpperCase()
  if (!/^[A-Z]{3}$/.test(currency)) return refuse('currency', `"${currency.slice(0, 10)}" is not a 3-letter currency code.`)
  currencyExponent(currency)
  const total = parseMoney(v('total'), currency)
  if (!total.ok) return refuse('total', `"${v('total').slice(0, 20)}" is not an amount in ${currency}: ${total.error}`)
  let refundedMinor = 0
  if (v('refunded')) {
    const r = parseMoney(v('refunded'), currency)
    if (!r.ok) return refuse('refunded', `"${v('refunded').slice(0, 20)}" is not an amount in ${currency}: ${r.error}`)
    refundedMinor = r.minor
  }
  if (total.minor < 0 || refundedMinor < 0) return refuse(total.minor < 0 ? 'total' : 'refunded', 'Amounts cannot be negative.')
  if (refundedMinor > total.minor) return refuse('refunded', `The refunded amount is more than the order total.`)
  let cancelledAt: Date | null = null
  if (status === 'cancelled') cancelledAt = orderedAt
  else if (v('cancelledAt')) {
    cancelledAt = parseOrderDate(v('cancelledAt'))
    if (!cancelledAt) return refuse('cancelledAt', `"${v('cancelledAt').slice(0, 30)}" is not a date and time.`)
  }
  return {
    kind: 'order',
    order: {
      line,
      orderId,
      orderedAt,
      status: status === 'cancelled' ? 'voided' : status,
      grossMinor: total.minor,
      refundedMinor: status === 'refunded' && refundedMinor === 0 ? total.minor : refundedMinor,
      currency,
      cancelledAt,
      test: format.testOf(v),
      codes: splitCodes(v('codes')),
    },
  }
}
