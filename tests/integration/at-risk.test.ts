import { eq, like } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { getAtRisk, getAtRiskTop } from '#app/services/brands/get-at-risk.server.ts'
import { sendDailyReminders } from '#app/services/reminders/send-daily-reminders.server.ts'
import { addMember, createBrand, createCreator } from '#tests/factories.ts'
import { createCampaign, createCollaboration, insertPost, insertSnapshot } from '#tests/factories-posts.ts'

// "Now" is Wednesday 2026-03-18 10:00 UTC. Two business days before is Monday 2026-03-16 10:00.
const NOW = new Date('2026-03-18T10:00:00Z')

async function world() {
  const brand = await createBrand()
  const manager = await addMember(brand.id, 'manager')
  const campaign = await createCampaign(brand.id, { name: 'Spring' })
  const { creator } = await createCreator({ brandIds: [brand.id], name: `Maya ${brand.id.slice(0, 4)}` })
  const mk = (o: Partial<Parameters<typeof createCollaboration>[0]>) => createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: creator.id, ...o })
  // 1. Draft due in 2 days, not submitted -> at risk. Draft due in 5 days -> not.
  const dueSoon = await mk({ deliverableStatus: 'pending', draftDueOn: '2026-03-20' })
  await mk({ deliverableStatus: 'pending', draftDueOn: '2026-03-23' })
  // 2. Approved, window ended yesterday, no post -> overdue.
  const overdue = await mk({ deliverableStatus: 'approved', postWindowEnd: '2026-03-17' })
  // 3. Draft submitted Friday 2026-03-13 (3 business days ago) -> waiting too long; one submitted Tuesday -> fine.
  const waiting = await mk({ deliverableStatus: 'draft_submitted' })
  await db().update(schema.draftVersions).set({ decision: null, decidedAt: null, submittedAt: new Date('2026-03-13T09:00:00Z') }).where(eq(schema.draftVersions.deliverableId, waiting.deliverable.id))
  const fresh = await mk({ deliverableStatus: 'draft_submitted' })
  await db().update(schema.draftVersions).set({ decision: null, decidedAt: null, submittedAt: new Date('2026-03-17T09:00:00Z') }).where(eq(schema.draftVersions.deliverableId, fresh.deliverable.id))
  // 4. Posted 2026-03-05 (13 days ago) without stats -> 7-day stats missing; one with a day-8 snapshot -> fine.
  const noStats = await mk({ deliverableStatus: 'verified' })
  await insertPost({ brandId: brand.id, creatorId: creator.id, deliverableId: noStats.deliverable.id, postedAt: new Date('2026-03-05T12:00:00Z') })
  const withStats = await mk({ deliverableStatus: 'verified' })
  const p2 = await insertPost({ brandId: brand.id, creatorId: creator.id, deliverableId: withStats.deliverable.id, postedAt: new Date('2026-03-05T12:00:00Z') })
  await insertSnapshot(p2.id, brand.id, new Date('2026-03-13T12:00:00Z'), { views: 10 })
  // 5. Usage rights of 1 month from acceptance on 2026-02-25 end 2026-03-25 (within 14 days).
  const rights = await mk({ deliverableStatus: 'pending' })
  await db().update(schema.offers).set({ usageMonths: 1, acceptedAt: new Date('2026-02-25T12:00:00Z') }).where(eq(schema.offers.id, rights.offer.id))
  // Give every collaboration but `overdue` a link and a code, so only that one lacks tracking.
  const all = [dueSoon, overdue, waiting, fresh, noStats, withStats, rights]
  for (const c of all) {
    if (c === overdue) continue
    await db().insert(schema.trackingLinks).values({ offerId: c.offer.id, brandId: brand.id, code: `T${c.offer.id.slice(0, 10).toUpperCase()}`, destinationUrl: 'https://x.test' })
    await db().insert(schema.promoCodes).values({ offerId: c.offer.id, brandId: brand.id, code: `C${c.offer.id.slice(0, 10).toUpperCase()}` })
  }
  // The pending draft due in 5 days also needs tracking (created by mk above without a handle): find it.
  const rest = await db().select().from(schema.offers).where(eq(schema.offers.brandId, brand.id))
  for (const o of rest) {
    if (all.some((c) => c.offer.id === o.id)) continue
    await db().insert(schema.trackingLinks).values({ offerId: o.id, brandId: brand.id, code: `T${o.id.slice(0, 10).toUpperCase()}`, destinationUrl: 'https://x.test' })
    await db().insert(schema.promoCodes).values({ offerId: o.id, brandId: brand.id, code: `C${o.id.slice(0, 10).toUpperCase()}` })
  }
  return { brand, manager, creator, campaign }
}

describe('at-risk list', () => {
  it('lists exactly the items at risk, soonest first', async () => {
    const w = await world()
    const items = await getAtRisk(w.brand.id, NOW)
    expect(items.map((i) => [i.kind, i.label, i.due])).toEqual([
      ['stats_missing', '7-day stats not reported', '2026-03-12'],
      ['review_waiting', 'Draft v1 waiting for review', '2026-03-13'],
      ['post_overdue', 'Post overdue', '2026-03-17'],
      ['draft_due', 'Draft due soon, not submitted', '2026-03-20'],
      ['rights_ending', 'Usage rights end', '2026-03-25'],
      ['no_tracking', 'No tracked link or promo code', null],
    ])
    // Scoped to the brand: another brand sees none of it.
    const other = await createBrand()
    expect(await getAtRisk(other.id, NOW)).toEqual([])
  })

  it('the home’s top of the list: the same most urgent items and the count of all six', async () => {
    const w = await world()
    const all = await getAtRisk(w.brand.id, NOW)
    const top = await getAtRiskTop(w.brand.id, 3, NOW)
    expect(top.total).toBe(6)
    expect(top.items).toEqual(all.slice(0, 3))
    // With a limit of 1 each kind sends its most urgent row only; the merged list starts the same.
    expect((await getAtRiskTop(w.brand.id, 1, NOW)).items.map((i) => i.kind)).toEqual(['stats_missing'])
    expect(await getAtRiskTop((await createBrand()).id, 25, NOW)).toEqual({ items: [], total: 0 })
  })
})

describe('daily reminders', () => {
  it('emails the creator and the managers once a day, however often it runs', async () => {
    const w = await world()
    await sendDailyReminders(db(), NOW)
    await sendDailyReminders(db(), new Date(NOW.getTime() + 3_600_000))
    const day = '2026-03-18'
    const creatorMail = await db().select().from(schema.outboxMessages).where(eq(schema.outboxMessages.dedupeKey, `reminder:creator:${w.creator.id}:${day}`))
    expect(creatorMail).toHaveLength(1)
    // Overdue post + 7-day stats (the draft due in 2 days is not late yet).
    expect(creatorMail[0]!.text).toContain('Post is overdue')
    expect(creatorMail[0]!.text).toContain('Add your 7-day stats')
    expect(creatorMail[0]!.text).not.toContain('Draft is late')
    const managerMail = await db().select().from(schema.outboxMessages).where(eq(schema.outboxMessages.dedupeKey, `reminder:manager:${w.manager.id}:${day}`))
    expect(managerMail).toHaveLength(1)
    expect(managerMail[0]!.text).toContain('Draft waiting for review')
    // The next day, a new reminder.
    await sendDailyReminders(db(), new Date('2026-03-19T10:00:00Z'))
    const all = await db().select().from(schema.outboxMessages).where(like(schema.outboxMessages.dedupeKey, `reminder:creator:${w.creator.id}:%`))
    expect(all).toHaveLength(2)
    // A month after posting (2026-03-05 + 30 days), the 30-day stats are asked for instead of the 7-day ones.
    await sendDailyReminders(db(), new Date('2026-04-06T10:00:00Z'))
    const [later] = await db().select().from(schema.outboxMessages).where(eq(schema.outboxMessages.dedupeKey, `reminder:creator:${w.creator.id}:2026-04-06`))
    expect(later!.text).toContain('Add your 30-day stats')
    expect(later!.text).not.toContain('Add your 7-day stats')
  })
})
