/**
 * The rights_counts rows (migration 0044: per brand, how many licences are dated and how many perpetual, kept by
 * statement triggers on rights_items) never drift from a count from scratch: after a random sequence of
 * changes — licences added dated or perpetual, in several zones, starting in the past or the future; end days
 * moved (an extension), cleared (perpetual) and set again; licences deleted one by one and by offer; bulk
 * statements over the brand; changes in a transaction that rolls back — the table equals the rows counted here
 * in TypeScript. And the ledger's counts per status, which read those rows for the expired and perpetual
 * history, equal the domain's rightsStatus applied to every licence. Another brand's licences never count.
 * Property-based (fast-check); PGlite and, with DATABASE_URL, PostgreSQL.
 */
import { eq, sql } from 'drizzle-orm'
import fc from 'fast-check'
import type postgres from 'postgres'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { addDays, RIGHTS_LEDGER_ORDER, rightsStatus } from '#app/domain/rights.ts'
import { listRightsPage } from '#app/services/contracts/list-rights.server.ts'
import { rowsOf } from '#app/services/brands/get-at-risk.server.ts'
import { createBrand, createCreator, uid } from '#tests/factories.ts'
import { createCampaign, createCollaboration } from '#tests/factories-posts.ts'
import { noDriftAfterAnySequence, pick, rolledBack, twoTransactionsAtOnce, type Q } from '#tests/drift.ts'

const NOW = new Date('2026-06-15T12:00:00Z')
const TODAY = '2026-06-15'
const idx = fc.nat({ max: 1000 })
// Days from today: history, the last days, the 30-day window's edge, the future.
const offset = fc.constantFrom(-900, -200, -31, -1, 0, 1, 28, 29, 30, 200)
const zone = fc.constantFrom('UTC', 'Pacific/Kiritimati', 'Etc/GMT+12', 'Europe/Paris')
const endDay = fc.option(offset, { nil: null }) // null: perpetual

type Op =
  | { t: 'add'; offer: number; start: number; end: number | null; zone: string; other: boolean }
  | { t: 'end'; item: number; end: number | null }
  | { t: 'delete'; item: number }
  | { t: 'deleteOffer'; offer: number }
  | { t: 'bulkExtend'; days: number }
  | { t: 'bulkPerpetual' }
  | { t: 'rollback'; ops: Op[] }

const simpleOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('add' as const), offer: idx, start: offset, end: endDay, zone, other: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('end' as const), item: idx, end: endDay }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('delete' as const), item: idx }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('deleteOffer' as const), offer: idx }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('bulkExtend' as const), days: fc.integer({ min: 1, max: 90 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('bulkPerpetual' as const) }) },
)
const anyOp: fc.Arbitrary<Op> = fc.oneof({ weight: 12, arbitrary: simpleOp }, { weight: 1, arbitrary: fc.record({ t: fc.constant('rollback' as const), ops: fc.array(simpleOp, { minLength: 1, maxLength: 4 }) }) })

interface Side {
  brandId: string
  campaignId: string
  creatorId: string
  offers: string[]
}
interface World {
  mine: Side
  other: Side
  items: string[]
}

async function side(): Promise<Side> {
  const brand = await createBrand()
  const { creator } = await createCreator({ brandIds: [brand.id] })
  const campaign = await createCampaign(brand.id)
  const offers: string[] = []
  for (let i = 0; i < 3; i++) offers.push((await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: creator.id })).offer.id)
  return { brandId: brand.id, campaignId: campaign.id, creatorId: creator.id, offers }
}

async function world(): Promise<World> {
  return { mine: await side(), other: await side(), items: [] }
}

/** A licence on a deliverable of its own (one licence per deliverable). */
async function addLicence(q: Q, s: Side, offerId: string, o: { start: number; end: number | null; zone: string }) {
  const [d] = await q
    .insert(schema.deliverables)
    .values({ offerId, brandId: s.brandId, campaignId: s.campaignId, creatorId: s.creatorId, platform: 'instagram', format: 'reel', status: 'verified' })
    .returning({ id: schema.deliverables.id })
  const startsOn = addDays(TODAY, o.start)
  // an end day never before the start (the app's licences last at least a day)
  const endsOn = o.end === null ? null : addDays(TODAY, Math.max(o.end, o.start))
  const [r] = await q
    .insert(schema.rightsItems)
    .values({ brandId: s.brandId, creatorId: s.creatorId, offerId, deliverableId: d!.id, contractId: uid(), organic: true, paidAds: false, channels: ['instagram'], territory: null, startsOn, endsOn, perpetual: endsOn === null, timeZone: o.zone })
    .returning({ id: schema.rightsItems.id })
  return r!.id
}

async function apply(q: Q, w: World, op: Op): Promise<void> {
  switch (op.t) {
    case 'add': {
      const s = op.other ? w.other : w.mine
      const id = await addLicence(q, s, pick(s.offers, op.offer)!, op)
      if (!op.other) w.items.push(id)
      return
    }
    case 'end': {
      const id = pick(w.items, op.item)
      if (!id) return
      const [row] = await q.select().from(schema.rightsItems).where(eq(schema.rightsItems.id, id))
      if (!row) return
      const endsOn = op.end === null ? null : [addDays(TODAY, op.end), row.startsOn].sort()[1]!
      await q.update(schema.rightsItems).set({ endsOn, perpetual: endsOn === null }).where(eq(schema.rightsItems.id, id))
      return
    }
    case 'delete': {
      const id = pick(w.items, op.item)
      if (!id) return
      await q.delete(schema.rightsItems).where(eq(schema.rightsItems.id, id))
      w.items = w.items.filter((i) => i !== id)
      return
    }
    case 'deleteOffer': {
      const offerId = pick(w.mine.offers, op.offer)!
      const gone = rowsOf<{ id: string }>(await q.execute(sql`delete from rights_items where offer_id = ${offerId} returning id`)).map((r) => r.id)
      w.items = w.items.filter((i) => !gone.includes(i))
      return
    }
    case 'bulkExtend':
      await q.execute(sql`update rights_items set ends_on = ends_on + ${op.days}::int where brand_id = ${w.mine.brandId} and ends_on is not null`)
      return
    case 'bulkPerpetual':
      await q.execute(sql`update rights_items set ends_on = null, perpetual = true where brand_id = ${w.mine.brandId} and ends_on > ${TODAY}::date`)
      return
    case 'rollback':
      await rolledBack(q, w, async (tx) => {
        for (const inner of op.ops) await apply(tx, w, inner)
      })
      return
  }
}

/** rights_counts as stored for a brand, leaving out rows at 0: "dated" / "perpetual" -> items. */
async function stored(brandId: string) {
  const rows = rowsOf<{ perpetual: boolean; items: number }>(await db().execute(sql`select perpetual, items from rights_counts where brand_id = ${brandId} and items <> 0`))
  return Object.fromEntries(rows.map((r) => [r.perpetual ? 'perpetual' : 'dated', Number(r.items)]))
}

/** The same, counted here from the brand's licences. */
async function recomputed(brandId: string) {
  const out: Record<string, number> = {}
  for (const r of await db().select().from(schema.rightsItems).where(eq(schema.rightsItems.brandId, brandId))) {
    const k = r.endsOn === null ? 'perpetual' : 'dated'
    out[k] = (out[k] ?? 0) + 1
  }
  return out
}

/** The ledger's counts per status by the domain rule, one licence at a time. */
async function countsByRule(brandId: string, now: Date) {
  const out = Object.fromEntries(RIGHTS_LEDGER_ORDER.map((s) => [s, 0]))
  for (const r of await db().select().from(schema.rightsItems).where(eq(schema.rightsItems.brandId, brandId))) out[rightsStatus(r, now).status]!++
  return out
}

async function expectNoDrift(w: World) {
  expect(await stored(w.mine.brandId)).toEqual(await recomputed(w.mine.brandId))
  expect(await stored(w.other.brandId)).toEqual(await recomputed(w.other.brandId))
  // at noon UTC and a minute before midnight UTC (already tomorrow in Kiritimati, still today at UTC-12)
  for (const now of [NOW, new Date('2026-06-15T23:59:00Z')]) {
    const page = await listRightsPage(w.mine.brandId, { size: 5 }, now)
    expect(page.counts).toEqual(await countsByRule(w.mine.brandId, now))
    expect(page.total).toBe(w.items.length)
  }
}

describe('rights_counts (the usage-rights ledger counts)', () => {
  it('counts a licence as dated or perpetual, moves it when its end day is cleared or set, and drops it when deleted', async () => {
    const w = await world()
    await apply(db(), w, { t: 'add', offer: 0, start: -200, end: -31, zone: 'UTC', other: false }) // expired
    await apply(db(), w, { t: 'add', offer: 0, start: -200, end: null, zone: 'UTC', other: false }) // perpetual
    await apply(db(), w, { t: 'add', offer: 1, start: -200, end: 29, zone: 'UTC', other: false }) // ending: 30 days left
    await apply(db(), w, { t: 'add', offer: 1, start: -200, end: -900, zone: 'UTC', other: true }) // another brand's
    expect(await stored(w.mine.brandId)).toEqual({ dated: 2, perpetual: 1 })
    expect((await listRightsPage(w.mine.brandId, {}, NOW)).counts).toEqual({ ending: 1, active: 0, upcoming: 0, perpetual: 1, expired: 1 })
    // the expired one made perpetual, then the ending one deleted
    await apply(db(), w, { t: 'end', item: 0, end: null })
    expect(await stored(w.mine.brandId)).toEqual({ dated: 1, perpetual: 2 })
    await apply(db(), w, { t: 'delete', item: 2 })
    expect(await stored(w.mine.brandId)).toEqual({ perpetual: 2 })
    expect((await listRightsPage(w.mine.brandId, {}, NOW)).counts).toEqual({ ending: 0, active: 0, upcoming: 0, perpetual: 2, expired: 0 })
    await expectNoDrift(w)
  })

  // Two countersignings of one brand at once (PostgreSQL only: PGlite has one connection): both licences count.
  it.skipIf(!process.env.DATABASE_URL)('two transactions adding licences of one brand at once both count', async () => {
    const w = await world()
    await apply(db(), w, { t: 'add', offer: 0, start: -10, end: 100, zone: 'UTC', other: false })
    const [d1, d2] = await db()
      .insert(schema.deliverables)
      .values([0, 1].map(() => ({ offerId: w.mine.offers[1]!, brandId: w.mine.brandId, campaignId: w.mine.campaignId, creatorId: w.mine.creatorId, platform: 'instagram' as const, format: 'reel' as const, status: 'verified' as const })))
      .returning({ id: schema.deliverables.id })
    const insert = (tx: postgres.TransactionSql, deliverableId: string) =>
      tx`insert into rights_items (id, brand_id, creator_id, offer_id, deliverable_id, contract_id, organic, paid_ads, channels, starts_on, ends_on, perpetual, time_zone)
        values (${`ri-${uid()}`}, ${w.mine.brandId}, ${w.mine.creatorId}, ${w.mine.offers[1]!}, ${deliverableId}, ${uid()}, true, false, ${['instagram']}, ${TODAY}, ${addDays(TODAY, 60)}, false, 'UTC')`
    await twoTransactionsAtOnce((tx) => insert(tx, d1!.id), (tx) => insert(tx, d2!.id), 'insert into rights_items')
    expect(await stored(w.mine.brandId)).toEqual({ dated: 3 })
    w.items.push(...rowsOf<{ id: string }>(await db().execute(sql`select id from rights_items where deliverable_id in (${d1!.id}, ${d2!.id})`)).map((r) => r.id))
    await expectNoDrift(w)
  })

  it('never drifts from the rows recomputed from scratch, after any sequence of changes', async () => {
    await noDriftAfterAnySequence({ anyOp, world, apply, expectNoDrift, numRuns: 25 })
  }, 180_000)
})
