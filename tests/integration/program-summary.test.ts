import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { getProgramSummary } from '#app/services/brands/get-program-summary.server.ts'
import { periodRange } from '#app/domain/program-period.ts'
import { brandActor, moneyWorld } from '#tests/factories-money.ts'
import { insertSnapshot } from '#tests/factories-posts.ts'

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
})
