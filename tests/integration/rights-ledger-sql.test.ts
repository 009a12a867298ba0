/**
 * The usage-rights ledger pages in SQL (issue #18, app/services/contracts/list-rights.server.ts): its status
 * rule in SQL (rights-sql.server.ts) must say what the domain's rightsStatus says, for every licence, zone
 * and instant, and its pages must list the whole ledger in the order the domain defines. Property-based
 * (fast-check): random licences (any start, a dated end or none, in zones from UTC-12 to UTC+14, with summer
 * time at midnight, half-hour and 45-minute offsets), seen at instants a millisecond either side of
 * midnight in one of those zones. The expected ledger is worked out here, in TypeScript, from rightsStatus:
 * by status in RIGHTS_LEDGER_ORDER, then end day, then id; the counts per status; the extension form on the
 * first licence with an end day of each offer. Next from the first page to the last, and Previous back,
 * must give exactly those pages. Runs on PGlite and, with DATABASE_URL, on PostgreSQL.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { addDays, RIGHTS_LEDGER_ORDER, rightsStatus, startOfDayIn, type RightsStatus } from '#app/domain/rights.ts'
import { listRights, listRightsPage } from '#app/services/contracts/list-rights.server.ts'
import { createCampaign, createCollaboration } from '#tests/factories-posts.ts'
import { createBrand, createCreator, uid } from '#tests/factories.ts'
import { chunks, walkPages } from '#tests/paging.ts'

const ZONES = ['UTC', 'Europe/Paris', 'America/New_York', 'Pacific/Kiritimati', 'Etc/GMT+12', 'Pacific/Pago_Pago', 'America/Santiago', 'America/Havana', 'Asia/Kathmandu', 'Australia/Lord_Howe'] as const

// Days are counted from the run's base day, near which the instants are. Starts and ends cluster where the
// statuses change (today, the last day, 30 days left), the rest are spread over a long history.
const licence = fc.record({
  zone: fc.constantFrom(...ZONES),
  start: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -400, max: 40 })),
  end: fc.oneof(
    { weight: 1, arbitrary: fc.constant(null) }, // perpetual
    { weight: 3, arbitrary: fc.record({ from: fc.constant('base' as const), days: fc.integer({ min: -3, max: 33 }) }) },
    { weight: 2, arbitrary: fc.record({ from: fc.constant('start' as const), days: fc.integer({ min: 0, max: 420 }) }) },
  ),
  offer: fc.nat({ max: 3 }),
})
const instant = fc.record({ zone: fc.constantFrom(...ZONES), day: fc.integer({ min: -2, max: 2 }), delta: fc.constantFrom(-1, 0, 1, 3_600_000, 43_200_000) })
const world = fc.record({
  base: fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  licences: fc.array(licence, { minLength: 0, maxLength: 24 }),
  at: fc.array(instant, { minLength: 1, maxLength: 3 }),
  size: fc.integer({ min: 2, max: 7 }),
})

const rank = (s: RightsStatus) => RIGHTS_LEDGER_ORDER.indexOf(s as (typeof RIGHTS_LEDGER_ORDER)[number])
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

describe('the rights ledger in SQL', () => {
  it('every page, status, days left, count and extension form is what the domain rule gives, in every zone and at every midnight', { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const brand = await createBrand()
        const campaign = await createCampaign(brand.id)
        const { creator } = await createCreator({ brandIds: [brand.id] })
        const offers = await Promise.all([0, 1, 2, 3].map(() => createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: creator.id })))
        const deliverables = w.licences.length
          ? await db()
              .insert(schema.deliverables)
              .values(w.licences.map((l) => ({ offerId: offers[l.offer]!.offer.id, brandId: brand.id, campaignId: campaign.id, creatorId: creator.id, platform: 'instagram' as const, format: 'reel' as const, status: 'verified' as const })))
              .returning()
          : []
        const items = w.licences.length
          ? await db()
              .insert(schema.rightsItems)
              .values(
                w.licences.map((l, i) => {
                  const startsOn = addDays(w.base, l.start)
                  const endsOn = l.end === null ? null : addDays(l.end.from === 'base' ? w.base : startsOn, l.end.days)
                  return { brandId: brand.id, creatorId: creator.id, offerId: offers[l.offer]!.offer.id, deliverableId: deliverables[i]!.id, contractId: uid(), organic: true, paidAds: false, channels: ['instagram'], territory: 'Worldwide', startsOn, endsOn, perpetual: endsOn === null, timeZone: l.zone }
                }),
              )
              .returning()
          : []
        for (const at of w.at) {
          const now = new Date(startOfDayIn(at.zone, addDays(w.base, at.day)).getTime() + at.delta)
          const expected = items
            .map((i) => ({ id: i.id, offerId: i.offerId, endsOn: i.endsOn, ...rightsStatus(i, now) }))
            .sort((a, b) => rank(a.status) - rank(b.status) || cmp(a.endsOn ?? '9999', b.endsOn ?? '9999') || cmp(a.id, b.id))
          const firstOfOffer = new Set<string>()
          const extendHere = new Map(expected.map((e) => [e.id, Boolean(e.endsOn) && !firstOfOffer.has(e.offerId) && Boolean(firstOfOffer.add(e.offerId))]))
          const counts = Object.fromEntries(RIGHTS_LEDGER_ORDER.map((s) => [s, expected.filter((e) => e.status === s).length]))

          const { forward, backward } = await walkPages((cursor) => listRightsPage(brand.id, { cursor, size: w.size }, now).then((p) => ({ ...p, rows: p.items })), (r) => r.id)
          expect(forward).toEqual(expected.length ? chunks(expected.map((e) => e.id), w.size) : [[]])
          expect(backward).toEqual(forward)
          const page = await listRightsPage(brand.id, { size: w.size }, now)
          expect(page.counts).toEqual(counts)
          expect(page.total).toBe(items.length)
          const whole = await listRights(brand.id, now)
          expect(whole.map((r) => ({ id: r.id, status: r.status, daysLeft: r.daysLeft, extendHere: r.extendHere }))).toEqual(
            expected.map((e) => ({ id: e.id, status: e.status, daysLeft: e.daysLeft, extendHere: extendHere.get(e.id) })),
          )
        }
      }),
      { numRuns: 30 },
    )
  })

  it('a worked example: one Kiritimati licence (UTC+14) and one at UTC-12 a day apart, at the same instant', async () => {
    const brand = await createBrand()
    const campaign = await createCampaign(brand.id)
    const { creator } = await createCreator({ brandIds: [brand.id] })
    const insert = async (timeZone: string, startsOn: string, endsOn: string) => {
      const c = await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: creator.id })
      const [r] = await db()
        .insert(schema.rightsItems)
        .values({ brandId: brand.id, creatorId: creator.id, offerId: c.offer.id, deliverableId: c.deliverable.id, contractId: uid(), organic: true, paidAds: false, channels: ['instagram'], territory: 'Worldwide', startsOn, endsOn, timeZone })
        .returning()
      return r!
    }
    // 2026-06-30 11:00 UTC is 1 July 01:00 in Kiritimati and 29 June 23:00 at UTC-12 (Etc/GMT+12).
    const now = new Date('2026-06-30T11:00:00Z')
    const east = await insert('Pacific/Kiritimati', '2026-01-01', '2026-06-30') // its last day was yesterday there: expired
    const west = await insert('Etc/GMT+12', '2026-06-30', '2026-12-31') // starts tomorrow there: not started
    const utc = await insert('UTC', '2026-01-01', '2026-06-30') // its last day, today in UTC: ending, 1 day left
    const day30 = await insert('UTC', '2026-01-01', '2026-07-29') // 30 days left, counting today: still ending
    const day31 = await insert('UTC', '2026-01-01', '2026-07-30') // 31 days left: active
    const ledger = await listRights(brand.id, now)
    expect(ledger.map((r) => [r.id, r.status, r.daysLeft])).toEqual([
      [utc.id, 'ending', 1],
      [day30.id, 'ending', 30],
      [day31.id, 'active', 31],
      [west.id, 'upcoming', 186], // 29 June to 31 December, counting both: 2 (29, 30 June) + 31 + 31 + 30 + 31 + 30 + 31
      [east.id, 'expired', 0],
    ])
    expect((await listRightsPage(brand.id, {}, now)).counts).toEqual({ ending: 2, active: 1, upcoming: 1, perpetual: 0, expired: 1 })
  })

  it('refuses a perpetual licence with an end day, or a dated one without (the CHECK the SQL rule rests on)', async () => {
    const brand = await createBrand()
    const campaign = await createCampaign(brand.id)
    const { creator } = await createCreator({ brandIds: [brand.id] })
    const c = await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: creator.id })
    const row = { brandId: brand.id, creatorId: creator.id, offerId: c.offer.id, deliverableId: c.deliverable.id, contractId: uid(), organic: true, paidAds: false, channels: ['instagram'], territory: null, startsOn: '2026-01-01' }
    await expect(db().insert(schema.rightsItems).values({ ...row, endsOn: '2026-12-31', perpetual: true })).rejects.toThrow()
    await expect(db().insert(schema.rightsItems).values({ ...row, endsOn: null, perpetual: false })).rejects.toThrow()
  })
})
