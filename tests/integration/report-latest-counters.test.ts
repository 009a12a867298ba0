import { eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { getPerformanceReport } from '#app/services/reports/get-performance-report.server.ts'
import { createBrand, createCreator, uid } from '#tests/factories.ts'
import { createCampaign, createCollaboration, insertPost, insertSnapshot } from '#tests/factories-posts.ts'

/**
 * post_metrics_latest and social_accounts.snapshot_* are kept by triggers (migration 0006), whatever
 * writes the snapshots. These tests write snapshots directly, in the orders and shapes the app and
 * imports can produce, and check the stored latest row and the report built from it.
 */
async function world() {
  const brand = await createBrand()
  const [b] = await db().select().from(schema.brands).where(eq(schema.brands.id, brand.id))
  const campaign = await createCampaign(brand.id)
  const ana = (await createCreator({ brandIds: [brand.id], name: `Ana ${uid()}` })).creator
  const c1 = await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: ana.id, feeMinor: 10_000, deliverableStatus: 'verified' })
  const c2 = await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: ana.id, feeMinor: 10_000, deliverableStatus: 'verified' })
  const p1 = await insertPost({ brandId: brand.id, creatorId: ana.id, deliverableId: c1.deliverable.id, postedAt: new Date('2026-03-01T12:00:00Z') })
  const p2 = await insertPost({ brandId: brand.id, creatorId: ana.id, deliverableId: c2.deliverable.id, postedAt: new Date('2026-03-02T12:00:00Z') })
  return { brand: b!, ana, p1, p2 }
}

const latest = async (postId: string) => {
  const [row] = await db().select().from(schema.postMetricsLatest).where(eq(schema.postMetricsLatest.postId, postId))
  return row ? { capturedAt: row.capturedAt.toISOString(), impressions: row.impressions, likes: row.likes } : null
}

describe('latest counters per post (trigger-kept)', () => {
  it('follow the newest snapshot by capture time, not by insertion order', async () => {
    const w = await world()
    expect(await latest(w.p1.id)).toBeNull()
    await insertSnapshot(w.p1.id, w.brand.id, new Date('2026-03-31T00:00:00Z'), { impressions: 3_000, likes: 30 })
    expect(await latest(w.p1.id)).toEqual({ capturedAt: '2026-03-31T00:00:00.000Z', impressions: 3_000, likes: 30 })
    // An older snapshot imported afterwards (a CSV with last month's numbers) does not move it back.
    await insertSnapshot(w.p1.id, w.brand.id, new Date('2026-03-08T00:00:00Z'), { impressions: 1_000, likes: 10 })
    expect(await latest(w.p1.id)).toEqual({ capturedAt: '2026-03-31T00:00:00.000Z', impressions: 3_000, likes: 30 })
    // One statement with rows for two posts, out of order: each post gets its own newest.
    await db()
      .insert(schema.metricSnapshots)
      .values([
        { postId: w.p2.id, brandId: w.brand.id, capturedAt: new Date('2026-03-20T00:00:00Z'), source: 'csv', impressions: 700 },
        { postId: w.p1.id, brandId: w.brand.id, capturedAt: new Date('2026-04-02T00:00:00Z'), source: 'csv', impressions: 4_000, likes: 40 },
        { postId: w.p2.id, brandId: w.brand.id, capturedAt: new Date('2026-03-09T00:00:00Z'), source: 'csv', impressions: 200 },
      ])
    expect(await latest(w.p1.id)).toEqual({ capturedAt: '2026-04-02T00:00:00.000Z', impressions: 4_000, likes: 40 })
    expect(await latest(w.p2.id)).toEqual({ capturedAt: '2026-03-20T00:00:00.000Z', impressions: 700, likes: null })
    // The report reads them: 4,000 + 700 impressions, 40 likes.
    const r = await getPerformanceReport(w.brand, {})
    expect([r.program.posts, r.program.impressions, r.program.likes]).toEqual([2, 4_700, 40])
  })

  it('an edited or deleted snapshot recomputes the latest; with none left there is no row', async () => {
    const w = await world()
    const older = await insertSnapshot(w.p1.id, w.brand.id, new Date('2026-03-08T00:00:00Z'), { impressions: 1_000, likes: 10 })
    const newer = await insertSnapshot(w.p1.id, w.brand.id, new Date('2026-03-31T00:00:00Z'), { impressions: 3_000, likes: 30 })
    await db().update(schema.metricSnapshots).set({ impressions: 3_500 }).where(eq(schema.metricSnapshots.id, newer.id))
    expect(await latest(w.p1.id)).toEqual({ capturedAt: '2026-03-31T00:00:00.000Z', impressions: 3_500, likes: 30 })
    // Correcting a capture time to earlier than the other snapshot hands "latest" to the other one.
    await db().update(schema.metricSnapshots).set({ capturedAt: new Date('2026-03-01T00:00:00Z') }).where(eq(schema.metricSnapshots.id, newer.id))
    expect(await latest(w.p1.id)).toEqual({ capturedAt: '2026-03-08T00:00:00.000Z', impressions: 1_000, likes: 10 })
    await db().delete(schema.metricSnapshots).where(eq(schema.metricSnapshots.id, older.id))
    expect(await latest(w.p1.id)).toEqual({ capturedAt: '2026-03-01T00:00:00.000Z', impressions: 3_500, likes: 30 })
    await db().delete(schema.metricSnapshots).where(inArray(schema.metricSnapshots.id, [newer.id]))
    expect(await latest(w.p1.id)).toBeNull()
    const r = await getPerformanceReport(w.brand, {})
    expect([r.program.posts, r.program.impressions]).toEqual([2, null])
    // Deleting a post takes its row with it.
    await insertSnapshot(w.p2.id, w.brand.id, new Date('2026-03-09T00:00:00Z'), { impressions: 200 })
    await db().delete(schema.posts).where(eq(schema.posts.id, w.p2.id))
    expect(await latest(w.p2.id)).toBeNull()
  })

  it('a report up to a day before a post’s latest snapshot uses the snapshot before that day', async () => {
    const w = await world()
    // P1: 03-08 (1,000) and 04-10 (9,000). P2: 03-09 only (200).
    await insertSnapshot(w.p1.id, w.brand.id, new Date('2026-03-08T00:00:00Z'), { impressions: 1_000 })
    await insertSnapshot(w.p1.id, w.brand.id, new Date('2026-04-10T00:00:00Z'), { impressions: 9_000 })
    await insertSnapshot(w.p2.id, w.brand.id, new Date('2026-03-09T00:00:00Z'), { impressions: 200 })
    // To 03-31: P1 as of 03-08 (its stored latest is later), P2's stored latest: 1,000 + 200.
    expect((await getPerformanceReport(w.brand, { to: '2026-03-31' })).program.impressions).toBe(1_200)
    // To 04-10 (the end of that day): the stored latest of both: 9,000 + 200.
    expect((await getPerformanceReport(w.brand, { to: '2026-04-10' })).program.impressions).toBe(9_200)
    // To 03-08: P1's 03-08 snapshot (taken at midnight that day), P2's not yet taken.
    expect((await getPerformanceReport(w.brand, { to: '2026-03-08' })).program.impressions).toBe(1_000)
    // To 03-07: P1 had no numbers yet, so nothing (not 0).
    expect((await getPerformanceReport(w.brand, { to: '2026-03-07' })).program.impressions).toBeNull()
  })

  it('the account keeps its latest follower snapshot; tiers as of a day use the one before it', async () => {
    const w = await world()
    const [acct] = await db().insert(schema.socialAccounts).values({ creatorId: w.ana.id, platform: 'instagram', handle: `ana${uid()}`, followers: 1 }).returning()
    await db().insert(schema.followerSnapshots).values({ socialAccountId: acct!.id, followers: 120_000, capturedAt: new Date('2026-03-20T00:00:00Z') })
    // An older snapshot after it does not replace it.
    await db().insert(schema.followerSnapshots).values({ socialAccountId: acct!.id, followers: 9_000, capturedAt: new Date('2026-03-05T00:00:00Z') })
    const [a] = await db().select().from(schema.socialAccounts).where(eq(schema.socialAccounts.id, acct!.id))
    expect([a!.snapshotFollowers, a!.snapshotAt?.toISOString()]).toEqual([120_000, '2026-03-20T00:00:00.000Z'])
    // 120,000 is mid (100K–500K) now; up to 2026-03-10 it was 9,000: nano (1K–10K). Both posts are in
    // either period (posted 03-01 and 03-02).
    expect((await getPerformanceReport(w.brand, {})).creators.map((c) => [c.followers, c.tier])).toEqual([[120_000, 'mid']])
    expect((await getPerformanceReport(w.brand, { to: '2026-03-10' })).creators.map((c) => [c.followers, c.tier])).toEqual([[9_000, 'nano']])
    // Up to 03-02, before any snapshot: no follower count, no tier.
    expect((await getPerformanceReport(w.brand, { to: '2026-03-02' })).creators.map((c) => [c.followers, c.tier])).toEqual([[null, null]])
    await db().delete(schema.followerSnapshots).where(eq(schema.followerSnapshots.socialAccountId, acct!.id))
    const [gone] = await db().select().from(schema.socialAccounts).where(eq(schema.socialAccounts.id, acct!.id))
    expect([gone!.snapshotFollowers, gone!.snapshotAt]).toEqual([null, null])
  })
})
