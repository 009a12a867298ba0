/**
 * The Reports page read from the kept totals (report_collab, migration 0040) equals the page computed from the
 * facts (getPerformanceReport): every figure, row, order, cursor, chart bar and count, for every grouping,
 * every sort the kept rows answer, both directions, the campaign and creator filters, and every page walked with
 * Next and back with Previous. The world is messy on purpose: 63 creators (two with the same name, one named
 * with an accent and a number), costs from the ledger and from fees, a gift with no collaboration, an "extend
 * rights" offer, a cancelled collaboration with a post, readings with counters left unreported, clicks, orders
 * refunded in part and in full, orders in another currency with and without a rate, a collaboration in another
 * currency. The random sequences of report-collab-drift.test.ts compare the two ways again after every sequence.
 */
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { getReportPage, KEPT_SORTS, readsKeptTotals } from '#app/services/reports/get-report-page.server.ts'
import { reportQuerySchema } from '#app/validation/report-filters.ts'
import { encodeKeysetCursor } from '#app/domain/keyset-cursor.ts'
import { createBrand, createCreator } from '#tests/factories.ts'
import { createCampaign, createCollaboration, insertPost, insertSnapshot } from '#tests/factories-posts.ts'

type Brand = Parameters<typeof getReportPage>[0]
const query = (raw: Record<string, string>) => ({ ...reportQuerySchema.parse(raw) })

/** Both ways, page by page: first page, every Next, then back with every Previous. */
async function expectSamePages(brand: Brand, raw: Record<string, string>) {
  const q = query(raw)
  let cursor: string | undefined
  const seen: string[] = []
  for (let i = 0; i < 6; i++) {
    const [kept, whole] = await Promise.all([getReportPage(brand, q, cursor, { kept: true }), getReportPage(brand, q, cursor, { kept: false })])
    expect(kept, `${JSON.stringify(raw)} page ${i}`).toEqual(whole)
    if (!whole.nextCursor) break
    seen.push(...whole.rows.map((r) => r.key))
    cursor = whole.nextCursor
  }
  // cursors the pager never makes, but a second tab or a hand-edited address does: Next after the very last row,
  // Previous from a row with fewer than a page before it, a row that is not in the list, and garbage
  const all = (await getReportPage(brand, { ...q, all: '1' }, undefined, { kept: false })).rows
  const list = `report:${q.view.slice(0, 4)}:${q.sort}:${q.dir}`
  const odd = [
    all.length ? encodeKeysetCursor({ list, v: ['x'], id: all[all.length - 1]!.key, d: 'next' }) : undefined,
    all.length > 10 ? encodeKeysetCursor({ list, v: ['x'], id: all[10]!.key, d: 'prev' }) : undefined,
    encodeKeysetCursor({ list, v: ['1'], id: 'gone', d: 'next' }),
    '%%%not-a-cursor',
  ]
  for (const c of odd) {
    const [kept, whole] = await Promise.all([getReportPage(brand, q, c, { kept: true }), getReportPage(brand, q, c, { kept: false })])
    expect(kept, `${JSON.stringify(raw)} cursor ${c}`).toEqual(whole)
  }
  // and back
  let back = (await getReportPage(brand, q, cursor, { kept: false })).prevCursor
  while (back) {
    const [kept, whole] = await Promise.all([getReportPage(brand, q, back, { kept: true }), getReportPage(brand, q, back, { kept: false })])
    expect(kept).toEqual(whole)
    back = whole.prevCursor
  }
  return seen
}

describe('Reports page: the kept totals give the same page as the whole report', () => {
  let brand: Brand
  let usdCampaign: string
  let creatorId: string

  beforeAll(async () => {
    const created = await createBrand()
    const [b] = await db().update(schema.brands).set({ settings: { emvPerAction: { impressions: 0.5, likes: 10, comments: 25 }, engagementRateBasis: 'followers' } }).where(eq(schema.brands.id, created.id)).returning()
    brand = b! as unknown as Brand
    const usd = await createCampaign(b!.id, { name: 'Spring', currency: 'USD' })
    const usd2 = await createCampaign(b!.id, { name: 'autumn', currency: 'USD' })
    const eur = await createCampaign(b!.id, { name: 'Berlin', currency: 'EUR' })
    usdCampaign = usd.id
    const names = ['Ana', 'ana', 'Émile 2', 'Émile 10', ...Array.from({ length: 59 }, (_, i) => `Creator ${String(i).padStart(2, '0')}`)]
    let n = 0
    for (const name of names) {
      const { creator } = await createCreator({ brandIds: [b!.id], name })
      if (!creatorId) creatorId = creator.id
      n++
      // fees repeat (ties by cost), one in three in the second campaign too
      const c = await createCollaboration({ brandId: b!.id, campaignId: usd.id, creatorId: creator.id, feeMinor: 10_000 * (n % 7), usageFeeMinor: n % 5 === 0 ? 2_500 : 0 })
      if (n % 4 !== 0) {
        const post = await insertPost({ brandId: b!.id, creatorId: creator.id, deliverableId: c.deliverable.id, postedAt: new Date(Date.UTC(2026, 2, 1 + (n % 20), 12)) })
        await insertSnapshot(post.id, b!.id, new Date(Date.UTC(2026, 2, 25)), { impressions: n % 3 === 0 ? null : 1_000 * n, reach: 700 * n, views: n % 6 === 0 ? null : 90 * n, likes: 5 * (n % 9), comments: n % 2 ? null : n })
      }
      if (n % 3 === 0) {
        const c2 = await createCollaboration({ brandId: b!.id, campaignId: usd2.id, creatorId: creator.id, feeMinor: 5_000 })
        await db().insert(schema.costEntries).values({ brandId: b!.id, campaignId: usd2.id, offerId: c2.offer.id, kind: 'fee', amountMinor: 4_321, currency: 'USD' })
        const [link] = await db().insert(schema.trackingLinks).values({ offerId: c2.offer.id, brandId: b!.id, code: `rp${n}${Math.random().toString(36).slice(2)}`, destinationUrl: 'https://example.com/' }).returning()
        await db().insert(schema.linkClicks).values(Array.from({ length: 1 + (n % 5) }, (_, i) => ({ linkId: link!.id, brandId: b!.id, day: '2026-03-10', visitorHash: `v${n}-${i}` })))
        if (n % 2 === 0) {
          await db().insert(schema.redemptions).values([
            { brandId: b!.id, offerId: c2.offer.id, source: 'link', orderId: `o${n}a`, orderedAt: new Date(Date.UTC(2026, 2, 12)), clickedAt: new Date(Date.UTC(2026, 2, 10)), totalMinor: 12_000, refundedMinor: 2_000, currency: 'USD', status: 'partially_refunded' },
            { brandId: b!.id, offerId: c2.offer.id, source: 'code', orderId: `o${n}b`, orderedAt: new Date(Date.UTC(2026, 2, 13)), totalMinor: 9_000, refundedMinor: 9_000, currency: 'USD', status: 'refunded' },
            { brandId: b!.id, offerId: c2.offer.id, source: 'code', orderId: `o${n}c`, orderedAt: new Date(Date.UTC(2026, 2, 14)), totalMinor: 5_000, currency: n % 4 === 0 ? 'GBP' : 'CAD' },
          ] as never)
        }
      }
      if (n === 7) {
        // an "extend rights" offer of this collaboration, a gift and a shipping cost on it
        await db().insert(schema.offers).values({ brandId: b!.id, campaignId: usd.id, creatorId: creator.id, status: 'accepted', connectionType: 'paid', feeMinor: 3_000, usageFeeMinor: 700, currency: 'USD', extendsOfferId: c.offer.id })
        await db().insert(schema.costEntries).values([
          { brandId: b!.id, campaignId: usd.id, offerId: c.offer.id, kind: 'gifting', amountMinor: 1_999, currency: 'USD' },
          { brandId: b!.id, campaignId: usd.id, offerId: c.offer.id, kind: 'shipping', amountMinor: 850, currency: 'USD' },
        ])
      }
      if (n === 9) {
        // cancelled after posting: not in the report, nor its post in the weekly chart
        const x = await createCollaboration({ brandId: b!.id, campaignId: usd.id, creatorId: creator.id, feeMinor: 77_000 })
        await insertPost({ brandId: b!.id, creatorId: creator.id, deliverableId: x.deliverable.id })
        await db().update(schema.offers).set({ status: 'cancelled' }).where(eq(schema.offers.id, x.offer.id))
      }
      if (n === 11) await createCollaboration({ brandId: b!.id, campaignId: eur.id, creatorId: creator.id, currency: 'EUR', feeMinor: 40_000 })
    }
    // a gift on no collaboration (campaign-level cost), and a rate for CAD but none for GBP
    await db().insert(schema.costEntries).values({ brandId: b!.id, campaignId: usd.id, offerId: null, kind: 'gifting', amountMinor: 12_345, currency: 'USD' })
    await db().insert(schema.exchangeRates).values({ brandId: b!.id, fromCurrency: 'CAD', toCurrency: 'USD', rateMicros: 730_000, effectiveOn: '2026-01-01' })
    // follower counts for tiers and ER by followers
    const creators = await db().select().from(schema.creators)
    for (const [i, c] of creators.entries()) {
      if (i % 2) continue
      await db().insert(schema.socialAccounts).values({ creatorId: c.id, brandId: b!.id, platform: 'instagram', handle: `h${i}${Math.random().toString(36).slice(2)}`, snapshotFollowers: 5_000 * (i + 1), snapshotAt: new Date(Date.UTC(2026, 2, 1)) })
    }
  }, 120_000)

  it('reads the kept totals for the undated report and its kept sorts, the whole report otherwise', () => {
    expect(readsKeptTotals(query({}))).toBe(true)
    expect(readsKeptTotals(query({ sort: 'posts', dir: 'asc', view: 'campaigns', campaign: 'x' }))).toBe(true)
    for (const raw of [{ from: '2026-03-01' }, { to: '2026-03-31' }, { platform: 'instagram' }, { tier: 'micro' }, { all: '1' }, { sort: 'cpm' }, { sort: 'redemptions' }, { sort: 'tier' }] as Record<string, string>[]) expect(readsKeptTotals(query(raw))).toBe(false)
  })

  it('gives the same pages for every grouping, kept sort and direction, walking Next and Previous', async () => {
    for (const view of ['creators', 'collaborations', 'campaigns']) {
      for (const sort of KEPT_SORTS) {
        for (const dir of ['desc', 'asc']) {
          const seen = await expectSamePages(brand, { view, sort, dir })
          if (view === 'creators') expect(seen.length).toBe(50) // 63 creators in USD: a second page
        }
      }
    }
  }, 180_000)

  it('gives the same pages for one campaign and for one creator', async () => {
    for (const view of ['creators', 'collaborations', 'campaigns']) {
      await expectSamePages(brand, { view, campaign: usdCampaign })
      await expectSamePages(brand, { view, creator: creatorId, sort: 'impressions', dir: 'asc' })
    }
    // a campaign or creator of nobody, or another brand's campaign and creator: an empty report both ways
    await expectSamePages(brand, { campaign: 'nonexistent' })
    const other = await createBrand()
    const theirs = await createCampaign(other.id)
    const { creator: theirCreator } = await createCreator({ brandIds: [other.id] })
    await createCollaboration({ brandId: other.id, campaignId: theirs.id, creatorId: theirCreator.id, feeMinor: 99_000 })
    for (const raw of [{ campaign: theirs.id }, { creator: theirCreator.id }, { campaign: theirs.id, view: 'campaigns' }] as Record<string, string>[]) {
      const seen = await getReportPage(brand, query(raw), undefined)
      expect(seen.rows).toEqual([])
      expect(seen.report.program.costMinor).toBe(0)
      await expectSamePages(brand, raw)
    }
  }, 120_000)

  it('shows what the whole report shows: orders net of refunds, orders kept apart, costs with the gift on no collaboration', async () => {
    const page = await getReportPage(brand, query({ view: 'campaigns' }), undefined)
    const spring = page.rows.find((r) => r.label === 'Spring')!
    // the campaign row includes the 12,345 gift on no collaboration; the program too
    expect(page.report.program.costMinor).toBe(page.rows.reduce((s, r) => s + r.costMinor, 0))
    expect(spring.costMinor).toBeGreaterThan(12_345)
    // GBP has no rate: those orders are apart, never added in
    expect(page.report.ordersApart.map((a) => a.currency)).toEqual(['GBP'])
    expect(page.report.otherCurrency).toBe(1)
  })
})
