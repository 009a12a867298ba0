import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { LIST_PAGE_SIZE } from '#app/domain/keyset-cursor.ts'
import { sumMoneyFigures } from '#app/domain/money-figures.ts'
import { getBudget } from '#app/services/budget/get-budget.server.ts'
import { getMoneySummaries } from '#app/services/budget/get-money-summaries.server.ts'
import { acceptedOffer, brandActor, moneyCampaign, moneyWorld } from '#tests/factories-money.ts'
import { call, cookieFor, makeRequest } from '#tests/factories.ts'
import { chunks, walkPages } from '#tests/paging.ts'
import * as budgetRoute from '#app/routes/b+/$brand+/budget.tsx'

// Issue #18: the budget page lists one screen of campaigns; the program totals stay of all of them.
describe('Budget page: one screen of campaigns, program totals of all', () => {
  it('pages every campaign newest first, forwards and back; the totals (summed in SQL) equal sumMoneyFigures of every campaign', async () => {
    const w = await moneyWorld({ offer: { feeMinor: 100_000, usageFeeMinor: 20_000 } })
    const brandId = w.brand.id
    const currencies = ['USD', 'EUR', 'USD', 'GBP', 'USD', 'EUR', 'USD']
    for (const [i, currency] of currencies.entries()) {
      const c = await moneyCampaign(brandId, { name: `C${i}`, currency, budgetMinor: 10_000 * (i + 1) })
      const kinds = ['production', 'gifting', 'shipping', 'other'] as const
      await db()
        .insert(schema.costEntries)
        .values({ brandId, campaignId: c.id, kind: kinds[i % kinds.length]!, amountMinor: 1_000 * (i + 1) + 7, currency })
      if (i % 3 === 0) await acceptedOffer({ brandId, campaignId: c.id, creatorId: w.creator.id, feeMinor: 5_000 + i, currency })
    }
    // An over-plan campaign, and a campaign of another brand that must not count.
    const over = await moneyCampaign(brandId, { name: 'Over', budgetMinor: 100 })
    await db().insert(schema.costEntries).values({ brandId, campaignId: over.id, kind: 'production', amountMinor: 5_000, currency: 'USD' })
    // A commission in one campaign refunded in another: the program keeps the kind at 0, as sumMoneyFigures does.
    await db().insert(schema.costEntries).values([
      { brandId, campaignId: over.id, kind: 'commission', amountMinor: 300, currency: 'USD' },
      { brandId, campaignId: w.campaign.id, kind: 'commission', amountMinor: -300, currency: 'USD' },
    ])
    const other = await moneyWorld({ offer: { feeMinor: 999_999 } })
    await db().insert(schema.costEntries).values({ brandId: other.brand.id, campaignId: other.campaign.id, kind: 'production', amountMinor: 777, currency: 'USD' })

    const all = await getMoneySummaries(brandId)
    expect(all).toHaveLength(currencies.length + 2)
    const size = 3
    const { forward, backward } = await walkPages(async (cursor) => {
      const b = await getBudget(w.managerActor, { cursor, size })
      expect(b.campaigns.length).toBeLessThanOrEqual(size)
      // Whatever the page, the program is of every campaign (not the page's) and the form offers every campaign.
      expect(b.program).toEqual(sumMoneyFigures(all))
      expect(b.campaignChoices.map((c) => c.campaignId)).toEqual(all.map((l) => l.campaignId))
      return { rows: b.campaigns, nextCursor: b.nextCursor, prevCursor: b.prevCursor }
    }, (l) => l.campaignId)
    const expected = chunks(all.map((l) => l.campaignId), size)
    expect(forward).toEqual(expected)
    expect(backward).toEqual(expected)
    // The page's lines are the summaries' figures.
    const first = await getBudget(w.managerActor, { size })
    expect(first.campaigns).toEqual(all.slice(0, size).map(({ campaignId, name, currency, plannedMinor, committedMinor, invoicedMinor, paidMinor, remainingMinor, overCommitted, byKind }) => ({ campaignId, name, currency, plannedMinor, committedMinor, invoicedMinor, paidMinor, remainingMinor, overCommitted, byKind })))
    const usd = first.program.find((p) => p.currency === 'USD')!
    expect(usd.byKind.production).toBe(1_007 + 5_007 + 5_000)
    expect(usd.byKind.commission).toBe(0)
    expect(first.program.map((p) => p.currency).sort()).toEqual(['EUR', 'GBP', 'USD'])
    expect(JSON.stringify(first.program)).not.toContain('999999')
    // A brand with no campaign: no program, no campaign, no form.
    const empty = await getBudget(brandActor({ ...other.brand, id: 'no-such-brand' }, other.manager))
    expect(empty).toMatchObject({ campaigns: [], program: [], campaignChoices: [], costCampaignId: null, costCreators: {}, nextCursor: null, prevCursor: null })
  })

  it('the page shows LIST_PAGE_SIZE campaigns with Next; a bad cursor starts at the first page', async () => {
    const w = await moneyWorld()
    const many = Array.from({ length: LIST_PAGE_SIZE }, (_, i) => ({ brandId: w.brand.id, name: `Bulk ${i}`, status: 'active' as const, currency: 'USD', budgetMinor: 1_000 + i, platforms: ['instagram'] }))
    await db().insert(schema.campaigns).values(many)
    const cookie = await cookieFor(w.manager)
    const load = async (q: string) => {
      const r = await call(() => budgetRoute.loader({ request: makeRequest(`/b/${w.brand.slug}/budget${q}`, { cookie }), params: { brand: w.brand.slug }, context: {} }))
      expect(r.status).toBe(200)
      return r.data as Awaited<ReturnType<typeof getBudget>>
    }
    const page1 = await load('')
    expect(page1.campaigns).toHaveLength(LIST_PAGE_SIZE)
    expect(page1.nextCursor).not.toBeNull()
    expect(page1.prevCursor).toBeNull()
    const planned = (await getMoneySummaries(w.brand.id)).reduce((s, l) => s + l.plannedMinor, 0)
    expect(page1.program[0]!.plannedMinor).toBe(planned)
    const page2 = await load(`?cursor=${page1.nextCursor}`)
    expect(page2.campaigns.map((c) => c.campaignId)).toEqual([w.campaign.id]) // the oldest, last
    expect(page2.program).toEqual(page1.program)
    expect((await load('?cursor=garbage!')).campaigns.map((c) => c.campaignId)).toEqual(page1.campaigns.map((c) => c.campaignId))
  })

  it('the cost ledger: one screen of non-fee entries, newest first, paged forwards and back (fees and other brands left out)', async () => {
    const w = await moneyWorld({ offer: { feeMinor: 100_000 } })
    const spring = await moneyCampaign(w.brand.id, { name: 'Spring' })
    const other = await moneyWorld()
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i % 4)) // ties on created_at: the id breaks them
    const rows = Array.from({ length: 8 }, (_, i) => ({ brandId: w.brand.id, campaignId: i % 2 ? spring.id : w.campaign.id, offerId: i % 2 ? null : w.offer.id, kind: 'production', amountMinor: 100 + i, currency: 'USD', createdAt: at(i) }))
    const ids = (await db().insert(schema.costEntries).values(rows).returning()).map((r) => ({ id: r.id, t: r.createdAt.getTime() }))
    await db().insert(schema.costEntries).values([
      { brandId: w.brand.id, campaignId: w.campaign.id, offerId: w.offer.id, kind: 'fee', amountMinor: 100_000, currency: 'USD' },
      { brandId: other.brand.id, campaignId: other.campaign.id, kind: 'production', amountMinor: 5, currency: 'USD' },
    ])
    const newestFirst = ids.sort((a, b) => b.t - a.t || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).map((r) => r.id)
    const size = 3
    const { forward, backward } = await walkPages(async (ledgerCursor) => {
      const b = await getBudget(w.managerActor, { ledgerCursor, size })
      return { rows: b.entries, nextCursor: b.ledgerNextCursor, prevCursor: b.ledgerPrevCursor }
    }, (e) => e.id)
    expect(forward).toEqual(chunks(newestFirst, size))
    expect(backward).toEqual(chunks(newestFirst, size))
    const first = await getBudget(w.managerActor, { size: 10 })
    expect(first.entries.map((e) => e.id)).toEqual(newestFirst)
    expect(first.entries.find((e) => e.campaignId === spring.id)).toMatchObject({ campaignName: 'Spring', creatorName: null })
    expect(first.entries.find((e) => e.campaignId === w.campaign.id)).toMatchObject({ campaignName: w.campaign.name, creatorName: w.creator.name })
  })
})
