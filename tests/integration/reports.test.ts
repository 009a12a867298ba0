import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { queryCounter } from '#db/query-count.ts'
import { db } from '#app/db.server.ts'
import { getPerformanceReport } from '#app/services/reports/get-performance-report.server.ts'
import * as reportsRoute from '#app/routes/b+/$brand+/reports._index.tsx'
import * as exportRoute from '#app/routes/b+/$brand+/reports.export[.]csv.tsx'
import { addMember, call, cookieFor, createBrand, createCreator, makeRequest, uid } from '#tests/factories.ts'
import { createCampaign, createCollaboration, insertPost, insertSnapshot } from '#tests/factories-posts.ts'

/**
 * The fixture, worked out by hand (brand settings: engagements = likes + comments + shares + saves,
 * ER by reach, EMV per action in cents: impression 0.5, like 10, comment 50, share 50, save 30).
 *
 * Ana — C1 (campaign Spring): fee $1,000, no ledger -> cost 100,000¢. Post P1 posted 2026-03-01:
 *         day 7 (03-08): impr 10,000 reach 8,000 views 12,000 likes 400 comments 50 shares 20 saves 30
 *         day 30 (03-31): impr 20,000 reach 15,000 views 25,000 likes 600 comments 80 shares 30 saves 40  <- latest
 *         3 tracked-link clicks; 2 orders with her code: $64.50 + $35.50 = 10,000¢.
 *       C2 (campaign Summer): fee $500 but ledger rows fee 50,000 + gifting 8,000 + shipping 2,000 -> cost 60,000¢.
 *         Post P2 posted 2026-03-20, one snapshot 03-27: impr 5,000 reach 4,000 views — likes 100 comments 10 shares 5 saves 5
 * Ben — C3 (Spring): fee $300 -> 30,000¢. Post P3 posted 2026-03-05, no numbers at all.
 *
 * Ana program-wide: cost 160,000¢; posts 2; impressions 20,000 + 5,000 = 25,000; reach 15,000 + 4,000 = 19,000;
 *   views 25,000 (P2 not reported); likes 700, comments 90, shares 35, saves 45 -> engagements 870;
 *   ER = 870 / 19,000 = 0.0457894…; CPM = 160,000 / 25,000 × 1,000 = 6,400¢ ($64.00); CPV = 160,000 / 25,000 = 6.4¢;
 *   CPE = 160,000 / 870 = 183.9080…¢; CPC = 160,000 / 3 = 53,333.33…¢; CPA = 160,000 / 2 = 80,000¢; ROAS = 10,000 / 160,000 = 0.0625;
 *   EMV = 25,000×0.5 + 700×10 + 90×50 + 35×50 + 45×30 = 12,500 + 7,000 + 4,500 + 1,750 + 1,350 = 27,100¢ ($271.00).
 * Ben: cost 30,000¢, 1 post, every metric "—" (null), CPM null (no impressions), never NaN or Infinity.
 * Program: cost 190,000¢, impressions 25,000 -> CPM 7,600¢.
 */
async function fixture() {
  const brand = await createBrand()
  await db()
    .update(schema.brands)
    .set({
      settings: {
        engagementSet: ['likes', 'comments', 'shares', 'saves'],
        engagementRateBasis: 'reach',
        emvPerAction: { impressions: 0.5, likes: 10, comments: 50, shares: 50, saves: 30 },
      },
    })
    .where(eq(schema.brands.id, brand.id))
  const [b] = await db().select().from(schema.brands).where(eq(schema.brands.id, brand.id))
  const spring = await createCampaign(brand.id, { name: 'Spring' })
  const summer = await createCampaign(brand.id, { name: 'Summer' })
  const ana = (await createCreator({ brandIds: [brand.id], name: `Ana ${uid()}` })).creator
  const ben = (await createCreator({ brandIds: [brand.id], name: `Ben ${uid()}` })).creator
  const c1 = await createCollaboration({ brandId: brand.id, campaignId: spring.id, creatorId: ana.id, feeMinor: 100_000, deliverableStatus: 'verified' })
  const c2 = await createCollaboration({ brandId: brand.id, campaignId: summer.id, creatorId: ana.id, feeMinor: 50_000, deliverableStatus: 'verified' })
  const c3 = await createCollaboration({ brandId: brand.id, campaignId: spring.id, creatorId: ben.id, feeMinor: 30_000, deliverableStatus: 'verified' })
  for (const [kind, amount] of [['fee', 50_000], ['gifting', 8_000], ['shipping', 2_000]] as const) {
    await db().insert(schema.costEntries).values({ brandId: brand.id, campaignId: summer.id, offerId: c2.offer.id, kind, amountMinor: amount, currency: 'USD' })
  }
  const p1 = await insertPost({ brandId: brand.id, creatorId: ana.id, deliverableId: c1.deliverable.id, postedAt: new Date('2026-03-01T12:00:00Z') })
  await insertSnapshot(p1.id, brand.id, new Date('2026-03-08T12:00:00Z'), { impressions: 10_000, reach: 8_000, views: 12_000, likes: 400, comments: 50, shares: 20, saves: 30 })
  await insertSnapshot(p1.id, brand.id, new Date('2026-03-31T12:00:00Z'), { impressions: 20_000, reach: 15_000, views: 25_000, likes: 600, comments: 80, shares: 30, saves: 40 })
  const p2 = await insertPost({ brandId: brand.id, creatorId: ana.id, deliverableId: c2.deliverable.id, postedAt: new Date('2026-03-20T12:00:00Z') })
  await insertSnapshot(p2.id, brand.id, new Date('2026-03-27T12:00:00Z'), { impressions: 5_000, reach: 4_000, views: null, likes: 100, comments: 10, shares: 5, saves: 5 })
  await insertPost({ brandId: brand.id, creatorId: ben.id, deliverableId: c3.deliverable.id, postedAt: new Date('2026-03-05T12:00:00Z') })
  const [link] = await db().insert(schema.trackingLinks).values({ offerId: c1.offer.id, brandId: brand.id, code: `R${uid().toUpperCase()}`, destinationUrl: 'https://x.test' }).returning()
  for (const v of ['a', 'b', 'c']) await db().insert(schema.linkClicks).values({ linkId: link!.id, brandId: brand.id, day: '2026-03-02', visitorHash: v })
  const [code] = await db().insert(schema.promoCodes).values({ offerId: c1.offer.id, brandId: brand.id, code: `ANA${uid().toUpperCase()}` }).returning()
  await db().insert(schema.redemptions).values([
    { brandId: brand.id, offerId: c1.offer.id, promoCodeId: code!.id, orderId: '#1', orderedAt: new Date('2026-03-03T10:00:00Z'), totalMinor: 6_450, currency: 'USD' },
    { brandId: brand.id, offerId: c1.offer.id, promoCodeId: code!.id, orderId: '#2', orderedAt: new Date('2026-03-04T10:00:00Z'), totalMinor: 3_550, currency: 'USD' },
  ])
  // Another brand with the same creator and huge numbers: must never leak into this brand's report.
  const other = await createBrand()
  const oc = await createCampaign(other.id)
  const o1 = await createCollaboration({ brandId: other.id, campaignId: oc.id, creatorId: ana.id, feeMinor: 9_999_900, deliverableStatus: 'verified' })
  const op = await insertPost({ brandId: other.id, creatorId: ana.id, deliverableId: o1.deliverable.id })
  await insertSnapshot(op.id, other.id, new Date('2026-03-10T12:00:00Z'), { impressions: 9_000_000, likes: 900_000 })
  return { brand: b!, ana, ben, spring, summer, other }
}

describe('performance report', () => {
  it('per-creator totals equal the sum of their posts (cost from ledger or fees, latest snapshot per post)', async () => {
    const f = await fixture()
    const r = await getPerformanceReport(f.brand, {})
    const ana = r.creators.find((c) => c.creatorId === f.ana.id)!
    expect(ana).toMatchObject({
      costMinor: 160_000,
      costBasis: 'mixed',
      posts: 2,
      impressions: 25_000,
      reach: 19_000,
      views: 25_000,
      likes: 700,
      comments: 90,
      shares: 35,
      saves: 45,
      linkClicks: 3,
      redemptions: 2,
      revenueMinor: 10_000,
      collaborations: 2,
    })
    const ben = r.creators.find((c) => c.creatorId === f.ben.id)!
    expect(ben).toMatchObject({ costMinor: 30_000, costBasis: 'fees', posts: 1, impressions: null, likes: null, cpm: null, cpe: null, engagementRate: null })
    for (const v of Object.values(ben)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true)

    // Per collaboration: the two rows of Ana add up to her creator row.
    const anaRows = r.collaborations.filter((c) => c.creatorId === f.ana.id)
    expect(anaRows.map((c) => [c.sublabel, c.costMinor, c.impressions, c.costBasis])).toEqual([
      ['Spring', 100_000, 20_000, 'fees'],
      ['Summer', 60_000, 5_000, 'ledger'],
    ])
    // Per campaign and program.
    expect(r.campaigns.map((c) => [c.label, c.costMinor, c.impressions])).toEqual([
      ['Spring', 130_000, 20_000],
      ['Summer', 60_000, 5_000],
    ])
    expect(r.program.costMinor).toBe(190_000)
    expect(r.program.impressions).toBe(25_000)
    // Over time, by publishing week (weeks start on Monday): P1 Sun 03-01 -> week of 02-23; P3 Thu 03-05 -> 03-02; P2 Fri 03-20 -> 03-16.
    expect(r.weekly).toEqual([
      { week: '2026-02-23', posts: 1, impressions: 20_000, views: 25_000 },
      { week: '2026-03-02', posts: 1, impressions: null, views: null },
      { week: '2026-03-16', posts: 1, impressions: 5_000, views: null },
    ])
  })

  it('derives engagements, rates, cost metrics and EMV from the summed counts', async () => {
    const f = await fixture()
    const r = await getPerformanceReport(f.brand, {})
    const ana = r.creators.find((c) => c.creatorId === f.ana.id)!
    expect(ana.engagements).toBe(870)
    expect(ana.engagementRate).toBeCloseTo(870 / 19_000, 10)
    expect(ana.cpm).toBeCloseTo(6_400, 10)
    expect(ana.cpv).toBeCloseTo(6.4, 10)
    expect(ana.cpe).toBeCloseTo(183.908045977, 6)
    expect(ana.cpc).toBeCloseTo(53_333.333333, 4)
    expect(ana.cpa).toBeCloseTo(80_000, 10)
    expect(ana.roas).toBeCloseTo(0.0625, 10)
    expect(ana.emv).toBeCloseTo(27_100, 10)

    expect(r.program.cpm).toBeCloseTo(7_600, 10)
    expect(ana.emvDetail).toBe('25,000 impressions × $0.005 + 700 likes × $0.10 + 90 comments × $0.50 + 35 shares × $0.50 + 45 saves × $0.30 = $271.00')
    const ben = r.creators.find((c) => c.creatorId === f.ben.id)!
    expect([ben.engagements, ben.cpm, ben.emv, ben.cpc, ben.cpa, ben.roas]).toEqual([null, null, null, null, null, 0])
  })

  it('the date range keeps posts in the period and metrics as of its end', async () => {
    const f = await fixture()
    // To 2026-03-15: P2 (posted 03-20) is out; P1's latest snapshot by then is day 7 (impr 10,000).
    const r = await getPerformanceReport(f.brand, { to: '2026-03-15' })
    const ana = r.creators.find((c) => c.creatorId === f.ana.id)!
    expect([ana.costMinor, ana.posts, ana.impressions, ana.likes]).toEqual([100_000, 1, 10_000, 400])
    // Tiers from the latest follower snapshot: Ana 48,200 on Instagram (micro: 10K–100K); Ben has no accounts.
    const [acct] = await db().insert(schema.socialAccounts).values({ creatorId: f.ana.id, platform: 'instagram', handle: `ana${uid()}`, followers: 1 }).returning()
    await db().insert(schema.followerSnapshots).values([
      { socialAccountId: acct!.id, followers: 9_000, capturedAt: new Date('2026-01-01T00:00:00Z') },
      { socialAccountId: acct!.id, followers: 48_200, capturedAt: new Date('2026-03-01T00:00:00Z') },
    ])
    const tiers = await getPerformanceReport(f.brand, {})
    expect(tiers.creators.map((c) => [c.creatorId, c.tier])).toEqual(expect.arrayContaining([[f.ana.id, 'micro'], [f.ben.id, null]]))
    // The tier filter keeps only matching creators (Ana's older 9,000 snapshot does not count).
    expect((await getPerformanceReport(f.brand, { tier: 'nano' })).creators.map((c) => c.creatorId)).toEqual([])
    expect((await getPerformanceReport(f.brand, { tier: 'micro' })).creators.map((c) => c.creatorId)).toEqual([f.ana.id])
    // Campaign filter: Summer only.
    const s = await getPerformanceReport(f.brand, { campaignId: f.summer.id })
    expect(s.creators.map((c) => [c.creatorId, c.costMinor])).toEqual([[f.ana.id, 60_000]])
  })

  it('is scoped to the brand: another brand’s report never sees these rows', async () => {
    const f = await fixture()
    const [other] = await db().select().from(schema.brands).where(eq(schema.brands.id, f.other.id))
    const r = await getPerformanceReport(other!, {})
    expect(r.creators.map((c) => [c.creatorId, c.costMinor, c.impressions])).toEqual([[f.ana.id, 9_999_900, 9_000_000]])
    // And a campaign id of another brand filters to nothing rather than leaking.
    const leak = await getPerformanceReport(other!, { campaignId: f.spring.id })
    expect(leak.creators).toEqual([])
  })

  it('one creator’s report has only that creator, with the same figures as their row in the brand-wide report', async () => {
    const f = await fixture()
    const r = await getPerformanceReport(f.brand, { creatorId: f.ana.id })
    // Ana by hand (fixture above): cost 160,000¢, 2 posts, impressions 25,000, 3 link clicks, 2 redemptions worth 10,000¢, EMV 27,100¢.
    expect(r.creators.map((c) => [c.creatorId, c.costMinor, c.posts, c.impressions, c.linkClicks, c.redemptions, c.revenueMinor, c.emv])).toEqual([
      [f.ana.id, 160_000, 2, 25_000, 3, 2, 10_000, 27_100],
    ])
    expect(r.collaborations).toHaveLength(2)
    expect(r.program.costMinor).toBe(160_000)
    // P1 was posted on Sunday 2026-03-01 (week of Monday 02-23), P2 on Friday 03-20 (week of 03-16): latest impressions 20,000 and 5,000.
    expect(r.weekly).toEqual([
      { week: '2026-02-23', posts: 1, impressions: 20_000, views: 25_000 },
      { week: '2026-03-16', posts: 1, impressions: 5_000, views: null },
    ])
    // Ben's report has his one post and none of Ana's numbers; a creator of no collaboration with the brand gets nothing.
    const ben = await getPerformanceReport(f.brand, { creatorId: f.ben.id })
    expect(ben.creators.map((c) => [c.creatorId, c.costMinor, c.posts, c.impressions, c.linkClicks])).toEqual([[f.ben.id, 30_000, 1, null, 0]])
    const [other] = await db().select().from(schema.brands).where(eq(schema.brands.id, f.other.id))
    expect((await getPerformanceReport(other!, { creatorId: f.ben.id })).creators).toEqual([])
  })

  it('runs a fixed number of queries whatever the number of creators', async () => {
    const f = await fixture()
    const count = async () => {
      const store = { queries: 0 }
      await queryCounter.run(store, () => getPerformanceReport(f.brand, {}))
      return store.queries
    }
    const before = await count()
    for (let i = 0; i < 5; i++) {
      const c = (await createCreator({ brandIds: [f.brand.id] })).creator
      const k = await createCollaboration({ brandId: f.brand.id, campaignId: f.spring.id, creatorId: c.id, deliverableStatus: 'verified' })
      await insertPost({ brandId: f.brand.id, creatorId: c.id, deliverableId: k.deliverable.id })
    }
    expect(await count()).toBe(before)
    // 6 for the report itself + the 4 reads of the money figures (cost per collaboration).
    expect(before).toBeLessThanOrEqual(10)
  })

  it('the page and the CSV export answer a viewer, with the right figures', async () => {
    const f = await fixture()
    const viewer = await addMember(f.brand.id, 'viewer')
    const cookie = await cookieFor(viewer)
    const page = await call(() => reportsRoute.loader({ request: makeRequest(`/b/${f.brand.slug}/reports?sort=cpm&dir=asc`, { cookie }), params: { brand: f.brand.slug }, context: {} }))
    expect(page.status).toBe(200)
    // The page gets only the chosen grouping, in the chosen order (CPM ascending: Ana's $64.00; Ben has no
    // impressions, so no CPM, and comes last), and the chart's creators by cost (Ana 160,000¢, Ben 30,000¢).
    const data = page.data as { rows: { creatorId: string }[]; totalRows: number; chart: { cost: number }[]; report: Record<string, unknown> }
    expect(data.rows.map((r) => r.creatorId)).toEqual([f.ana.id, f.ben.id])
    expect(data.totalRows).toBe(2)
    expect(data.chart.map((c) => c.cost)).toEqual([160_000, 30_000])
    expect(data.report).not.toHaveProperty('collaborations')
    const csv = await call(() => exportRoute.loader({ request: makeRequest(`/b/${f.brand.slug}/reports/export.csv`, { cookie }), params: { brand: f.brand.slug }, context: {} }))
    expect(csv.response!.headers.get('Content-Type')).toContain('text/csv')
    expect(csv.response!.headers.get('Content-Disposition')).toContain('attachment')
    const text = await csv.response!.text()
    const anaLine = text.split('\r\n').find((l) => l.startsWith(f.ana.name))!
    // Cost $1,600.00, CPM $64.0000, EMV $271.00
    expect(anaLine).toContain(',1600.00,')
    expect(anaLine).toContain(',64.0000,')
    expect(anaLine).toContain(',271.00,')
    expect(text).toContain('Total')
  })
})
