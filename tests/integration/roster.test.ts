import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { queryCounter } from '#db/query-count.ts'
import { db } from '#app/db.server.ts'
import * as profileRoute from '#app/routes/b+/$brand+/roster_.$creator.tsx'
import * as rosterRoute from '#app/routes/b+/$brand+/roster.tsx'
import * as creatorProfileRoute from '#app/routes/c+/$creator+/profile.tsx'
import { getFeeGuidance } from '#app/services/roster/get-fee-guidance.server.ts'
import { getRosterProfile } from '#app/services/roster/get-roster-profile.server.ts'
import { importRosterCsv } from '#app/services/roster/import-roster-csv.server.ts'
import { listRoster } from '#app/services/roster/list-roster.server.ts'
import { addCreatorNote } from '#app/services/roster/add-creator-note.server.ts'
import { addMember, call, cookieFor, createBrand, createCreator, makeRequest, uid } from '#tests/factories.ts'
import { brandActor } from '#tests/factories-money.ts'
import { createCampaign, createCollaboration, insertPost, insertSnapshot } from '#tests/factories-posts.ts'

const DAY = 86_400_000
const NOW = new Date()
const ago = (days: number) => new Date(NOW.getTime() - days * DAY)

async function account(creatorId: string, platform: string, followers: number, history: [number, number][] = []) {
  const [a] = await db()
    .insert(schema.socialAccounts)
    .values({ creatorId, platform, handle: `h${uid()}`.toLowerCase(), followers, followersAt: NOW })
    .returning()
  for (const [daysAgo, count] of history) {
    await db().insert(schema.followerSnapshots).values({ socialAccountId: a!.id, followers: count, capturedAt: ago(daysAgo) })
  }
  return a!
}

async function growthOf(accountId: string) {
  const [a] = await db().select({ g: schema.socialAccounts.growth90dBp }).from(schema.socialAccounts).where(eq(schema.socialAccounts.id, accountId))
  return a!.g
}

describe('rising creators', () => {
  it('computes 90-day growth from the snapshots and lists only rising micro creators on TikTok', async () => {
    const brand = await createBrand()
    // Riser: 10,000 exactly 90 days ago (the window's first point; 8,000 at 120 days is outside it) -> 13,000 now: +30%.
    const riser = await createCreator({ brandIds: [brand.id], name: 'Rita Riser' })
    const r = await account(riser.creator.id, 'tiktok', 13_000, [
      [120, 8_000],
      [90, 10_000],
      [45, 11_000],
      [0, 13_000],
    ])
    // Mid-tier, +5.26%: 190,000 -> 200,000 (needs +15%).
    const steady = await createCreator({ brandIds: [brand.id], name: 'Sam Steady' })
    const s = await account(steady.creator.id, 'tiktok', 200_000, [
      [60, 190_000],
      [0, 200_000],
    ])
    // Micro and +25%, but on Instagram.
    const gram = await createCreator({ brandIds: [brand.id], name: 'Gina Gram' })
    const g = await account(gram.creator.id, 'instagram', 25_000, [
      [80, 20_000],
      [1, 25_000],
    ])
    // Micro on TikTok but +10% only: 20,000 -> 22,000.
    const slow = await createCreator({ brandIds: [brand.id], name: 'Sol Slow' })
    await account(slow.creator.id, 'tiktok', 22_000, [
      [30, 20_000],
      [0, 22_000],
    ])
    // One snapshot only: no growth figure.
    const single = await createCreator({ brandIds: [brand.id], name: 'Una Single' })
    const u = await account(single.creator.id, 'tiktok', 15_000, [[0, 15_000]])

    expect(await growthOf(r.id)).toBe(3000)
    expect(await growthOf(s.id)).toBe(526) // 10,000 / 190,000 = 5.263%
    expect(await growthOf(g.id)).toBe(2500)
    expect(await growthOf(u.id)).toBeNull()

    const page = await listRoster(brand, { rising: true, platform: 'tiktok', tier: 'micro' })
    expect(page.rows.map((x) => x.name)).toEqual(['Rita Riser'])
    expect(page.total).toBe(1)
    expect(page.rows[0]!.accounts[0]).toMatchObject({ platform: 'tiktok', tier: 'micro', growth90dBp: 3000, rising: true })
    // Any platform: Gina (micro +25%) rises too; Sam (mid +5%) does not.
    const all = await listRoster(brand, { rising: true })
    expect(all.rows.map((x) => x.name).sort()).toEqual(['Gina Gram', 'Rita Riser'])
  })
})

describe('fee guidance', () => {
  it('gives the brand’s medians for the same platform, format and tier, this creator’s past fees, and warns far outside', async () => {
    const brand = await createBrand()
    const campaign = await createCampaign(brand.id)
    const make = async (name: string, followers: number) => {
      const c = await createCreator({ brandIds: [brand.id], name })
      await account(c.creator.id, 'tiktok', followers)
      return c.creator
    }
    const tiktok = { platform: 'tiktok', format: 'tiktok_video' }
    // C1 micro: $1,000 for one video; 50,000 impressions, 1,000 engagements -> CPM $20.00, CPE $1.00.
    const c1 = await make('C1', 20_000)
    const k1 = await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: c1.id, feeMinor: 100_000, ...tiktok })
    const p1 = await insertPost({ brandId: brand.id, creatorId: c1.id, deliverableId: k1.deliverable.id, platform: 'tiktok', url: `https://www.tiktok.com/@c1/video/${uid()}` })
    await insertSnapshot(p1.id, brand.id, ago(10), { impressions: 20_000, likes: 100, comments: 0, shares: 0, saves: 0 }) // older: ignored
    await insertSnapshot(p1.id, brand.id, ago(2), { impressions: 50_000, likes: 900, comments: 100, shares: 0, saves: 0 })
    // C2 micro: $3,000 for two videos ($1,500 each); 150,000 impressions, 2,000 engagements -> CPM $20.00, CPE $1.50.
    const c2 = await make('C2', 50_000)
    const k2 = await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: c2.id, feeMinor: 300_000, ...tiktok })
    const [d2b] = await db()
      .insert(schema.deliverables)
      .values({ offerId: k2.offer.id, brandId: brand.id, campaignId: campaign.id, creatorId: c2.id, platform: 'tiktok', format: 'tiktok_video', position: 2, status: 'approved' })
      .returning()
    const p2a = await insertPost({ brandId: brand.id, creatorId: c2.id, deliverableId: k2.deliverable.id, platform: 'tiktok', url: `https://www.tiktok.com/@c2/video/${uid()}` })
    const p2b = await insertPost({ brandId: brand.id, creatorId: c2.id, deliverableId: d2b!.id, platform: 'tiktok', url: `https://www.tiktok.com/@c2/video/${uid()}` })
    await insertSnapshot(p2a.id, brand.id, ago(2), { impressions: 100_000, likes: 1_500, comments: 0, shares: 0, saves: 0 })
    await insertSnapshot(p2b.id, brand.id, ago(2), { impressions: 50_000, likes: 500, comments: 0, shares: 0, saves: 0 })
    // C3 micro: $2,000, no results yet (counts for the fee median only).
    const c3 = await make('C3', 30_000)
    await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: c3.id, feeMinor: 200_000, ...tiktok })
    // Not comparable: a mid-tier creator, a mixed offer, a declined offer, another brand's offer.
    const c4 = await make('C4 mid', 300_000)
    await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: c4.id, feeMinor: 900_000, ...tiktok })
    const c5 = await make('C5 mixed', 40_000)
    const k5 = await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: c5.id, feeMinor: 500_000, ...tiktok })
    await db().insert(schema.deliverables).values({ offerId: k5.offer.id, brandId: brand.id, campaignId: campaign.id, creatorId: c5.id, platform: 'instagram', format: 'reel', position: 2 })
    const c6 = await make('C6 declined', 40_000)
    const k6 = await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: c6.id, feeMinor: 999_900, ...tiktok })
    await db().update(schema.offers).set({ status: 'declined' }).where(eq(schema.offers.id, k6.offer.id))
    const other = await createBrand()
    const otherCampaign = await createCampaign(other.id)
    const c7 = await createCreator({ brandIds: [other.id], name: 'C7 elsewhere' })
    await account(c7.creator.id, 'tiktok', 20_000)
    await createCollaboration({ brandId: other.id, campaignId: otherCampaign.id, creatorId: c7.creator.id, feeMinor: 5_000_000, ...tiktok })

    // The creator being offered: micro on TikTok, one past fee with this brand (an Instagram reel, $800).
    const target = await make('Target', 15_000)
    await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: target.id, feeMinor: 80_000, platform: 'instagram', format: 'reel' })

    const g = await getFeeGuidance(brand, { ...tiktok, creatorId: target.id, proposedFeeMinor: 400_000, quantity: 1 })
    expect(g.tier).toBe('micro')
    expect(g.comparables).toBe(3) // $1,000, $1,500, $2,000 per deliverable
    expect(g.medianFeePerDeliverableMinor).toBe(150_000)
    expect(g.measured).toBe(2)
    expect(g.medianCpmMinor).toBe(2_000) // $20.00 and $20.00
    expect(g.medianCpeMinor).toBe(125) // ($1.00 + $1.50) / 2
    expect(g.creatorPastFees).toEqual([expect.objectContaining({ feeMinor: 80_000, deliverables: 1, sameFormat: false, label: 'instagram:reel' })])
    expect(g.verdict).toBe('far_above') // $4,000 > 2 × $1,500
    expect((await getFeeGuidance(brand, { ...tiktok, creatorId: target.id, proposedFeeMinor: 300_000, quantity: 2 })).verdict).toBe('within') // $1,500 each
    expect((await getFeeGuidance(brand, { ...tiktok, creatorId: target.id, proposedFeeMinor: 70_000, quantity: 1 })).verdict).toBe('far_below')
    // Without a creator every tier counts: C4's $9,000 joins -> median of 1,000 / 1,500 / 2,000 / 9,000 = $1,750.
    const anyTier = await getFeeGuidance(brand, { ...tiktok, creatorId: null, proposedFeeMinor: null, quantity: 1 })
    expect(anyTier.comparables).toBe(4)
    expect(anyTier.medianFeePerDeliverableMinor).toBe(175_000)
    expect(anyTier.verdict).toBe('no_history')
  })
})

describe('roster CSV import', () => {
  it('previews, then adds each person once (by email and by platform + handle), and a second import adds nothing', async () => {
    const brand = await createBrand()
    const manager = await addMember(brand.id, 'manager')
    const actor = brandActor(brand, manager)
    const known = await createCreator({ name: 'Known Person' }) // in Greenroom, not on this roster
    const handleOwner = await createCreator({ name: 'Handle Owner' })
    const h = `known${uid()}`.toLowerCase()
    await db().insert(schema.socialAccounts).values({ creatorId: handleOwner.creator.id, platform: 'tiktok', handle: h, followers: 9_000 })
    const onRoster = await createCreator({ brandIds: [brand.id], name: 'Already Here' })
    await db().update(schema.rosterEntries).set({ tags: ['running'] }).where(eq(schema.rosterEntries.creatorId, onRoster.creator.id))
    const newEmail = `new-${uid()}@example.test`.toLowerCase()
    const newHandle = `newbie${uid()}`.toLowerCase()
    const csv = [
      'Name,Email,Platform,Handle,Followers,Tags',
      `New Person,${newEmail},tiktok,@${newHandle},"12,000","running;Trail"`,
      `New Person,${newEmail.toUpperCase()},instagram,${newHandle}.ig,5000,beauty`,
      `Known,${known.creator.email},,,,`,
      `Someone,other-${uid()}@example.test,tiktok,${h},100,`,
      `Already Here,${onRoster.creator.email},,,,vip`,
      `Bad Email,not-an-email,tiktok,x1,10,`,
      `Clash,${known.creator.email},tiktok,${h},10,`,
      `No Platform,np-${uid()}@example.test,,lonely,10,`,
    ].join('\n')

    const preview = await importRosterCsv(actor, csv, { dryRun: true })
    expect(preview.errors.map((e) => e.line)).toEqual([7, 8, 9])
    expect(preview.errors[0]!.reason).toContain('email')
    expect(preview.errors[1]!.reason).toContain('belongs to another creator')
    expect(preview.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, 'new'],
      [3, 'same_creator'],
      // People Greenroom knows read exactly like new ones: the brand does not learn who has a profile.
      [4, 'new'],
      [5, 'new'],
      [6, 'on_roster'],
    ])
    expect(preview.rows[1]!.note).toContain('line 2')
    expect(preview.rows[2]!.note).toBe(preview.rows[0]!.note.replace(/ Tracks .*$/, ''))
    expect(preview.rows[3]!.note).toContain(`Tracks @${h}`)
    // The handle owner's own account is theirs: the brand's reading of it becomes the brand's own row.
    expect(preview).toMatchObject({ creatorsAdded: 3, addedToRoster: 3, accountsAdded: 3 })
    // The preview stores nothing.
    expect(await db().select().from(schema.creators).where(eq(schema.creators.email, newEmail))).toHaveLength(0)

    const done = await importRosterCsv(actor, csv)
    expect(done).toMatchObject({ creatorsAdded: 3, addedToRoster: 3, accountsAdded: 3 })
    const ownerAccounts = await db().select().from(schema.socialAccounts).where(eq(schema.socialAccounts.creatorId, handleOwner.creator.id))
    expect(ownerAccounts.map((a) => [a.brandId, a.followers]).sort()).toEqual([[brand.id, 100], [null, 9_000]].sort())
    const [person] = await db().select().from(schema.creators).where(eq(schema.creators.email, newEmail))
    expect(person!.name).toBe('New Person')
    const accounts = await db().select().from(schema.socialAccounts).where(eq(schema.socialAccounts.creatorId, person!.id))
    expect(accounts.map((a) => `${a.platform}:${a.handle}:${a.followers}`).sort()).toEqual([`instagram:${newHandle}.ig:5000`, `tiktok:${newHandle}:12000`])
    const entries = await db().select().from(schema.rosterEntries).where(eq(schema.rosterEntries.brandId, brand.id))
    expect(entries).toHaveLength(4) // already-here + new + known + handle owner
    const byCreator = new Map(entries.map((e) => [e.creatorId, e]))
    expect(byCreator.get(person!.id)!.tags.sort()).toEqual(['beauty', 'running', 'trail'])
    expect(byCreator.get(person!.id)!.status).toBe('prospect')
    expect(byCreator.get(handleOwner.creator.id)).toBeTruthy()
    expect(byCreator.get(onRoster.creator.id)!.tags.sort()).toEqual(['running', 'vip'])
    // The known person's own name is theirs: not overwritten by the brand's spreadsheet.
    const [k] = await db().select().from(schema.creators).where(eq(schema.creators.id, known.creator.id))
    expect(k!.name).toBe('Known Person')
    const audits = await db().select().from(schema.auditEvents).where(and(eq(schema.auditEvents.brandId, brand.id), eq(schema.auditEvents.action, 'roster.creator_imported')))
    expect(audits).toHaveLength(3)

    const again = await importRosterCsv(actor, csv)
    expect(again).toMatchObject({ creatorsAdded: 0, addedToRoster: 0, accountsAdded: 0 })
    expect(await db().select().from(schema.rosterEntries).where(eq(schema.rosterEntries.brandId, brand.id))).toHaveLength(4)
  })

  it('refuses a file without the required columns with a message for the file field', async () => {
    const brand = await createBrand()
    const manager = await addMember(brand.id, 'manager')
    await expect(importRosterCsv(brandActor(brand, manager), 'handle,followers\nx,1\n')).rejects.toMatchObject({ status: 400, fieldErrors: { file: [expect.stringContaining('name')] } })
  })
})

describe('keyset pagination', () => {
  it('visits every creator exactly once across page boundaries, with ties in the sort value, both ways', async () => {
    const brand = await createBrand()
    const followers = [500, 500, 500, 300, 300, 100, 0, 500]
    const ids: { id: string; followers: number; name: string }[] = []
    for (const [i, f] of followers.entries()) {
      // Two creators share a name, too.
      const c = await createCreator({ brandIds: [brand.id], name: i === 3 || i === 4 ? 'Same Name' : `Creator ${String.fromCharCode(65 + i)}` })
      if (f > 0) await account(c.creator.id, 'instagram', f)
      ids.push({ id: c.creator.id, followers: f, name: c.creator.name })
    }
    const walk = async (sort: 'followers' | 'name', dir: 'asc' | 'desc') => {
      const seen: string[][] = []
      let cursor: string | null = null
      let last
      do {
        last = await listRoster(brand, { sort, dir, cursor, pageSize: 3 })
        seen.push(last.rows.map((r) => r.creatorId))
        cursor = last.nextCursor
      } while (cursor)
      // ...and back from the last page with the previous-page cursors.
      const back: string[][] = [last.rows.map((r) => r.creatorId)]
      let prev = last.prevCursor
      while (prev) {
        const p = await listRoster(brand, { sort, dir, cursor: prev, pageSize: 3 })
        back.unshift(p.rows.map((r) => r.creatorId))
        prev = p.prevCursor
      }
      return { seen, back }
    }
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
    const byFollowersDesc = [...ids].sort((a, b) => b.followers - a.followers || cmp(b.id, a.id)).map((x) => x.id)
    const f = await walk('followers', 'desc')
    expect(f.seen.flat()).toEqual(byFollowersDesc)
    expect(f.seen.map((p) => p.length)).toEqual([3, 3, 2])
    expect(f.back).toEqual(f.seen)

    const byNameAsc = [...ids].sort((a, b) => a.name.localeCompare(b.name, 'en') || cmp(a.id, b.id)).map((x) => x.id)
    const n = await walk('name', 'asc')
    expect(n.seen.flat()).toEqual(byNameAsc)
    expect(n.back).toEqual(n.seen)
    // A tampered cursor starts again at page 1 rather than failing.
    expect((await listRoster(brand, { sort: 'name', cursor: 'garbage', pageSize: 3 })).rows.map((r) => r.creatorId)).toEqual(byNameAsc.slice(0, 3))
  })
  it('runs the same number of statements whatever the roster size (no query per row)', async () => {
    const brand = await createBrand()
    const campaign = await createCampaign(brand.id)
    const count = async () => {
      const store = { queries: 0 }
      const page = await queryCounter.run(store, () => listRoster(brand, { sort: 'total_paid' }))
      return { queries: store.queries, rows: page.rows.length }
    }
    for (let i = 0; i < 2; i++) {
      const c = (await createCreator({ brandIds: [brand.id] })).creator
      await account(c.id, 'tiktok', 1_000 * (i + 1))
    }
    const small = await count()
    for (let i = 0; i < 23; i++) {
      const c = (await createCreator({ brandIds: [brand.id] })).creator
      await account(c.id, 'instagram', 5_000 + i)
      const k = await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: c.id, deliverableStatus: 'verified' })
      const p = await insertPost({ brandId: brand.id, creatorId: c.id, deliverableId: k.deliverable.id })
      await insertSnapshot(p.id, brand.id, ago(1), { impressions: 1000, likes: 10 })
    }
    const large = await count()
    expect(small.rows).toBe(2)
    expect(large.rows).toBe(20)
    expect(large.queries).toBe(small.queries)
    expect(large.queries).toBeLessThanOrEqual(6)
  })
})

describe('roster stats', () => {
  it('keeps total paid and on-time rate current in the same transaction as the change', async () => {
    const brand = await createBrand()
    const campaign = await createCampaign(brand.id)
    const { creator } = await createCreator({ brandIds: [brand.id] })
    const k = await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: creator.id, draftDueOn: '2026-03-01', postWindowEnd: '2026-03-15' })
    await db().update(schema.draftVersions).set({ submittedAt: new Date('2026-03-01T23:00:00Z') }).where(eq(schema.draftVersions.id, k.draft!.id)) // on the due day: on time
    // A second deliverable whose draft came a day late.
    const [late] = await db()
      .insert(schema.deliverables)
      .values({ offerId: k.offer.id, brandId: brand.id, campaignId: campaign.id, creatorId: creator.id, platform: 'instagram', format: 'reel', position: 2, draftDueOn: '2026-03-01' })
      .returning()
    await db().insert(schema.draftVersions).values({ deliverableId: late!.id, brandId: brand.id, version: 1, submittedAt: new Date('2026-03-02T09:00:00Z') })
    await insertPost({ brandId: brand.id, creatorId: creator.id, deliverableId: k.deliverable.id, postedAt: new Date('2026-03-10T12:00:00Z') }) // in the window
    await db().insert(schema.invoices).values({
      brandId: brand.id,
      offerId: k.offer.id,
      creatorId: creator.id,
      payeeKey: `creator:${creator.id}`,
      number: 'INV-1',
      normalizedNumber: 'INV1',
      issueDate: '2026-03-20',
      currency: 'USD',
      subtotalMinor: 60_000,
      totalMinor: 60_000,
      status: 'approved',
      idempotencyKey: uid(),
    })
    const entry = async () => (await db().select().from(schema.rosterEntries).where(and(eq(schema.rosterEntries.brandId, brand.id), eq(schema.rosterEntries.creatorId, creator.id))))[0]!
    expect((await entry()).totalPaidMinor).toBe(0) // approved is not paid
    await db().update(schema.invoices).set({ status: 'paid', paidAt: new Date() }).where(eq(schema.invoices.offerId, k.offer.id))
    const e = await entry()
    expect(e.totalPaidMinor).toBe(60_000)
    expect(e.onTimeRateBp).toBe(6666) // 2 of 3: draft 1 on time, draft 2 late, post on time
    expect(e.lastCollaborationAt).not.toBeNull()
  })
})

describe('brand isolation', () => {
  it('another brand sees none of the notes or rates, and a creator off its roster is a 404', async () => {
    const a = await createBrand()
    const b = await createBrand()
    const managerA = await addMember(a.id, 'manager')
    const managerB = await addMember(b.id, 'manager')
    const { creator } = await createCreator({ brandIds: [a.id, b.id], name: 'Shared Creator' })
    const campaign = await createCampaign(a.id)
    await createCollaboration({ brandId: a.id, campaignId: campaign.id, creatorId: creator.id, feeMinor: 123_400 })
    await addCreatorNote(brandActor(a, managerA), creator.id, 'Great on camera; asks for usage fees up front.')
    const onlyA = await createCreator({ brandIds: [a.id] })

    const fromA = await getRosterProfile(a, creator.id)
    expect(fromA.notes.map((n) => n.body)).toEqual(['Great on camera; asks for usage fees up front.'])
    expect(fromA.rates.map((r) => r.feeMinor)).toEqual([123_400])
    const fromB = await getRosterProfile(b, creator.id)
    expect(fromB.notes).toEqual([])
    expect(fromB.rates).toEqual([])
    expect(fromB.collaborations).toEqual([])

    const cookieB = await cookieFor(managerB)
    const page = await call(() => profileRoute.loader({ request: makeRequest(`/b/${b.slug}/roster/${creator.id}`, { cookie: cookieB }), params: { brand: b.slug, creator: creator.id }, context: {} } as never))
    expect(page.status).toBe(200)
    expect(JSON.stringify(page.data)).not.toContain('Great on camera')
    expect(JSON.stringify(page.data)).not.toContain('123400')
    // B cannot see a creator only on A's roster, nor add a note to them.
    const hidden = await call(() => profileRoute.loader({ request: makeRequest(`/b/${b.slug}/roster/${onlyA.creator.id}`, { cookie: cookieB }), params: { brand: b.slug, creator: onlyA.creator.id }, context: {} } as never))
    expect(hidden.status).toBe(404)
    const note = await call(() =>
      profileRoute.action({
        request: makeRequest(`/b/${b.slug}/roster/${onlyA.creator.id}`, { cookie: cookieB, form: { intent: 'add-note', body: 'sneaky' } }),
        params: { brand: b.slug, creator: onlyA.creator.id },
        context: {},
      } as never),
    )
    expect(note.status).toBe(404)
    // B's roster list holds no trace of A's rates either.
    const list = await call(() => rosterRoute.loader({ request: makeRequest(`/b/${b.slug}/roster`, { cookie: cookieB }), params: { brand: b.slug }, context: {} } as never))
    expect(JSON.stringify(list.data)).not.toContain('Great on camera')
    expect(JSON.stringify(list.data)).not.toContain(onlyA.creator.id)
  })

  it('a note with no text is a 400 next to the field', async () => {
    const a = await createBrand()
    const m = await addMember(a.id, 'manager')
    const { creator } = await createCreator({ brandIds: [a.id] })
    const cookie = await cookieFor(m)
    const r = await call(() =>
      profileRoute.action({ request: makeRequest(`/b/${a.slug}/roster/${creator.id}`, { cookie, form: { intent: 'add-note', body: '   ' } }), params: { brand: a.slug, creator: creator.id }, context: {} } as never),
    )
    expect(r.status).toBe(400)
    expect((r.data as { fieldErrors: Record<string, string[]> }).fieldErrors.body).toEqual(['Write the note.'])
  })
})

describe('creator self-service', () => {
  it('updates contact details and follower counts that brands working with the creator see, recording a snapshot; a brand without a relationship sees neither', async () => {
    const a = await createBrand()
    const b = await createBrand()
    const { creator, user } = await createCreator({ brandIds: [a.id] })
    // b only added the creator to its roster: no accepted invitation, no offer.
    await db().insert(schema.rosterEntries).values({ brandId: b.id, creatorId: creator.id, status: 'prospect' })
    const cookie = await cookieFor(user)
    const post = (form: Record<string, string>) =>
      call(() => creatorProfileRoute.action({ request: makeRequest(`/c/${creator.id}/profile`, { cookie, form }), params: { creator: creator.id }, context: {} } as never))
    const saved = await post({ intent: 'save-contact', name: 'New Name', email: `me-${uid()}@example.test`, phone: '+1 555 010 1234', line1: '1 Main St', line2: '', city: 'Portland', region: 'OR', postalCode: '97201', country: 'us' })
    expect(saved.status).toBe(302)
    const bad = await post({ intent: 'save-contact', name: 'X', email: 'nope', phone: 'abc', line1: '', line2: '', city: '', region: '', postalCode: '', country: 'USA' })
    expect(bad.status).toBe(400)
    expect(Object.keys((bad.data as { fieldErrors: object }).fieldErrors).sort()).toEqual(['country', 'email', 'phone'])
    const handle = `me${uid()}`.toLowerCase()
    expect((await post({ intent: 'save-account', platform: 'tiktok', handle: `@${handle}`, followers: '12,500' })).status).toBe(302)
    expect((await post({ intent: 'save-account', platform: 'tiktok', handle, followers: '14000' })).status).toBe(302)

    const pa = await getRosterProfile(a, creator.id)
    expect(pa.access).toBe('relationship')
    expect(pa.creator.name).toBe('New Name')
    expect(pa.creator.contact).toMatchObject({ phone: '+1 555 010 1234', country: 'US' })
    expect(pa.creator.contact!.shippingAddress).toEqual({ line1: '1 Main St', city: 'Portland', region: 'OR', postalCode: '97201', country: 'US' })
    expect(pa.accounts.map((x) => [x.handle, x.enteredBy, x.followers, x.history.map((h) => h.followers)])).toEqual([[handle, 'creator', 14_000, [12_500, 14_000]]])
    const pb = await getRosterProfile(b, creator.id)
    expect(pb.access).toBe('public')
    expect(pb.creator.name).toBe('New Name')
    expect(pb.creator.contact).toBeNull()
    expect(JSON.stringify(pb)).not.toContain('555 010')
    expect(JSON.stringify(pb)).not.toContain('Portland')
    // The handle is public to brands; the counts are not.
    expect(pb.accounts.map((x) => [x.handle, x.enteredBy, x.followers, x.history.length])).toEqual([[handle, 'creator', null, 0]])
    const entries = await db().select().from(schema.rosterEntries).where(eq(schema.rosterEntries.creatorId, creator.id))
    expect(Object.fromEntries(entries.map((e) => [e.brandId, e.topFollowers]))).toEqual({ [a.id]: 14_000, [b.id]: 0 })
  })
})
