import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { addCostEntry } from '#app/services/budget/add-cost-entry.server.ts'
import { getBudget } from '#app/services/budget/get-budget.server.ts'
import { getCampaignCosts } from '#app/services/budget/get-campaign-costs.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { moneyCampaign, moneyWorld } from '#tests/factories-money.ts'
import { call, cookieFor, createBrand, createCreator, makeRequest } from '#tests/factories.ts'
import * as budgetRoute from '#app/routes/b+/$brand+/budget.tsx'

// Issue #21: "Add a cost" names the creator; a gift is a cost of the creator who received it.
async function post(w: Awaited<ReturnType<typeof moneyWorld>>, form: Record<string, string>) {
  const cookie = await cookieFor(w.manager)
  return call(() => budgetRoute.action({ request: makeRequest(`/b/${w.brand.slug}/budget`, { cookie, form: { intent: 'add-cost', ...form } }), params: { brand: w.brand.slug }, context: {} }))
}
async function ledger(campaignId: string) {
  return db().select().from(schema.costEntries).where(and(eq(schema.costEntries.campaignId, campaignId)))
}

describe('Add a cost names the creator', () => {
  it('a gift named by creator is booked on their collaboration: their row, the ledger and the campaign total', async () => {
    const w = await moneyWorld({ offer: { feeMinor: 100_000 } })
    await db().insert(schema.costEntries).values({ brandId: w.brand.id, campaignId: w.campaign.id, offerId: w.offer.id, kind: 'fee', amountMinor: 100_000, currency: 'USD' })
    const page = await call(() => budgetRoute.loader({ request: makeRequest(`/b/${w.brand.slug}/budget`, { cookie: undefined }), params: { brand: w.brand.slug }, context: {} }))
    expect(page.status).not.toBe(200) // signed out: no budget
    const r = await post(w, { campaignId: w.campaign.id, creatorId: w.creator.id, kind: 'gifting', amount: '120.00', shipping: '15.50', carrier: 'UPS' })
    expect(r.status).toBe(302)
    const rows = (await ledger(w.campaign.id)).filter((e) => e.kind !== 'fee')
    expect(rows.map((e) => [e.kind, e.amountMinor, e.offerId]).sort()).toEqual([
      ['gifting', 12_000, w.offer.id],
      ['shipping', 1_550, w.offer.id],
    ])
    // A campaign cost without a creator stays a campaign cost.
    expect((await post(w, { campaignId: w.campaign.id, creatorId: '', kind: 'production', amount: '50.00' })).status).toBe(302)
    const c = await getCampaignCosts(w.managerActor, w.campaign.id)
    // 100,000 fee + 12,000 gift + 1,550 shipping = 113,550 for the creator; + 5,000 production = 118,550 committed.
    expect(c.creators).toEqual([expect.objectContaining({ creatorId: w.creator.id, feeMinor: 100_000, giftingMinor: 13_550, totalMinor: 113_550 })])
    expect(c.budget).toMatchObject({ committedMinor: 118_550 })
    const b = await getBudget(w.managerActor, { campaignId: w.campaign.id })
    expect(b.costCreators[w.campaign.id]!.map((x) => x.id)).toEqual([w.creator.id])
    expect(b.entries.find((e) => e.kind === 'gifting')!.creatorName).toBe(w.creator.name)
    expect(b.entries.find((e) => e.kind === 'production')!.creatorName).toBeNull()
    const audits = await db().select().from(schema.auditEvents).where(and(eq(schema.auditEvents.brandId, w.brand.id), eq(schema.auditEvents.action, 'cost.added')))
    expect(audits).toHaveLength(3)
  })

  it('refuses a creator not on this brand’s roster (404, nothing written) and a roster creator with no offer here (field error)', async () => {
    const w = await moneyWorld()
    const other = await createBrand()
    const { creator: stranger } = await createCreator({ brandIds: [other.id] })
    const before = (await ledger(w.campaign.id)).length
    const r = await post(w, { campaignId: w.campaign.id, creatorId: stranger.id, kind: 'gifting', amount: '10.00' })
    expect(r.status).toBe(404)
    const e = await addCostEntry(w.managerActor, { campaignId: w.campaign.id, creatorId: stranger.id, kind: 'gifting', amountMinor: 1_000 }).then(() => null, (x: unknown) => x)
    expect(e).toBeInstanceOf(AppError)
    expect((e as AppError).status).toBe(404)
    const { creator: idle } = await createCreator({ brandIds: [w.brand.id], name: 'Idle Ida' })
    const r2 = await post(w, { campaignId: w.campaign.id, creatorId: idle.id, kind: 'gifting', amount: '10.00' })
    expect(r2.status).toBe(400)
    expect(JSON.stringify(r2.data)).toContain('Idle Ida has no offer in this campaign')
    expect((await ledger(w.campaign.id)).length).toBe(before)
    const audits = await db().select().from(schema.auditEvents).where(and(eq(schema.auditEvents.brandId, w.brand.id), eq(schema.auditEvents.action, 'cost.added')))
    expect(audits).toHaveLength(0)
  })

  it('the Creator list of each campaign offers only roster creators with an offer there (not withdrawn); the server refuses the others', async () => {
    const w = await moneyWorld()
    const spring = await moneyCampaign(w.brand.id, { name: 'Spring' })
    const offer = (campaignId: string, creatorId: string, status: string) =>
      db().insert(schema.offers).values({ brandId: w.brand.id, campaignId, creatorId, connectionType: 'paid', feeMinor: 10_000, currency: 'USD', status: status as 'invited' })
    const { creator: bea } = await createCreator({ brandIds: [w.brand.id], name: 'Bea Spring' })
    const { creator: dee } = await createCreator({ brandIds: [w.brand.id], name: 'Dee Declined' })
    const { creator: wes } = await createCreator({ brandIds: [w.brand.id], name: 'Wes Withdrawn' })
    await createCreator({ brandIds: [w.brand.id], name: 'Ida Idle' })
    await offer(spring.id, bea.id, 'invited')
    await offer(w.campaign.id, dee.id, 'declined') // a gift to a creator who declined was still spent
    await offer(w.campaign.id, wes.id, 'withdrawn')
    const cookie = await cookieFor(w.manager)
    const load = async (query: string) => {
      const page = await call(() => budgetRoute.loader({ request: makeRequest(`/b/${w.brand.slug}/budget${query}`, { cookie }), params: { brand: w.brand.slug }, context: {} }))
      expect(page.status).toBe(200)
      return page.data as { costCampaignId: string; costCreators: Record<string, { id: string; name: string }[]>; campaignChoices: { campaignId: string }[] }
    }
    // The loader reads the creators of ONE campaign, the one the form shows: ?campaignId=, else the newest.
    const first = await load(`?campaignId=${w.campaign.id}`)
    expect(first.costCampaignId).toBe(w.campaign.id)
    expect(Object.keys(first.costCreators)).toEqual([w.campaign.id])
    expect(first.costCreators[w.campaign.id]!.map((c) => c.name)).toEqual(['Dee Declined', w.creator.name].sort())
    expect(first.campaignChoices.map((c) => c.campaignId)).toEqual([spring.id, w.campaign.id])
    const newest = await load('')
    expect(newest.costCampaignId).toBe(spring.id)
    expect(newest.costCreators).toEqual({ [spring.id]: [{ id: bea.id, name: 'Bea Spring' }] })
    // Another brand's campaign or garbage: the form's default campaign, never the other brand's creators, never a 500.
    const other = await moneyWorld()
    for (const q of [`?campaignId=${other.campaign.id}`, '?campaignId=%27%3B--', `?campaignId=${'x'.repeat(300)}`, '?campaignId=&cursor=nope', `?campaignId=${spring.id}&ledger=${'%E2%82%AC'.repeat(40)}`]) {
      const p = await load(q)
      expect(p.costCampaignId).toBe(spring.id)
      expect(p.costCreators).toEqual({ [spring.id]: [{ id: bea.id, name: 'Bea Spring' }] })
    }
    expect(JSON.stringify(await getBudget(w.managerActor, { campaignId: other.campaign.id }))).not.toContain(other.creator.id)
    // Without JavaScript any of them can be sent with any campaign: the server says so next to the field.
    for (const [c, name] of [[bea, 'Bea Spring'], [wes, 'Wes Withdrawn']] as const) {
      const r = await post(w, { campaignId: w.campaign.id, creatorId: c.id, kind: 'gifting', amount: '10.00' })
      expect(r.status).toBe(400)
      expect((r.data as { fieldErrors: Record<string, string[]> }).fieldErrors.creatorId).toEqual([
        `${name} has no offer in this campaign. Send them one first, or leave the creator empty for a campaign cost.`,
      ])
    }
    const added = await post(w, { campaignId: spring.id, creatorId: bea.id, kind: 'gifting', amount: '10.00' })
    expect(added.status).toBe(302)
    expect(added.location).toBe(`/b/${w.brand.slug}/budget?campaignId=${spring.id}`) // the form stays on the campaign
    expect((await ledger(spring.id)).map((e) => [e.kind, e.amountMinor])).toEqual([['gifting', 1_000]])
  })
})
