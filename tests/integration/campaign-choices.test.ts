/**
 * The campaign filter's choices (issue #18): a brand's newest CAMPAIGN_CHOICES campaigns by creation, sorted by
 * name, plus the chosen one when it is older; `more` says some are not listed; another brand's campaign is never
 * listed, even when asked for by id. The review queue, the report and the budget's cost form read the same choices.
 */
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#app/db.server.ts'
import { CAMPAIGN_CHOICES, campaignChoicesHint } from '#app/domain/campaign-choices.ts'
import { compareText } from '#app/domain/compare-text.ts'
import { listCampaignChoices } from '#app/services/campaigns/campaign-choices.server.ts'
import { listReviewQueue } from '#app/services/content/list-review-queue.server.ts'
import { createCampaign } from '#tests/factories-posts.ts'
import { brandActor } from '#tests/factories-money.ts'
import { getBudget } from '#app/services/budget/get-budget.server.ts'
import { schema } from '#db/index.ts'
import { addMember, call, cookieFor, createBrand, makeRequest } from '#tests/factories.ts'
import * as queueRoute from '#app/routes/b+/$brand+/review._index.tsx'
import * as reportRoute from '#app/routes/b+/$brand+/reports._index.tsx'

/** `n` campaigns created one minute apart (campaign 0 the oldest), with names that sort differently from their age. */
async function campaigns(brandId: string, n: number) {
  const made: { id: string; name: string }[] = []
  for (let i = 0; i < n; i++) {
    const c = await createCampaign(brandId, { name: `${String.fromCharCode(97 + ((i * 7) % 26))} campaign ${i}` })
    await db().execute(sql`update campaigns set created_at = timestamptz '2026-01-01 00:00:00+00' + ${i} * interval '1 minute' where id = ${c.id}`)
    made.push({ id: c.id, name: c.name })
  }
  return made
}
/** Names in the app's one name order (compareText: numbers in names sort as numbers). */
const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => compareText(a.name, b.name) || compareText(a.id, b.id)

describe('campaign filter choices', () => {
  it('a brand with few campaigns: all of them, by name, nothing more', async () => {
    const brand = await createBrand()
    const made = await campaigns(brand.id, 3)
    const got = await listCampaignChoices(brand.id)
    expect(got.more).toBe(false)
    expect(got.choices).toEqual([...made].sort(byName))
    expect(campaignChoicesHint(got)).toBeUndefined()
    expect(await listCampaignChoices((await createBrand()).id)).toEqual({ choices: [], more: false })
  })

  it('a long history: the newest ones, plus an older chosen one; never another brand\'s', async () => {
    const brand = await createBrand()
    const made = await campaigns(brand.id, CAMPAIGN_CHOICES + 3)
    const newest = made.slice(3)
    const got = await listCampaignChoices(brand.id)
    expect(got.more).toBe(true)
    expect(got.choices).toEqual([...newest].sort(byName))
    expect(campaignChoicesHint(got)).toMatch(new RegExp(`${CAMPAIGN_CHOICES} newest`))

    // the oldest, chosen: listed too (the filter shows what is applied)
    const withOld = await listCampaignChoices(brand.id, { selected: made[0]!.id })
    expect(withOld.choices).toEqual([...newest, made[0]!].sort(byName))
    // one already listed is not listed twice
    expect((await listCampaignChoices(brand.id, { selected: newest[0]!.id })).choices).toEqual(got.choices)

    const other = await createBrand()
    const [theirs] = await campaigns(other.id, 1)
    expect((await listCampaignChoices(brand.id, { selected: theirs!.id })).choices).toEqual(got.choices)
    expect((await listCampaignChoices(brand.id, { selected: "x' or 1=1 --" })).choices).toEqual(got.choices)
  })

  it('statuses narrow the list before it is cut', async () => {
    const brand = await createBrand()
    const made = await campaigns(brand.id, CAMPAIGN_CHOICES + 1)
    // the newest is archived: the review queue's filter skips it and then lists every other campaign
    await db().execute(sql`update campaigns set status = 'archived' where id = ${made.at(-1)!.id}`)
    const got = await listCampaignChoices(brand.id, { statuses: ['active', 'draft', 'completed'] })
    expect(got.more).toBe(false)
    expect(got.choices).toEqual(made.slice(0, -1).sort(byName))
  })

  it("the budget's cost form: newest first, the asked-for older one last; the ledger names an unlisted campaign", async () => {
    const brand = await createBrand()
    const manager = await addMember(brand.id, 'manager')
    const made = await campaigns(brand.id, CAMPAIGN_CHOICES + 2)
    const old = made[0]!
    await db().insert(schema.costEntries).values({ brandId: brand.id, campaignId: old.id, kind: 'production', amountMinor: 1_234, currency: 'USD' })
    const actor = brandActor(brand, manager)
    const plain = await getBudget(actor)
    expect(plain.campaignChoicesMore).toBe(true)
    expect(plain.campaignChoices.map((c) => c.campaignId)).toEqual(made.slice(2).reverse().map((c) => c.id))
    expect(plain.costCampaignId).toBe(made.at(-1)!.id)
    // the oldest campaign is not in the list, but its cost in the ledger still carries its name
    expect(plain.entries.map((e) => [e.campaignId, e.campaignName])).toEqual([[old.id, old.name]])
    const asked = await getBudget(actor, { campaignId: old.id })
    expect(asked.campaignChoices.map((c) => c.campaignId)).toEqual([...made.slice(2).reverse().map((c) => c.id), old.id])
    expect(asked.costCampaignId).toBe(old.id)
  })

  it('the review queue and the report send the choices, with the applied campaign among them', async () => {
    const brand = await createBrand()
    const manager = await addMember(brand.id, 'manager')
    const made = await campaigns(brand.id, CAMPAIGN_CHOICES + 2)
    const cookie = await cookieFor(manager)
    const old = made[0]!
    const load = async (route: { loader: (args: never) => Promise<unknown> }, path: string) =>
      await call(() => route.loader({ request: makeRequest(`/b/${brand.slug}/${path}`, { cookie }), params: { brand: brand.slug }, context: {} } as never))
    const queue = await load(queueRoute, `review?campaign=${old.id}`)
    expect(queue.status).toBe(200)
    const qc = (queue.data as { campaigns: { choices: { id: string }[]; more: boolean } }).campaigns
    expect(qc.more).toBe(true)
    expect(qc.choices).toHaveLength(CAMPAIGN_CHOICES + 1)
    expect(qc.choices.map((c) => c.id)).toContain(old.id)
    const report = await load(reportRoute, `reports?campaign=${old.id}`)
    expect(report.status).toBe(200)
    const rc = (report.data as { report: { campaignOptions: { choices: { id: string }[]; more: boolean } } }).report.campaignOptions
    expect(rc).toEqual(qc)
  })

  it("the review queue's reviewers: this brand's admins and managers by name, nobody else", async () => {
    const brand = await createBrand()
    const other = await createBrand()
    const zed = await addMember(brand.id, 'manager')
    const amy = await addMember(brand.id, 'admin')
    await addMember(brand.id, 'viewer')
    await addMember(brand.id, 'finance')
    // a manager of the other brand only, and one who works for both
    await addMember(other.id, 'manager')
    const both = await addMember(other.id, 'manager')
    await addMember(brand.id, 'manager', both)
    await db().execute(sql`update users set name = case id when ${zed.id} then 'Zed Reviewer' when ${amy.id} then 'Amy Admin' when ${both.id} then 'Mia Both' end where id in (${zed.id}, ${amy.id}, ${both.id})`)
    const queue = await listReviewQueue(brand.id)
    expect(queue.reviewers).toEqual([
      { id: amy.id, name: 'Amy Admin' },
      { id: both.id, name: 'Mia Both' },
      { id: zed.id, name: 'Zed Reviewer' },
    ])
    expect(queue.total).toBe(0)
    expect(queue.rows).toEqual([])
    expect((await listReviewQueue((await createBrand()).id)).reviewers).toEqual([])
    // a filter counts what it matches: nothing here, and still the same reviewers
    const filtered = await listReviewQueue(brand.id, { platform: 'tiktok' })
    expect(filtered.total).toBe(0)
    expect(filtered.reviewers).toEqual(queue.reviewers)
  })
})
