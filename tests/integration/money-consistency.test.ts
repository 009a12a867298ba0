/**
 * One value per money figure on every page that shows a campaign's money (issue #21): the campaign
 * list, the campaign page (budget box and creator cost table), the Creators tab, the budget page, the
 * brand home, the reports and the roster profile all read app/domain/money-figures.ts. The expected
 * figures are computed by hand from the fixture below. And the demo seed writes the ledger rows the app
 * writes, so its figures are ones the app could produce.
 */
import { and, eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { feeCostEntry } from '#app/domain/money-figures.ts'
import { COMMITTED_OFFER_STATUSES } from '#app/domain/offer-terms.ts'
import { addCostEntry } from '#app/services/budget/add-cost-entry.server.ts'
import { getMoneyFigures } from '#app/services/budget/get-money-figures.server.ts'
import { listCampaigns } from '#app/services/campaigns/list-campaigns.server.ts'
import { submitInvoice } from '#app/services/invoices/submit-invoice.server.ts'
import { decideInvoice } from '#app/services/invoices/decide-invoice.server.ts'
import { markInvoicePaid } from '#app/services/invoices/mark-invoice-paid.server.ts'
import { seed } from '#db/seed-program.ts'
import { acceptedOffer, brandActor, creatorActor, key, moneyCampaign, taxFormFor } from '#tests/factories-money.ts'
import { addMember, call, cookieFor, createBrand, createCreator, makeRequest } from '#tests/factories.ts'
import * as campaignsRoute from '#app/routes/b+/$brand+/campaigns._index.tsx'
import * as campaignRoute from '#app/routes/b+/$brand+/campaigns.$campaign._index.tsx'
import * as offersRoute from '#app/routes/b+/$brand+/campaigns.$campaign.offers.tsx'
import * as budgetRoute from '#app/routes/b+/$brand+/budget.tsx'
import * as homeRoute from '#app/routes/b+/$brand+/_index.tsx'
import * as reportsRoute from '#app/routes/b+/$brand+/reports._index.tsx'
import * as rosterProfileRoute from '#app/routes/b+/$brand+/roster_.$creator.tsx'

type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>

async function load(route: { loader: unknown }, path: string, params: Record<string, string>, cookie: string | undefined) {
  const r = await call(() => (route.loader as Loader)({ request: makeRequest(path, { cookie }), params, context: {} }))
  expect(r.status, path).toBe(200)
  return r.data as Record<string, unknown>
}

async function fixture() {
  const brand = await createBrand()
  const manager = await addMember(brand.id, 'admin')
  const finance = await addMember(brand.id, 'finance')
  const mgr = brandActor(brand, manager, 'admin')
  const campaign = await moneyCampaign(brand.id, { budgetMinor: 500_000 })
  const ana = await createCreator({ brandIds: [brand.id], name: 'Ana Accepted' })
  const ben = await createCreator({ brandIds: [brand.id], name: 'Ben Accepted' })
  const cat = await createCreator({ brandIds: [brand.id], name: 'Cat Declined' })
  const dan = await createCreator({ brandIds: [brand.id], name: 'Dan Withdrawn' })
  // Ana: $1,500 fee + $300 usage; Ben: $800 fee. Acceptance writes the fee entry (feeCostEntry, as commitOffer does).
  const a = await acceptedOffer({ brandId: brand.id, campaignId: campaign.id, creatorId: ana.creator.id, feeMinor: 150_000, usageRights: 'organic', usageFeeMinor: 30_000 })
  const b = await acceptedOffer({ brandId: brand.id, campaignId: campaign.id, creatorId: ben.creator.id, feeMinor: 80_000 })
  for (const o of [a.offer, b.offer]) await db().insert(schema.costEntries).values(feeCostEntry(o, o.feeMinor, null)!)
  // Cat declined a $2,000 offer after a $50 gift shipped; Dan's $3,000 offer was withdrawn.
  const [declined] = await db()
    .insert(schema.offers)
    .values({ brandId: brand.id, campaignId: campaign.id, creatorId: cat.creator.id, status: 'declined', connectionType: 'paid', feeMinor: 200_000, currency: 'USD' })
    .returning()
  await db().insert(schema.offers).values({ brandId: brand.id, campaignId: campaign.id, creatorId: dan.creator.id, status: 'withdrawn', connectionType: 'paid', feeMinor: 300_000, currency: 'USD' })
  await addCostEntry(mgr, { campaignId: campaign.id, offerId: a.offer.id, kind: 'gifting', amountMinor: 12_000, shippingMinor: 1_500 })
  await addCostEntry(mgr, { campaignId: campaign.id, offerId: declined!.id, kind: 'gifting', amountMinor: 5_000 })
  await addCostEntry(mgr, { campaignId: campaign.id, kind: 'production', amountMinor: 20_000, note: 'Studio day' })
  // Ana invoices her fee (approved, paid); Ben's invoice is submitted and waits.
  for (const c of [ana, ben]) await taxFormFor({ creatorId: c.creator.id }, { legalName: c.creator.name })
  const invA = await submitInvoice(creatorActor(ana.creator, ana.user!), { offerId: a.offer.id, number: 'A-1', issueDate: '2026-03-10', payeeName: ana.creator.name, idempotencyKey: key(), lines: [{ deliverableId: a.deliverables[0]!.id, amountMinor: 150_000 }] })
  await decideInvoice(mgr, { invoiceId: invA.invoice.id, decision: 'approve' })
  await markInvoicePaid(brandActor(brand, finance, 'finance'), { invoiceId: invA.invoice.id, paidOn: '2026-04-01', method: 'ach', reference: 'P-1' })
  await submitInvoice(creatorActor(ben.creator, ben.user!), { offerId: b.offer.id, number: 'B-1', issueDate: '2026-03-11', payeeName: ben.creator.name, idempotencyKey: key(), lines: [{ deliverableId: b.deliverables[0]!.id, amountMinor: 80_000 }] })
  return { brand, manager, campaign, ana, ben, cat, a, b, declined: declined! }
}

// By hand from the fixture:
// committed = Ana fee 150,000 + Ana usage 30,000 + Ana gift 12,000 + shipping 1,500 + Ben fee 80,000
//           + Cat's gift 5,000 (spent although she declined) + production 20,000 = 298,500
//           (Cat's declined 200,000 and Dan's withdrawn 300,000 commit nothing)
// invoiced  = Ana 150,000 (paid) + Ben 80,000 (submitted) = 230,000; paid = 150,000
// remaining = 500,000 - 298,500 = 201,500
const EXPECTED = { plannedMinor: 500_000, committedMinor: 298_500, invoicedMinor: 230_000, paidMinor: 150_000, remainingMinor: 201_500 }
// Ana's cost: 150,000 + 30,000 + 12,000 + 1,500 = 193,500; Ben's 80,000; Cat's 5,000.
const ANA = { costMinor: 193_500, invoicedMinor: 150_000, paidMinor: 150_000 }

describe('money figures: one value per figure on every page', () => {
  it('campaign list, campaign page, Creators tab, budget page, brand home, reports and roster profile agree', async () => {
    const f = await fixture()
    const cookie = await cookieFor(f.manager)
    const slug = f.brand.slug
    const k = { brand: slug, campaign: f.campaign.id }
    const seen: Record<keyof typeof EXPECTED, Map<string, number>> = {
      plannedMinor: new Map(),
      committedMinor: new Map(),
      invoicedMinor: new Map(),
      paidMinor: new Map(),
      remainingMinor: new Map(),
    }
    const note = (page: string, figures: Partial<Record<keyof typeof EXPECTED, number>>) => {
      for (const [name, v] of Object.entries(figures)) if (v !== undefined && name in seen) seen[name as keyof typeof EXPECTED].set(page, v)
    }

    const list = (await load(campaignsRoute, `/b/${slug}/campaigns`, { brand: slug }, cookie)) as { campaigns: { id: string; budgetMinor: number; committedMinor: number; remainingMinor: number }[] }
    const row = list.campaigns.find((c) => c.id === f.campaign.id)!
    note('campaign list', { plannedMinor: row.budgetMinor, committedMinor: row.committedMinor, remainingMinor: row.remainingMinor })

    const page = (await load(campaignRoute, `/b/${slug}/campaigns/${f.campaign.id}`, k, cookie)) as {
      costs: { budget: typeof EXPECTED; creators: { creatorId: string; totalMinor: number; invoicedMinor: number; paidMinor: number; giftingMinor: number; status: string }[] }
    }
    note('campaign budget box', page.costs.budget)
    const table = page.costs.creators
    note('creator cost table (+ campaign-level production)', {
      committedMinor: table.reduce((s, c) => s + c.totalMinor, 0) + 20_000,
      invoicedMinor: table.reduce((s, c) => s + c.invoicedMinor, 0),
      paidMinor: table.reduce((s, c) => s + c.paidMinor, 0),
    })
    expect(table.find((c) => c.creatorId === f.ana.creator.id)).toMatchObject({ totalMinor: ANA.costMinor, invoicedMinor: ANA.invoicedMinor, paidMinor: ANA.paidMinor, giftingMinor: 13_500 })
    // Cat's gift is her cost, on her row, although she declined; Dan (withdrawn, no cost) has no row.
    expect(table.find((c) => c.creatorId === f.cat.creator.id)).toMatchObject({ totalMinor: 5_000, giftingMinor: 5_000, status: 'declined' })
    expect(table).toHaveLength(3)

    const offers = (await load(offersRoute, `/b/${slug}/campaigns/${f.campaign.id}/offers`, k, cookie)) as { committedMinor: number }
    note('Creators tab', { committedMinor: offers.committedMinor })

    const budget = (await load(budgetRoute, `/b/${slug}/budget`, { brand: slug }, cookie)) as { campaigns: (typeof EXPECTED & { campaignId: string })[]; program: typeof EXPECTED[] }
    note('budget page row', budget.campaigns.find((c) => c.campaignId === f.campaign.id)!)
    note('budget page program', budget.program[0]!)

    const home = (await load(homeRoute, `/b/${slug}`, { brand: slug }, cookie)) as { program: { spend: typeof EXPECTED } }
    note('brand home', home.program.spend)

    const reports = (await load(reportsRoute, `/b/${slug}/reports?view=campaigns`, { brand: slug }, cookie)) as { rows: { key: string; costMinor: number }[]; report: { program: { costMinor: number } } }
    note('reports campaign row', { committedMinor: reports.rows.find((r) => r.key === f.campaign.id)!.costMinor })
    note('reports program', { committedMinor: reports.report.program.costMinor })
    const byCreator = (await load(reportsRoute, `/b/${slug}/reports?view=collaborations`, { brand: slug }, cookie)) as { rows: { key: string; costMinor: number }[] }
    expect(byCreator.rows.find((r) => r.key === f.a.offer.id)!.costMinor).toBe(ANA.costMinor)

    const profile = (await load(rosterProfileRoute, `/b/${slug}/roster/${f.ana.creator.id}`, { brand: slug, creator: f.ana.creator.id }, cookie)) as {
      profile: { money: { costMinor: number; invoicedMinor: number; paidMinor: number }; collaborations: { offerId: string; money: { costMinor: number; paidMinor: number } }[] }
    }
    expect(profile.profile.money).toMatchObject(ANA)
    expect(profile.profile.collaborations.find((c) => c.offerId === f.a.offer.id)!.money).toMatchObject({ costMinor: ANA.costMinor, paidMinor: ANA.paidMinor })
    const cat = (await load(rosterProfileRoute, `/b/${slug}/roster/${f.cat.creator.id}`, { brand: slug, creator: f.cat.creator.id }, cookie)) as { profile: { money: { costMinor: number } } }
    expect(cat.profile.money.costMinor).toBe(5_000)

    // One value per figure, and it is the hand-computed one.
    for (const [name, pages] of Object.entries(seen)) {
      expect(new Set(pages.values()), `${name}: ${JSON.stringify(Object.fromEntries(pages))}`).toEqual(new Set([EXPECTED[name as keyof typeof EXPECTED]]))
    }
    expect(seen.committedMinor.size).toBeGreaterThanOrEqual(9)
  })

  it('the demo seed writes the ledger rows the app writes: every committed offer one fee entry at its fee; the pages agree', async () => {
    await seed(db())
    const [acme] = await db().select().from(schema.brands).where(eq(schema.brands.slug, 'acme-running'))
    const committed = await db()
      .select({ id: schema.offers.id, feeMinor: schema.offers.feeMinor })
      .from(schema.offers)
      .where(and(eq(schema.offers.brandId, acme!.id), inArray(schema.offers.status, [...COMMITTED_OFFER_STATUSES])))
    expect(committed.length).toBeGreaterThan(5)
    const fees = await db()
      .select({ offerId: schema.costEntries.offerId, amountMinor: schema.costEntries.amountMinor })
      .from(schema.costEntries)
      .where(and(eq(schema.costEntries.brandId, acme!.id), eq(schema.costEntries.kind, 'fee')))
    for (const o of committed) expect(fees.filter((e) => e.offerId === o.id).map((e) => e.amountMinor), o.id).toEqual(o.feeMinor > 0 ? [o.feeMinor] : [])
    expect(fees.every((e) => committed.some((o) => o.id === e.offerId))).toBe(true)
    const figures = await getMoneyFigures(acme!.id)
    const list = await listCampaigns(acme!.id, { includeArchived: true })
    for (const m of figures) {
      const l = list.find((c) => c.id === m.campaignId)!
      expect([l.committedMinor, l.remainingMinor], m.name).toEqual([m.committedMinor, m.remainingMinor])
      expect(m.ignoredRows).toBe(0)
    }
  })
})
