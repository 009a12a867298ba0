/**
 * Orders attributed to creators (issue #16): statuses, refunds, re-imports, currencies, the conversion
 * endpoint, and the report figures. Every expected figure is worked out by hand from the fixture below.
 */
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { createPromoCode } from '#app/services/attribution/create-promo-code.server.ts'
import { createTrackingLink } from '#app/services/attribution/create-tracking-link.server.ts'
import { importOrders } from '#app/services/attribution/import-orders.server.ts'
import { loadOrderTotals } from '#app/services/attribution/order-totals.server.ts'
import { addExchangeRate } from '#app/services/attribution/exchange-rates.server.ts'
import { recordLinkClick } from '#app/services/attribution/record-link-click.server.ts'
import { recordConversion, rotateConversionSecret, signConversion } from '#app/services/attribution/record-conversion.server.ts'
import { getPerformanceReport } from '#app/services/reports/get-performance-report.server.ts'
import { countsAsOrder, orderGrossMinor, orderNetMinor, orderRefundMinor, ORDER_STATUSES, type OrderFacts } from '#app/domain/orders.ts'
import { createCreator } from '#tests/factories.ts'
import { createCollaboration, createPostsWorld, insertPost } from '#tests/factories-posts.ts'

const CHROME = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36'

async function world() {
  const w = await createPostsWorld()
  const actor = { brand: { id: w.brand.id }, audit: { userId: w.manager.id } } as never
  const s = w.brand.id.slice(0, 6).toUpperCase()
  const maya = `MAYA-${s}`
  const jo = `JO-${s}`
  await createPromoCode(actor, { offerId: w.offer.id, code: maya })
  const other = await createCreator({ brandIds: [w.brand.id] })
  const c2 = await createCollaboration({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: other.creator.id })
  await createPromoCode(actor, { offerId: c2.offer.id, code: jo })
  // Maya's post went live on 5 March at noon: with the default 30-day window her code orders count until 4 April, noon.
  await insertPost({ brandId: w.brand.id, creatorId: w.creator.id, deliverableId: w.deliverable.id, postedAt: new Date('2026-03-05T12:00:00Z') })
  return { w, actor, maya, jo, joOffer: c2.offer }
}

const HEADER = 'Name,Email,Financial Status,Paid at,Currency,Subtotal,Total,Discount Code,Created at,Lineitem name,Cancelled at,Payment Method,Refunded Amount'

/** A Shopify export with every status; `refund1001` is the later export in which #1001 was refunded in full. */
function shopify(maya: string, jo: string, opts: { refund1001?: boolean } = {}) {
  const rows = [
    opts.refund1001
      ? `#1001,a@x.test,refunded,,USD,59.00,64.50,${maya.toLowerCase()},2026-03-06 10:15:00 -0500,"Trail shoe, size 9",,Shopify Payments,64.50`
      : `#1001,a@x.test,paid,,USD,59.00,64.50,${maya.toLowerCase()},2026-03-06 10:15:00 -0500,"Trail shoe, size 9",,Shopify Payments,0.00`,
    `#1001,,,,,,,,,"Socks\nwith a newline",,,`, // second line item: totals only on the first row
    `#1002,b@x.test,partially_refunded,,USD,100.00,"1,120.00",${jo},2026-03-07 08:00:00 -0500,Jacket,,Shopify Payments,120.00`,
    `#1003,c@x.test,refunded,,USD,50.00,50.00,${maya},2026-03-07 09:00:00 -0500,Cap,,Shopify Payments,50.00`,
    `#1004,d@x.test,voided,,USD,30.00,30.00,${maya},2026-03-07 09:10:00 -0500,Cap,,Shopify Payments,`,
    `#1005,e@x.test,paid,,USD,40.00,40.00,${maya},2026-03-07 09:20:00 -0500,Cap,2026-03-08 10:00:00 -0500,Shopify Payments,`,
    `#1006,f@x.test,pending,,USD,25.00,25.00,${maya},2026-03-07 09:30:00 -0500,Cap,,Bank Deposit,`,
    `#1007,g@x.test,paid,,USD,99.00,99.00,${maya},2026-03-07 09:40:00 -0500,Cap,,bogus,`,
    '',
    `#1008,h@x.test,paid,,USD,20.00,20.00,"WELCOME10, ${maya.toLowerCase()}",2026-03-08 11:00:00 -0500,Cap,,Shopify Payments,`,
    `#1009,i@x.test,paid,,USD,20.00,20.00,,2026-03-08 11:10:00 -0500,Cap,,Shopify Payments,`,
    `#1010,j@x.test,paid,,USD,20.00,20.00,SOMEONEELSE,2026-03-08 11:20:00 -0500,Cap,,Shopify Payments,`,
    `#1011,k@x.test,paid,,EUR,100.00,100.00,${maya},2026-03-09 12:00:00 +0100,Cap,,Shopify Payments,`,
    `#1012,l@x.test,paid,,USD,70.00,70.00,${maya},2026-05-01 12:00:00 +0000,Cap,,Shopify Payments,`,
  ]
  return '\uFEFF' + [HEADER, ...rows].join('\r\n') + '\r\n'
}

describe('orders import: statuses, refunds, re-import', () => {
  it('counts only money taken and kept, nets refunds, and keeps other currencies apart', async () => {
    const { w, actor, maya, jo, joOffer } = await world()
    const preview = await importOrders(actor, shopify(maya, jo))
    // 12 distinct orders; #1009 has no code; #1010's code is not ours; the other 10 are credited.
    expect(preview).toMatchObject({ format: 'shopify', orders: 12, newOrders: 10, changedOrders: 0, unchangedOrders: 0, withoutCode: 1, refusedCount: 0, applied: false })
    expect(preview.otherCodes).toEqual([{ code: 'SOMEONEELSE', orders: 1 }])
    expect(await db().select().from(schema.redemptions).where(eq(schema.redemptions.brandId, w.brand.id))).toHaveLength(0)

    const applied = await importOrders(actor, shopify(maya, jo), { apply: true })
    expect(applied).toMatchObject({ newOrders: 10, applied: true })
    const totals = await loadOrderTotals(w.brand.id)
    // Maya: #1001 $64.50 and #1008 $20.00 count (2 orders, net $84.50); #1003 was refunded in full
    // (gross $50.00, refund $50.00, not an order); #1004 voided, #1005 cancelled, #1006 pending and
    // #1007 a test order do not count (5 not counted, with #1003); #1011 is in EUR with no rate (apart);
    // #1012 is on 1 May, after 4 April (outside the window).
    expect(totals.get(w.offer.id)).toEqual({
      offerId: w.offer.id,
      creatorId: w.offer.creatorId,
      campaignId: w.offer.campaignId,
      currency: 'USD',
      orders: 2,
      grossMinor: 6_450 + 2_000 + 5_000,
      refundsMinor: 5_000,
      netMinor: 6_450 + 2_000,
      unconverted: [{ currency: 'EUR', orders: 1, netMinor: 10_000 }],
      outsideWindow: 1,
      notCounted: 5,
    })
    // Jo: #1002, $1,120.00 with $120.00 refunded.
    expect(totals.get(joOffer.id)).toMatchObject({ orders: 1, grossMinor: 112_000, refundsMinor: 12_000, netMinor: 100_000, notCounted: 0, outsideWindow: 0 })

    // A rate from 1 March: €100.00 × 1.10 = $110.00 joins Maya's figures.
    await addExchangeRate(actor, { fromCurrency: 'eur', toCurrency: 'USD', rate: '1.10', effectiveOn: '2026-03-01' })
    const converted = (await loadOrderTotals(w.brand.id)).get(w.offer.id)!
    expect(converted).toMatchObject({ orders: 3, grossMinor: 13_450 + 11_000, refundsMinor: 5_000, netMinor: 8_450 + 11_000, unconverted: [] })
  })

  it('the same file twice changes nothing; a later export with a refund updates the order once, audited', async () => {
    const { w, actor, maya, jo } = await world()
    await importOrders(actor, shopify(maya, jo), { apply: true })
    const again = await importOrders(actor, shopify(maya, jo), { apply: true })
    expect(again).toMatchObject({ newOrders: 0, changedOrders: 0, unchangedOrders: 10 })

    const later = await importOrders(actor, shopify(maya, jo, { refund1001: true }))
    expect(later).toMatchObject({ newOrders: 0, changedOrders: 1, unchangedOrders: 9 })
    expect(later.changes).toEqual([{ orderId: '#1001', before: 'paid, total 6450 USD', after: 'refunded, total 6450 USD, refunded 6450' }])
    await importOrders(actor, shopify(maya, jo, { refund1001: true }), { apply: true })
    const rows = await db().select().from(schema.redemptions).where(and(eq(schema.redemptions.brandId, w.brand.id), eq(schema.redemptions.orderId, '#1001')))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ status: 'refunded', refundedMinor: 6_450 })
    const audits = await db().select().from(schema.auditEvents).where(and(eq(schema.auditEvents.brandId, w.brand.id), eq(schema.auditEvents.action, 'order.updated')))
    expect(audits).toHaveLength(1)
    expect(audits[0]!.before).toMatchObject({ status: 'paid', refundedMinor: 0 })
    expect(audits[0]!.after).toMatchObject({ status: 'refunded', refundedMinor: 6_450 })
    // Maya now: only #1008 counts ($20.00); #1001 and #1003 are refunded in full (gross and refunds $114.50).
    expect((await loadOrderTotals(w.brand.id)).get(w.offer.id)).toMatchObject({ orders: 1, grossMinor: 6_450 + 5_000 + 2_000, refundsMinor: 6_450 + 5_000, netMinor: 2_000 })
  })

  it('refuses rows it cannot read, naming line and column, and then writes nothing', async () => {
    const { w, actor, maya, jo } = await world()
    const bad = [
      HEADER,
      `#2001,a@x.test,paid,,USD,10.00,10.00,${maya},2026-03-06 10:00:00 -0500,Cap,,x,`,
      `#2002,a@x.test,mostly_paid,,USD,10.00,10.00,${maya},2026-03-06 10:00:00 -0500,Cap,,x,`,
      `#2003,a@x.test,paid,,USD,10.00,€10.00,${jo},2026-03-06 10:00:00 -0500,Cap,,x,`,
      `#2004,a@x.test,paid,,USD,10.00,10.00,${jo},2026-02-30 10:00:00 -0500,Cap,,x,`,
      `#2005,a@x.test,paid,,USD,10.00,10.00,${jo},2026-03-06 10:00:00 -0500,Cap,,x,11.00`,
    ].join('\n')
    const r = await importOrders(actor, bad, { apply: true })
    expect(r.applied).toBe(false)
    expect(r.refused.map((x) => [x.line, x.column])).toEqual([
      [3, 'financial status'],
      [4, 'total'],
      [5, 'created at'],
      [6, 'refunded amount'],
    ])
    expect(r.refused[0]!.reason).toMatch(/Unknown status "mostly_paid"/)
    expect(r.refused[1]!.reason).toMatch(/not an amount in USD/)
    expect(await db().select().from(schema.redemptions).where(eq(schema.redemptions.brandId, w.brand.id))).toHaveLength(0)
    expect(await db().select().from(schema.auditEvents).where(and(eq(schema.auditEvents.brandId, w.brand.id), eq(schema.auditEvents.action, 'orders.imported')))).toHaveLength(0)
  })

  it('refuses a file that is not an orders export, or lacks a column', async () => {
    const { actor } = await world()
    await expect(importOrders(actor, 'Order,Amount\n1,2')).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/not an orders export/) })
    await expect(importOrders(actor, 'Name,Financial Status,Created at,Total,Currency\n#1,paid,2026-03-01,1.00,USD')).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/Shopify orders export but is missing the column\(s\) "discount code"/),
    })
    await expect(importOrders(actor, '')).rejects.toMatchObject({ status: 400 })
    await expect(importOrders(actor, 'Name,Total\u0000\n')).rejects.toMatchObject({ status: 400 })
  })

  it('reads a WooCommerce export with its own status names and coupon format', async () => {
    const { w, actor, maya, jo, joOffer } = await world()
    const csv = [
      'Order Number,Order Date,Order Status,Order Currency,Order Total,Refunded Total,Coupon Items',
      `W1,2026-03-06 10:00:00,wc-completed,USD,80.00,0.00,code:${maya.toLowerCase()}|description:|amount:8.00`,
      `W2,2026-03-06 11:00:00,processing,USD,40.00,10.00,code:${jo}|amount:4.00`,
      `W3,2026-03-06 12:00:00,Refunded,USD,30.00,30.00,code:${jo}|amount:3.00`,
      `W4,2026-03-06 13:00:00,cancelled,USD,20.00,0.00,code:${jo}|amount:2.00`,
      `W5,2026-03-06 14:00:00,on-hold,USD,20.00,0.00,code:${jo}|amount:2.00`,
      `W6,2026-03-06 15:00:00,failed,USD,20.00,0.00,code:${jo}|amount:2.00`,
    ].join('\n')
    const r = await importOrders(actor, csv, { apply: true })
    expect(r).toMatchObject({ format: 'woocommerce', orders: 6, newOrders: 6, refusedCount: 0, applied: true })
    const t = await loadOrderTotals(w.brand.id)
    expect(t.get(w.offer.id)).toMatchObject({ orders: 1, grossMinor: 8_000, refundsMinor: 0, netMinor: 8_000 })
    // Jo: W2 counts ($40.00 − $10.00); W3 refunded in full ($30.00 gross and refund); W4, W5, W6 do not count.
    expect(t.get(joOffer.id)).toMatchObject({ orders: 1, grossMinor: 4_000 + 3_000, refundsMinor: 1_000 + 3_000, netMinor: 3_000, notCounted: 4 })
  })
})

describe('a report period', () => {
  it('counts orders placed on its UTC days only', async () => {
    const { w, actor, maya, jo, joOffer } = await world()
    await importOrders(actor, shopify(maya, jo), { apply: true })
    // 7 March UTC: Jo's #1002 (13:00Z) counts; Maya's #1001 (6 March 15:15Z) and #1008 (8 March 16:00Z) do not.
    const t = await loadOrderTotals(w.brand.id, { from: '2026-03-07', to: '2026-03-07' })
    expect(t.get(joOffer.id)).toMatchObject({ orders: 1, netMinor: 100_000 })
    expect(t.get(w.offer.id)?.orders ?? 0).toBe(0)
  })
})

describe('odd bytes in order numbers', () => {
  it('keeps quotes, backslashes, braces, commas and non-ASCII in order numbers exactly', async () => {
    const { w, actor, maya } = await world()
    const ids = ['#A"1', 'B\\2', '{C,3}', 'NULL', 'Ünï 5']
    const csv = [HEADER, ...ids.map((id, i) => `"${id.replace(/"/g, '""')}",a@x.test,paid,,USD,1.00,1.00,${maya},2026-03-06 10:0${i}:00 +0000,Cap,,x,`)].join('\n')
    expect(await importOrders(actor, csv, { apply: true })).toMatchObject({ newOrders: 5, applied: true })
    const stored = await db().select({ orderId: schema.redemptions.orderId }).from(schema.redemptions).where(eq(schema.redemptions.brandId, w.brand.id))
    expect(stored.map((r) => r.orderId).sort()).toEqual([...ids].sort())
  })
})

describe('conversion endpoint', () => {
  async function setup() {
    const x = await world()
    const [link] = (await createTrackingLink(x.actor, { offerId: x.joOffer.id, destinationUrl: 'https://acme.test/jacket' })) as [Awaited<ReturnType<typeof createTrackingLink>>[number]]
    const clickAt = new Date('2026-03-10T09:00:00Z')
    const click = await recordLinkClick({ code: link.code, ip: '203.0.113.5', userAgent: CHROME, now: clickAt })
    const clickId = new URL(click!.location).searchParams.get('gr_click')!
    const secret = await rotateConversionSecret(x.actor)
    const now = new Date('2026-03-11T09:00:00Z')
    const ts = String(Math.floor(now.getTime() / 1000))
    const send = (body: object, o: { secret?: string; ts?: string; signature?: string | null } = {}) => {
      const raw = JSON.stringify(body)
      const t = o.ts ?? ts
      return recordConversion({ brandId: x.w.brand.id, timestamp: t, signature: o.signature === undefined ? signConversion(o.secret ?? secret, t, raw) : o.signature, body: raw, now })
    }
    return { ...x, link, clickId, send, now }
  }

  it('records a signed conversion once, refuses replays, unsigned, wrongly signed and stale calls', async () => {
    const { w, joOffer, clickId, send } = await setup()
    const body = { order_id: 'S-1', amount: '45.00', currency: 'USD', click_id: clickId, ordered_at: '2026-03-11T08:00:00Z' }
    await expect(send(body)).resolves.toEqual({ outcome: 'recorded', orderId: 'S-1' })
    await expect(send(body)).rejects.toMatchObject({ status: 409 })
    await expect(send({ ...body, order_id: 'S-2' }, { signature: null })).rejects.toMatchObject({ status: 401 })
    await expect(send({ ...body, order_id: 'S-2' }, { secret: 'grsk_wrong' })).rejects.toMatchObject({ status: 401 })
    await expect(send({ ...body, order_id: 'S-2' }, { ts: String(Math.floor(new Date('2026-03-11T08:50:00Z').getTime() / 1000)) })).rejects.toMatchObject({ status: 401 })
    await expect(send({ ...body, order_id: 'S-3', click_id: clickId.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) })).rejects.toMatchObject({ status: 400 })
    await expect(send({ ...body, order_id: 'S-4', amount: '£45.00' })).rejects.toMatchObject({ status: 400 })
    const stored = await db().select().from(schema.redemptions).where(eq(schema.redemptions.brandId, w.brand.id))
    expect(stored.map((r) => [r.orderId, r.source, r.offerId, r.totalMinor, r.clickedAt?.toISOString()])).toEqual([['S-1', 'link', joOffer.id, 4_500, '2026-03-10T09:00:00.000Z']])
    // A later call with the refund updates the order; it never adds a second one.
    await expect(send({ ...body, refunded_amount: '45.00' })).resolves.toEqual({ outcome: 'updated', orderId: 'S-1' })
    const after = await loadOrderTotals(w.brand.id)
    expect(after.get(joOffer.id)).toMatchObject({ orders: 0, netMinor: 0, grossMinor: 4_500, refundsMinor: 4_500 })
  })

  it('codes before links: an order a promo code already claims stays the code’s, and an import claims a link order', async () => {
    const { w, actor, maya, jo, joOffer, clickId, send } = await setup()
    await importOrders(actor, shopify(maya, jo), { apply: true })
    // #1001 is Maya's code order; the store also reports it from Jo's link: it stays Maya's, counted once.
    await expect(send({ order_id: '#1001', amount: '64.50', currency: 'USD', click_id: clickId })).resolves.toEqual({ outcome: 'code_wins', orderId: '#1001' })
    const [row] = await db().select().from(schema.redemptions).where(and(eq(schema.redemptions.brandId, w.brand.id), eq(schema.redemptions.orderId, '#1001')))
    expect(row).toMatchObject({ source: 'code', offerId: w.offer.id })
    // A link order that a later export shows with Jo's code becomes the code's.
    await send({ order_id: '#1013', amount: '10.00', currency: 'USD', click_id: clickId })
    const csv = `${HEADER}\n#1013,m@x.test,paid,,USD,10.00,10.00,${jo},2026-03-11 08:00:00 +0000,Cap,,Shopify Payments,`
    const r = await importOrders(actor, csv, { apply: true })
    expect(r).toMatchObject({ changedOrders: 1, newOrders: 0 })
    const [claimed] = await db().select().from(schema.redemptions).where(and(eq(schema.redemptions.brandId, w.brand.id), eq(schema.redemptions.orderId, '#1013')))
    expect(claimed).toMatchObject({ source: 'code', offerId: joOffer.id, trackingLinkId: null })
  })

  it('a link order counts only within the window after its click', async () => {
    const { w, joOffer, clickId, send } = await setup()
    await send({ order_id: 'L-late', amount: '10.00', currency: 'USD', click_id: clickId, ordered_at: '2026-04-10T09:00:01Z' }) // 31 days after the click
    await send({ order_id: 'L-ok', amount: '12.00', currency: 'USD', click_id: clickId, ordered_at: '2026-04-09T09:00:00Z' }) // exactly 30 days
    expect((await loadOrderTotals(w.brand.id)).get(joOffer.id)).toMatchObject({ orders: 1, netMinor: 1_200, outsideWindow: 1 })
  })

  it('another brand cannot post to this brand’s endpoint with its own secret', async () => {
    const a = await setup()
    const b = await world()
    const secretB = await rotateConversionSecret(b.actor)
    await expect(a.send({ order_id: 'X-1', amount: '1.00', currency: 'USD', click_id: a.clickId }, { secret: secretB })).rejects.toMatchObject({ status: 401 })
  })
})

describe('report on net revenue', () => {
  it('orders, gross, refunds, net, cost per order and ROAS on net revenue, with the method', async () => {
    const { w, actor, maya, jo } = await world()
    await importOrders(actor, shopify(maya, jo, { refund1001: true }), { apply: true })
    const report = await getPerformanceReport({ id: w.brand.id, currency: 'USD', settings: {} }, {})
    const row = report.collaborations.find((r) => r.key === w.offer.id)!
    // Maya after the refund of #1001: only #1008 counts ($20.00 net); gross $64.50 + $50.00 + $20.00;
    // cost = her fee, $1,000.00 (no ledger rows): cost per order $1,000.00, ROAS 2,000 / 100,000 = 0.02.
    expect(row).toMatchObject({ redemptions: 1, grossRevenueMinor: 13_450, refundsMinor: 11_450, revenueMinor: 2_000, unconvertedOrders: 1, costMinor: 100_000, cpa: 100_000, roas: 0.02 })
    expect(report.ordersApart).toEqual([{ currency: 'EUR', orders: 1, netMinor: 10_000 }])
    expect(report.ordersMethod).toMatch(/net of refunds.*within 30 days.*codes before links/)
    // Program: Maya $20.00 + Jo $1,000.00 net.
    expect(report.program.revenueMinor).toBe(102_000)
    expect(report.program.redemptions).toBe(2)
  })
})

describe('one definition: the SQL of order totals agrees with app/domain/orders.ts', () => {
  it('for every status, cancelled or not, test or not, with and without refunds', async () => {
    const { w } = await world()
    const facts: OrderFacts[] = []
    let i = 0
    const values = []
    for (const status of ORDER_STATUSES) {
      for (const cancelled of [false, true]) {
        for (const test of [false, true]) {
          for (const refundedMinor of [0, 300, 1_000]) {
            if (status === 'paid' && refundedMinor) continue
            const f: OrderFacts = { status, grossMinor: 1_000, refundedMinor, cancelled, test }
            facts.push(f)
            values.push({
              brandId: w.brand.id,
              offerId: w.offer.id,
              orderId: `P-${i++}`,
              orderedAt: new Date('2026-03-06T00:00:00Z'),
              status,
              totalMinor: 1_000,
              refundedMinor,
              currency: 'USD',
              cancelledAt: cancelled ? new Date('2026-03-07T00:00:00Z') : null,
              isTest: test,
            })
          }
        }
      }
    }
    await db().insert(schema.redemptions).values(values)
    const t = (await loadOrderTotals(w.brand.id)).get(w.offer.id)!
    const sum = (fn: (f: OrderFacts) => number) => facts.reduce((s, f) => s + fn(f), 0)
    expect(t.orders).toBe(facts.filter(countsAsOrder).length)
    expect(t.netMinor).toBe(sum(orderNetMinor))
    expect(t.grossMinor).toBe(sum(orderGrossMinor))
    expect(t.refundsMinor).toBe(sum(orderRefundMinor))
    expect(t.notCounted).toBe(facts.length - t.orders)
  })
})

describe('an oversized orders file', () => {
  it('is refused with a message for the file field, and nothing is read into an import', async () => {
    const { readCsvUpload } = await import('#app/validation/csv-upload.server.ts')
    const form = new FormData()
    form.set('intent', 'orders-preview')
    form.set('file', new Blob([HEADER + '\n' + 'x'.repeat(50 * 1024 * 1024)], { type: 'text/csv' }), 'orders_export.csv')
    const request = new Request('http://greenroom.test/b/x/attribution', { method: 'POST', body: form })
    await expect(readCsvUpload(request, ['orders-preview'], { maxBytes: 25 * 1024 * 1024 })).rejects.toMatchObject({ status: 413, fieldErrors: { file: ['That file is larger than 25 MB.'] } })
  })
})
