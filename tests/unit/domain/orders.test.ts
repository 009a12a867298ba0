import { describe, expect, it } from 'vitest'
import { convertMinor, countsAsOrder, insideWindow, orderGrossMinor, orderNetMinor, orderRefundMinor, parseRate, whyNotCounted, type OrderFacts } from '#app/domain/orders.ts'
import { parseOrderDate, readOrderRow, resolveFormat, splitCodes, SHOPIFY } from '#app/domain/order-formats.ts'
import { makeClickId, readClickId } from '#app/domain/click-id.ts'

const o = (p: Partial<OrderFacts>): OrderFacts => ({ status: 'paid', grossMinor: 10_000, refundedMinor: 0, cancelled: false, test: false, ...p })

describe('what an order is worth', () => {
  it('paid counts in full; a partial refund reduces net; a full refund nets to zero and is not an order', () => {
    expect([orderGrossMinor(o({})), orderRefundMinor(o({})), orderNetMinor(o({})), countsAsOrder(o({}))]).toEqual([10_000, 0, 10_000, true])
    const partial = o({ status: 'partially_refunded', refundedMinor: 2_500 })
    expect([orderGrossMinor(partial), orderRefundMinor(partial), orderNetMinor(partial), countsAsOrder(partial)]).toEqual([10_000, 2_500, 7_500, true])
    const full = o({ status: 'refunded', refundedMinor: 10_000 })
    expect([orderGrossMinor(full), orderRefundMinor(full), orderNetMinor(full), countsAsOrder(full)]).toEqual([10_000, 10_000, 0, false])
    // "refunded" with no amount (some exports) is still a full refund
    expect(orderNetMinor(o({ status: 'refunded', refundedMinor: 0 }))).toBe(0)
    expect(whyNotCounted(full)).toBe('refunded in full')
  })

  it('voided, pending, authorised, cancelled and test orders are worth nothing', () => {
    for (const f of [o({ status: 'voided' }), o({ status: 'pending' }), o({ status: 'authorized' }), o({ cancelled: true }), o({ test: true })]) {
      expect([orderGrossMinor(f), orderRefundMinor(f), orderNetMinor(f), countsAsOrder(f)]).toEqual([0, 0, 0, false])
    }
    expect(whyNotCounted(o({ test: true }))).toBe('a test order')
    expect(whyNotCounted(o({ cancelled: true }))).toBe('cancelled')
    expect(whyNotCounted(o({ status: 'authorized' }))).toBe('authorised, not captured')
  })

  it('converts with exact rounding between currencies of different exponents', () => {
    expect(convertMinor(10_000, 1_100_000, 2, 2)).toBe(11_000) // €100.00 × 1.1 = $110.00
    expect(convertMinor(333, 1_500_000, 2, 2)).toBe(500) // 3.33 × 1.5 = 4.995 → 5.00 (half away from zero)
    expect(convertMinor(1_500, 6_700, 0, 2)).toBe(1_005) // ¥1,500 × 0.0067 = $10.05
    expect(convertMinor(1_005, 149_250_000, 2, 0)).toBe(1_500) // $10.05 × 149.25 = ¥1,499.96 → ¥1,500
  })

  it('reads rates people type', () => {
    expect(parseRate('1.0832')).toBe(1_083_200)
    expect(parseRate('0,86')).toBe(860_000)
    expect(parseRate('149.25')).toBe(149_250_000)
    for (const bad of ['0', '-1', 'abc', '1.1234567', '', '1e3']) expect(parseRate(bad)).toBeNull()
  })

  it('windows: a link order within N days after its click; a code order until N days after the latest post', () => {
    const post = new Date('2026-03-05T12:00:00Z')
    expect(insideWindow({ source: 'code', orderedAt: new Date('2026-04-04T12:00:00Z'), lastPostAt: post, windowDays: 30 })).toBe(true)
    expect(insideWindow({ source: 'code', orderedAt: new Date('2026-04-04T12:00:01Z'), lastPostAt: post, windowDays: 30 })).toBe(false)
    expect(insideWindow({ source: 'code', orderedAt: new Date('2026-03-01T00:00:00Z'), lastPostAt: post, windowDays: 30 })).toBe(true)
    expect(insideWindow({ source: 'code', orderedAt: new Date('2027-01-01T00:00:00Z'), lastPostAt: null, windowDays: 30 })).toBe(true)
    const click = new Date('2026-03-10T09:00:00Z')
    expect(insideWindow({ source: 'link', orderedAt: new Date('2026-03-10T08:59:59Z'), clickedAt: click, windowDays: 7 })).toBe(false)
    expect(insideWindow({ source: 'link', orderedAt: new Date('2026-03-17T09:00:00Z'), clickedAt: click, windowDays: 7 })).toBe(true)
    expect(insideWindow({ source: 'link', orderedAt: new Date('2026-03-17T09:00:01Z'), clickedAt: click, windowDays: 7 })).toBe(false)
  })
})

describe('order exports', () => {
  it('dates with offsets, without, and impossible ones', () => {
    expect(parseOrderDate('2026-06-01 10:22:33 -0400')!.toISOString()).toBe('2026-06-01T14:22:33.000Z')
    expect(parseOrderDate('2026-06-01T10:22:33+05:30')!.toISOString()).toBe('2026-06-01T04:52:33.000Z')
    expect(parseOrderDate('2026-06-01')!.toISOString()).toBe('2026-06-01T00:00:00.000Z')
    expect(parseOrderDate('2028-02-29 00:00:00 UTC')!.toISOString()).toBe('2028-02-29T00:00:00.000Z')
    for (const bad of ['2026-02-30 10:00:00', '2026-02-29', '0000-01-01', '2026-13-01', '2026-06-01 24:00:00', '06/01/2026', '']) expect(parseOrderDate(bad)).toBeNull()
  })

  it('codes in any case, several per field, Shopify and WooCommerce forms', () => {
    expect(splitCodes('ana15')).toEqual(['ANA15'])
    expect(splitCodes('WELCOME10, ana15')).toEqual(['WELCOME10', 'ANA15'])
    expect(splitCodes('code:ana15|description:|amount:5.00;code:FREESHIP|amount:0')).toEqual(['ANA15', 'FREESHIP'])
    expect(splitCodes('  ')).toEqual([])
  })

  it('detects the format from the header, with the missing columns named', () => {
    const r = resolveFormat(['Name', 'Financial Status', 'Created at', 'Total', 'Currency', 'Discount Code'])
    expect(r.ok && r.format.id).toBe('shopify')
    const w = resolveFormat(['Order Number', 'Order Date', 'Order Status', 'Order Currency', 'Order Total', 'Coupon Items'])
    expect(w.ok && w.format.id).toBe('woocommerce')
    const missing = resolveFormat(['Name', 'Financial Status', 'Created at', 'Total', 'Discount Code'])
    expect(missing.ok ? null : missing.reason).toMatch(/missing the column\(s\) "currency"/)
    expect(resolveFormat(['a', 'b']).ok).toBe(false)
  })

  it('a Shopify line-item row continues the order above; refunds larger than the total are refused', () => {
    const f = resolveFormat(['Name', 'Financial Status', 'Created at', 'Total', 'Currency', 'Discount Code', 'Refunded Amount'])
    if (!f.ok) throw new Error(f.reason)
    expect(readOrderRow(SHOPIFY, f.index, ['#1', '', '', '', '', '', ''], 3, '#1')).toEqual({ kind: 'continuation' })
    expect(readOrderRow(SHOPIFY, f.index, ['#2', 'paid', '2026-03-01 10:00:00', '10.00', 'USD', 'A', '12.00'], 4, '#1')).toMatchObject({ kind: 'refused', line: 4, column: 'refunded amount' })
    expect(readOrderRow(SHOPIFY, f.index, ['#3', 'paid', '2026-03-01 10:00:00', '¥1,500', 'JPY', 'A', ''], 5, null)).toMatchObject({ kind: 'order', order: { grossMinor: 1_500, currency: 'JPY' } })
    expect(readOrderRow(SHOPIFY, f.index, ['#4', 'paid', '2026-03-01 10:00:00', '$10.00', 'GBP', 'A', ''], 6, null)).toMatchObject({ kind: 'refused', column: 'total' })
  })
})

describe('click ids', () => {
  const sign = (t: string) => Buffer.from(`sig:${t}`).toString('base64url').split('').reverse().join('')
  it('round-trips the code and the second of the click; a changed id is refused', () => {
    const at = new Date('2026-03-10T09:00:00.700Z')
    const id = makeClickId('ABC1234', at, sign)
    expect(readClickId(id, sign)).toEqual({ code: 'ABC1234', clickedAt: new Date('2026-03-10T09:00:00Z') })
    const [code, t, s] = id.split('.')
    expect(readClickId(`${code}.${(parseInt(t!, 36) - 1).toString(36)}.${s}`, sign)).toBeNull()
    expect(readClickId(`XYZ9876.${t}.${s}`, sign)).toBeNull()
    expect(readClickId('garbage', sign)).toBeNull()
  })
})
