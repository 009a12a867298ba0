import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { getProgramSummary } from '#app/services/brands/get-program-summary.server.ts'
import { getBrandOverview } from '#app/services/brands/get-brand-overview.server.ts'
import { periodRange } from '#app/domain/program-period.ts'
import { getPerformanceReport } from '#app/services/reports/get-performance-report.server.ts'
import { acceptedOffer, brandActor, moneyCampaign, moneyWorld } from '#tests/factories-money.ts'
import { createCreator, uid } from '#tests/factories.ts'
import { insertSnapshot } from '#tests/factories-posts.ts'
import { listReviewQueue } from '#app/services/content/list-review-queue.server.ts'
import { getMoneySummaries } from '#app/services/budget/get-money-summaries.server.ts'
import { sumMoneyFigures } from '#app/domain/money-figures.ts'

const NOW = new Date('2026-03-20T09:00:00Z')

describe('brand home program numbers', () => {
  it('periods are UTC day ranges', () => {
    expect(periodRange('30d', NOW)).toEqual({ from: '2026-02-18', to: '2026-03-20' })
    expect(periodRange('90d', NOW)).toEqual({ from: '2025-12-20', to: '2026-03-20' })
    expect(periodRange('ytd', NOW)).toEqual({ from: '2026-01-01', to: '2026-03-20' })
  })

  it('posts live, reach, EMV and spend vs budget for the period, scoped to the brand', async () => {
    // EMV: 0.5 cent per impression + 10 cents per like.
    const w = await moneyWorld({ settings: { emvPerAction: { impressions: 0.5, likes: 10 } }, offer: { feeMinor: 100_000 } })
    await db().update(schema.campaigns).set({ budgetMinor: 400_000 }).where(eq(schema.campaigns.id, w.campaign.id))
    await db().insert(schema.costEntries).values({ brandId: w.brand.id, campaignId: w.campaign.id, offerId: w.offer.id, kind: 'fee', amountMinor: 100_000, currency: 'USD' })
    const [post] = await db().select().from(schema.posts).where(eq(schema.posts.deliverableId, w.deliverables[0]!.id))
    await insertSnapshot(post!.id, w.brand.id, new Date('2026-03-12T12:00:00Z'), { impressions: 20_000, reach: 15_000, likes: 800 })
    const s = await getProgramSummary(brandActor(w.brand, w.manager), '30d', NOW)
    expect([s.posts, s.reach]).toEqual([1, 15_000])
    // 20,000 × 0.5 + 800 × 10 = 18,000 cents.
    expect(s.emv).toBe(18_000)
    expect(s.spend).toMatchObject({ currency: 'USD', plannedMinor: 400_000, committedMinor: 100_000 })
    // The post (2026-03-05) is outside a 30-day window ending 2026-05-01.
    expect((await getProgramSummary(brandActor(w.brand, w.manager), '30d', new Date('2026-05-01T00:00:00Z'))).posts).toBe(0)
    // Another brand sees none of it: only its own accepted fee (no ledger row yet: the contracted fee counts).
    const other = await moneyWorld({ taxForm: false, offer: { feeMinor: 55_000, deliverables: [{ status: 'pending' }] } })
    const o = await getProgramSummary(other.managerActor, '30d', NOW)
    expect([o.posts, o.reach, o.spend.committedMinor]).toEqual([0, null, 55_000])
  })

  it('drafts to review is the review queue’s count, and spend the budget’s program total, read from kept rows', async () => {
    const w = await moneyWorld({ offer: { feeMinor: 70_000, deliverables: [{ status: 'pending' }, { status: 'pending' }, { status: 'pending' }] } })
    // two drafts submitted and waiting, one decided (its deliverable back to pending)
    for (const [i, d] of w.deliverables.entries()) {
      await db().insert(schema.draftVersions).values({ deliverableId: d.id, brandId: w.brand.id, version: 9, decision: i < 2 ? null : 'changes_requested' })
      if (i < 2) await db().update(schema.deliverables).set({ status: 'draft_submitted' }).where(eq(schema.deliverables.id, d.id))
    }
    const s = await getProgramSummary(w.managerActor, '30d', NOW)
    const queue = await listReviewQueue(w.brand.id)
    expect(queue.total).toBe(2)
    expect((await getBrandOverview(w.brand.id)).draftsToReview).toBe(queue.total)
    expect(s.spend).toEqual(sumMoneyFigures(await getMoneySummaries(w.brand.id)).find((f) => f.currency === 'USD'))
    expect(s.spend.committedMinor).toBe(70_000)
  })

  it('equals the program row of the Reports page for the same period (the home reads only the period)', async () => {
    // Posts are published 2026-03-05 (factories-money). Counted: two USD collaborations with a post in the
    // period. Left out: a EUR collaboration, a withdrawn offer with a post, a collaboration whose only post
    // is before the period, orders outside the period or of a collaboration with no post in it.
    const w = await moneyWorld({ settings: { emvPerAction: { impressions: 0.5, likes: 10, postClicks: 3 } }, offer: { feeMinor: 100_000 } })
    const second = await createCreator({ brandIds: [w.brand.id] })
    const b = await acceptedOffer({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: second.creator.id, deliverables: [{}, {}] })
    const eur = await acceptedOffer({ brandId: w.brand.id, campaignId: (await moneyCampaign(w.brand.id, { currency: 'EUR' })).id, creatorId: second.creator.id, currency: 'EUR' })
    const third = await createCreator({ brandIds: [w.brand.id] })
    const withdrawn = await acceptedOffer({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: third.creator.id })
    await db().update(schema.offers).set({ status: 'withdrawn' }).where(eq(schema.offers.id, withdrawn.offer.id))
    const old = await acceptedOffer({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: third.creator.id })
    const postOf = async (deliverableId: string) => (await db().select().from(schema.posts).where(eq(schema.posts.deliverableId, deliverableId)))[0]!
    const oldPost = await postOf(old.deliverables[0]!.id)
    await db().update(schema.posts).set({ postedAt: new Date('2025-11-01T12:00:00Z') }).where(eq(schema.posts.id, oldPost.id))
    const snaps: [string, Record<string, number>][] = [
      [w.deliverables[0]!.id, { impressions: 20_000, reach: 15_000, likes: 800 }],
      [b.deliverables[0]!.id, { impressions: 1_000, reach: 900, clicks: 7 }],
      [eur.deliverables[0]!.id, { impressions: 5_000, reach: 4_000 }],
      [withdrawn.deliverables[0]!.id, { impressions: 3_000, reach: 2_000 }],
    ]
    for (const [d, counts] of snaps) await insertSnapshot((await postOf(d)).id, w.brand.id, new Date('2026-03-12T12:00:00Z'), counts)
    await insertSnapshot(oldPost.id, w.brand.id, new Date('2025-11-12T12:00:00Z'), { impressions: 9_000, reach: 8_000 })
    const order = (offerId: string, orderedAt: string, totalMinor: number, extra: Partial<typeof schema.redemptions.$inferInsert> = {}) =>
      ({ brandId: w.brand.id, offerId, orderId: `o-${uid()}${uid()}`, orderedAt: new Date(orderedAt), totalMinor, currency: 'USD', ...extra }) as typeof schema.redemptions.$inferInsert
    await db()
      .insert(schema.redemptions)
      .values([
        order(w.offer.id, '2026-03-06T10:00:00Z', 5_000),
        order(w.offer.id, '2026-03-07T10:00:00Z', 4_000, { refundedMinor: 1_500 }),
        order(b.offer.id, '2026-03-08T10:00:00Z', 2_500),
        order(b.offer.id, '2025-10-01T10:00:00Z', 9_999),
        order(old.offer.id, '2026-03-06T10:00:00Z', 7_000),
        order(eur.offer.id, '2026-03-06T10:00:00Z', 3_000, { currency: 'EUR' }),
      ])
    const actor = brandActor(w.brand, w.manager)
    const s = await getProgramSummary(actor, '30d', NOW)
    // By hand: posts 1 + 2 (b's second post has no snapshot); reach 15,000 + 900;
    // EMV 21,000 × 0.5 + 800 × 10 + 7 × 3 = 18,521 cents; orders 3, net 5,000 + 2,500 + 2,500.
    expect([s.posts, s.reach, s.emv, s.redemptions, s.revenueMinor]).toEqual([3, 15_900, 18_521, 3, 10_000])
    for (const period of ['30d', '90d', 'ytd'] as const) {
      const range = periodRange(period, NOW)
      const p = (await getPerformanceReport(w.brand, range)).program
      const h = await getProgramSummary(actor, period, NOW)
      expect([h.posts, h.reach, h.emv, h.redemptions, h.revenueMinor]).toEqual([p.posts, p.reach, p.emv, p.redemptions, p.revenueMinor])
    }
  })
  it('counts each post as of the end of the period: a later reading is replaced by the last one before it, only for counted collaborations', async () => {
    // Posts are published 2026-03-05 (factories-money); the 30-day period of NOW ends 2026-03-20 (readings
    // from 2026-03-21 00:00 UTC on are after it).
    const w = await moneyWorld({ offer: { feeMinor: 100_000, deliverables: [{}, {}] } })
    const postOf = async (deliverableId: string) => (await db().select().from(schema.posts).where(eq(schema.posts.deliverableId, deliverableId)))[0]!
    const counted = await postOf(w.deliverables[0]!.id)
    await insertSnapshot(counted.id, w.brand.id, new Date('2026-03-12T12:00:00Z'), { reach: 15_000 })
    await insertSnapshot(counted.id, w.brand.id, new Date('2026-03-25T12:00:00Z'), { reach: 70_000 })
    // published after the period, read after it: not in the period at all
    const late = await postOf(w.deliverables[1]!.id)
    await db().update(schema.posts).set({ postedAt: new Date('2026-03-22T12:00:00Z') }).where(eq(schema.posts.id, late.id))
    await insertSnapshot(late.id, w.brand.id, new Date('2026-03-25T12:00:00Z'), { reach: 5_000 })
    // a withdrawn collaboration's post in the period, read after it: not counted either
    const third = await createCreator({ brandIds: [w.brand.id] })
    const withdrawn = await acceptedOffer({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: third.creator.id })
    await db().update(schema.offers).set({ status: 'withdrawn' }).where(eq(schema.offers.id, withdrawn.offer.id))
    const gone = await postOf(withdrawn.deliverables[0]!.id)
    await insertSnapshot(gone.id, w.brand.id, new Date('2026-03-12T12:00:00Z'), { reach: 2_000 })
    await insertSnapshot(gone.id, w.brand.id, new Date('2026-03-26T12:00:00Z'), { reach: 3_000 })
    const s = await getProgramSummary(brandActor(w.brand, w.manager), '30d', NOW)
    // By hand: one post in the period, its reach as of 2026-03-20: 15,000.
    expect([s.posts, s.reach]).toEqual([1, 15_000])
  })
})
