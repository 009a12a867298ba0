/**
 * The program_days summary rows (migration 0033: the brand home's program numbers per brand, publishing day
 * and currency, kept by statement triggers on posts, post_metrics_latest, offers and deliverables) never
 * drift from a recomputation from scratch: after a random sequence of changes — posts published, moved to
 * another day (across midnight UTC), moved to another deliverable, deleted; readings added and removed;
 * offers accepted, cancelled, completed; deliverables moved to another offer (another currency); bulk
 * statements; changes in a transaction that rolls back — the table equals the rows computed here in
 * TypeScript from posts, deliverables, offers and the latest counters per post (those are proven by their
 * own drift test, report-latest-counters). Property-based (fast-check); PGlite and, with DATABASE_URL, PostgreSQL.
 */
import { eq, sql } from 'drizzle-orm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { COMMITTED_OFFER_STATUSES, OFFER_RECORD_STATUSES } from '#app/domain/state-machines.ts'
import { createBrand, createCreator } from '#tests/factories.ts'
import { createCampaign, createCollaboration, insertPost, insertSnapshot } from '#tests/factories-posts.ts'
import { noDriftAfterAnySequence, pick, rolledBack, type Q } from '#tests/drift.ts'
import { rowsOf } from '#app/services/brands/get-at-risk.server.ts'

const METRICS = ['impressions', 'reach', 'views', 'likes', 'comments', 'shares', 'saves', 'clicks'] as const
type Metric = (typeof METRICS)[number]
const DAY0 = Date.UTC(2026, 2, 1)
const HOUR = 3_600_000

const idx = fc.nat({ max: 1000 })
// hours from DAY0: four days, so posts share days and cross midnight UTC when moved
const hour = fc.integer({ min: 0, max: 95 })
const reading = fc.record(Object.fromEntries(METRICS.map((m) => [m, fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: null })])) as Record<Metric, fc.Arbitrary<number | null>>)

type Op =
  | { t: 'post'; offer: number; hour: number }
  | { t: 'postMove'; post: number; hour: number }
  | { t: 'postDeliverable'; post: number; offer: number }
  | { t: 'postDelete'; post: number }
  | { t: 'snapshot'; post: number; hour: number; m: Record<Metric, number | null> }
  | { t: 'snapshotDelete'; snapshot: number }
  | { t: 'offerStatus'; offer: number; status: string }
  | { t: 'deliverableMove'; deliverable: number; offer: number }
  | { t: 'bulkShift'; hours: number }
  | { t: 'rollback'; ops: Op[] }

const simpleOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant('post' as const), offer: idx, hour }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('postMove' as const), post: idx, hour }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('postDeliverable' as const), post: idx, offer: idx }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('postDelete' as const), post: idx }) },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('snapshot' as const), post: idx, hour, m: reading }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('snapshotDelete' as const), snapshot: idx }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('offerStatus' as const), offer: idx, status: fc.constantFrom(...OFFER_RECORD_STATUSES) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('deliverableMove' as const), deliverable: idx, offer: idx }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('bulkShift' as const), hours: fc.integer({ min: -30, max: 30 }) }) },
)
const anyOp: fc.Arbitrary<Op> = fc.oneof({ weight: 12, arbitrary: simpleOp }, { weight: 1, arbitrary: fc.record({ t: fc.constant('rollback' as const), ops: fc.array(simpleOp, { minLength: 1, maxLength: 4 }) }) })

interface World {
  brandId: string
  otherBrandId: string
  creatorId: string
  offers: string[]
  deliverables: string[]
  posts: string[]
  snapshots: string[]
}


async function world(): Promise<World> {
  const brand = await createBrand()
  const other = await createBrand()
  const { creator } = await createCreator({ brandIds: [brand.id, other.id] })
  const usd = await createCampaign(brand.id, { currency: 'USD' })
  const eur = await createCampaign(brand.id, { currency: 'EUR' })
  const w: World = { brandId: brand.id, otherBrandId: other.id, creatorId: creator.id, offers: [], deliverables: [], posts: [], snapshots: [] }
  for (const [campaign, currency] of [[usd, 'USD'], [usd, 'USD'], [eur, 'EUR']] as const) {
    const c = await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: creator.id, currency })
    w.offers.push(c.offer.id)
    w.deliverables.push(c.deliverable.id)
  }
  // another brand's post on the same days: never counted in this brand's rows, and its own rows stay right
  const otherCampaign = await createCampaign(other.id)
  const oc = await createCollaboration({ brandId: other.id, campaignId: otherCampaign.id, creatorId: creator.id })
  const op = await insertPost({ brandId: other.id, creatorId: creator.id, deliverableId: oc.deliverable.id, postedAt: new Date(DAY0 + 10 * HOUR) })
  await insertSnapshot(op.id, other.id, new Date(DAY0 + 20 * HOUR), { views: 777, likes: 7 })
  return w
}

/** A new deliverable of the offer (a post belongs to one deliverable, and a deliverable has at most one post). */
async function newDeliverable(q: Q, w: World, offerIdx: number): Promise<string> {
  const offerId = pick(w.offers, offerIdx)!
  const [o] = await q.select({ campaignId: schema.offers.campaignId }).from(schema.offers).where(eq(schema.offers.id, offerId))
  const [d] = await q
    .insert(schema.deliverables)
    .values({ offerId, brandId: w.brandId, campaignId: o!.campaignId, creatorId: w.creatorId, platform: 'instagram', format: 'reel', status: 'posted' })
    .returning()
  w.deliverables.push(d!.id)
  return d!.id
}

async function apply(q: Q, w: World, op: Op): Promise<void> {
  switch (op.t) {
    case 'post': {
      const deliverableId = await newDeliverable(q, w, op.offer)
      const [p] = await q
        .insert(schema.posts)
        .values({ brandId: w.brandId, creatorId: w.creatorId, deliverableId, platform: 'instagram', url: `https://www.instagram.com/reel/${w.posts.length}-${Math.random().toString(36).slice(2)}/`, postedAt: new Date(DAY0 + op.hour * HOUR) })
        .returning()
      w.posts.push(p!.id)
      return
    }
    case 'postMove': {
      const id = pick(w.posts, op.post)
      if (id) await q.update(schema.posts).set({ postedAt: new Date(DAY0 + op.hour * HOUR) }).where(eq(schema.posts.id, id))
      return
    }
    case 'postDeliverable': {
      const id = pick(w.posts, op.post)
      if (id) await q.update(schema.posts).set({ deliverableId: await newDeliverable(q, w, op.offer) }).where(eq(schema.posts.id, id))
      return
    }
    case 'postDelete': {
      const id = pick(w.posts, op.post)
      if (!id) return
      await q.delete(schema.metricSnapshots).where(eq(schema.metricSnapshots.postId, id))
      await q.delete(schema.posts).where(eq(schema.posts.id, id))
      w.posts = w.posts.filter((p) => p !== id)
      return
    }
    case 'snapshot': {
      const postId = pick(w.posts, op.post)
      if (!postId) return
      const [s] = await q.insert(schema.metricSnapshots).values({ postId, brandId: w.brandId, capturedAt: new Date(DAY0 + op.hour * HOUR), source: 'csv', ...op.m }).returning()
      w.snapshots.push(s!.id)
      return
    }
    case 'snapshotDelete': {
      const id = pick(w.snapshots, op.snapshot)
      if (!id) return
      await q.delete(schema.metricSnapshots).where(eq(schema.metricSnapshots.id, id))
      w.snapshots = w.snapshots.filter((s) => s !== id)
      return
    }
    case 'offerStatus':
      await q.update(schema.offers).set({ status: op.status as never }).where(eq(schema.offers.id, pick(w.offers, op.offer)!))
      return
    case 'deliverableMove': {
      const offerId = pick(w.offers, op.offer)!
      const [o] = await q.select({ campaignId: schema.offers.campaignId }).from(schema.offers).where(eq(schema.offers.id, offerId))
      await q.update(schema.deliverables).set({ offerId, campaignId: o!.campaignId }).where(eq(schema.deliverables.id, pick(w.deliverables, op.deliverable)!))
      return
    }
    case 'bulkShift':
      await q.execute(sql`update posts set posted_at = posted_at + make_interval(hours => ${op.hours}) where brand_id = ${w.brandId}`)
      return
    case 'rollback':
      await rolledBack(q, w, async (tx) => {
        for (const inner of op.ops) await apply(tx, w, inner)
      })
      return
  }
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))

/** program_days as stored, for one brand: "day|currency" -> the row's figures. */
async function stored(brandId: string) {
  const rows = rowsOf<Record<string, unknown>>(await db().execute(sql`select to_char(day, 'YYYY-MM-DD') as day, currency, posts, ${sql.raw(METRICS.flatMap((m) => [m, `${m}_n`]).join(', '))} from program_days where brand_id = ${brandId}`))
  return new Map(rows.map((r) => [`${r.day}|${String(r.currency).trim()}`, { posts: num(r.posts), ...Object.fromEntries(METRICS.flatMap((m) => [[m, num(r[m])], [`${m}_n`, num(r[`${m}_n`])]])) }]))
}

/** The same figures from scratch: every post of the brand whose offer is committed, by UTC publishing day and the offer's currency. */
async function recomputed(brandId: string) {
  const rows = rowsOf<Record<string, unknown>>(
    await db().execute(sql`select p.posted_at, o.status, o.currency, ${sql.raw(METRICS.map((m) => `pl.${m}`).join(', '))}
      from posts p join deliverables d on d.id = p.deliverable_id join offers o on o.id = d.offer_id
      left join post_metrics_latest pl on pl.post_id = p.id
      where p.brand_id = ${brandId}`),
  )
  const out = new Map<string, Record<string, number | null>>()
  for (const r of rows) {
    if (!(COMMITTED_OFFER_STATUSES as readonly string[]).includes(String(r.status))) continue
    const day = new Date(r.posted_at as string).toISOString().slice(0, 10)
    const key = `${day}|${String(r.currency).trim()}`
    const acc = out.get(key) ?? { posts: 0, ...Object.fromEntries(METRICS.flatMap((m) => [[m, null], [`${m}_n`, 0]])) }
    acc.posts! += 1
    for (const m of METRICS) {
      const v = num(r[m])
      if (v === null) continue
      acc[m] = (acc[m] ?? 0) + v
      acc[`${m}_n`]! += 1
    }
    out.set(key, acc)
  }
  return out
}

async function expectNoDrift(w: World) {
  const [have, want] = await Promise.all([stored(w.brandId), recomputed(w.brandId)])
  expect(Object.fromEntries([...have].sort())).toEqual(Object.fromEntries([...want].sort()))
  expect(Object.fromEntries([...(await stored(w.otherBrandId))])).toEqual(Object.fromEntries([...(await recomputed(w.otherBrandId))]))
}

describe('program_days (brand home program numbers)', () => {
  it('counts a committed offer’s posts on their UTC day, with the latest readings, and follows moves across midnight', async () => {
    const w = await world()
    // post at 23:00 UTC on 1 March, read twice (the latest reading counts), then moved to 2 March 01:00
    await apply(db(), w, { t: 'post', offer: 0, hour: 23 })
    const [postId] = w.posts
    await insertSnapshot(postId!, w.brandId, new Date(DAY0 + 30 * HOUR), { views: 100, likes: 10 })
    await insertSnapshot(postId!, w.brandId, new Date(DAY0 + 40 * HOUR), { views: 250, likes: 20 })
    let have = await stored(w.brandId)
    expect(have.get('2026-03-01|USD')).toMatchObject({ posts: 1, views: 250, views_n: 1, likes: 20, likes_n: 1, reach: null, reach_n: 0 })
    await apply(db(), w, { t: 'postMove', post: 0, hour: 25 })
    have = await stored(w.brandId)
    expect(have.has('2026-03-01|USD')).toBe(false)
    expect(have.get('2026-03-02|USD')).toMatchObject({ posts: 1, views: 250 })
    // the offer is cancelled: its posts leave the program numbers; the deliverable moves to the EUR offer: they come back in EUR
    await apply(db(), w, { t: 'offerStatus', offer: 0, status: 'cancelled' })
    expect((await stored(w.brandId)).size).toBe(0)
    await apply(db(), w, { t: 'deliverableMove', deliverable: 3, offer: 2 })
    expect((await stored(w.brandId)).get('2026-03-02|EUR')).toMatchObject({ posts: 1, views: 250 })
    await expectNoDrift(w)
  })

  it('never drifts from the figures recomputed from scratch, after any sequence of changes', async () => {
    await noDriftAfterAnySequence({ anyOp, world, apply, expectNoDrift, numRuns: 25 })
  }, 120_000)
})
