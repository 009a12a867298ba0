import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import * as newCampaignRoute from '#app/routes/b+/$brand+/campaigns.new.tsx'
import * as overviewRoute from '#app/routes/b+/$brand+/campaigns.$campaign._index.tsx'
import * as briefRoute from '#app/routes/b+/$brand+/campaigns.$campaign.brief.tsx'
import * as offersRoute from '#app/routes/b+/$brand+/campaigns.$campaign.offers.tsx'
import * as offerPage from '#app/routes/c+/$creator+/offers.$offer.tsx'
import * as homeRoute from '#app/routes/c+/$creator+/_index.tsx'
import * as accountsRoute from '#app/routes/b+/$brand+/roster_.$creator.accounts.tsx'
import { getCreatorTodos } from '#app/services/creators/get-creator-todos.server.ts'
import { processOfferDeadlines } from '#app/services/offers/process-offer-deadlines.server.ts'
import { addMember, call, cookieFor, createAgency, createBrand, createCreator, makeRequest } from '#tests/factories.ts'

type Route = { action?: (args: never) => Promise<unknown>; loader?: (args: never) => Promise<unknown> }
const IP = '198.51.100.7'

async function post(route: Route, path: string, params: Record<string, string>, cookie: string | undefined, form: Record<string, string | string[]>) {
  return call(() => (route.action as (a: unknown) => Promise<unknown>)({ request: makeRequest(path, { cookie, form }), params, context: { ip: IP } }))
}
async function get(route: Route, path: string, params: Record<string, string>, cookie: string | undefined) {
  return call(() => (route.loader as (a: unknown) => Promise<unknown>)({ request: makeRequest(path, { cookie }), params, context: { ip: IP } }))
}
function formError(r: { data: unknown }) {
  return (r.data as { formError?: string; fieldErrors?: Record<string, string[]> } | null) ?? {}
}
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)

const BRIEF = {
  overview: 'Show the Trail 3 on a real trail run.',
  keyMessages: 'Lightest trail shoe\nGrips on wet rock',
  hashtags: 'AcmeTrail3',
  handles: 'acmerunning',
  links: 'https://acme.test/trail3',
  dos: 'Film outdoors',
  donts: 'No competitor shoes',
  approvedClaims: 'Our lightest trail shoe',
  bannedWords: 'cure',
  productNotes: 'One pair in your size.',
  shippingNotes: 'Ships in 3 days.',
  deadlines: '',
  jurisdiction: 'US',
}

const OFFER = {
  intent: 'send',
  connectionType: 'paid',
  fee: '1,800',
  paymentNetDays: '30',
  paymentClockStart: 'post_verified',
  usageRights: 'organic',
  usageMonths: '6',
  usageTerritory: 'US',
  exclusivityCategory: '',
  exclusivityMonths: '0',
  revisionRounds: '2',
  expiresOn: day(7),
  d0_format: 'reel',
  d0_platform: 'instagram',
  d0_quantity: '2',
  d0_draftDueOn: day(10),
  d0_postWindowStart: day(14),
  d0_postWindowEnd: day(20),
  d1_format: 'tiktok_video',
  d1_quantity: '1',
}

/** A brand with a manager, an active campaign (budget $5,000) with brief v1, and creator A (with an agency) on the roster. */
async function world(opts: { budget?: string } = {}) {
  const brand = await createBrand({ name: 'Acme Test' })
  const manager = await addMember(brand.id, 'manager')
  const mCookie = await cookieFor(manager)
  const a = await createCreator({ brandIds: [brand.id], name: 'Maya Test' })
  const agency = await createAgency({ representing: [{ creatorId: a.creator.id, scopes: ['answer_offers'] }] })
  const b = await createCreator({ brandIds: [brand.id], name: 'Jonah Test' })
  const bp = { brand: brand.slug }
  const created = await post(newCampaignRoute, `/b/${brand.slug}/campaigns/new`, bp, mCookie, {
    intent: 'create', name: 'Spring Trail', objective: '', startsOn: '', endsOn: '', budget: opts.budget ?? '5000', currency: 'USD', platforms: ['instagram', 'tiktok'],
  })
  expect(created.status).toBe(302)
  const campaignId = /campaigns\/([^/]+)\/brief/.exec(created.location!)![1]!
  const cp = { brand: brand.slug, campaign: campaignId }
  const published = await post(briefRoute, `/b/${brand.slug}/campaigns/${campaignId}/brief`, cp, mCookie, { ...BRIEF, intent: 'publish', baseVersion: '0' })
  expect(published.status).toBe(302)
  const started = await post(overviewRoute, `/b/${brand.slug}/campaigns/${campaignId}`, cp, mCookie, { intent: 'status', status: 'active' })
  expect(started.status).toBe(302)
  return { brand, manager, mCookie, a, b, agency, campaignId, cp }
}

async function sendTo(w: Awaited<ReturnType<typeof world>>, creatorIds: string[], extra: Record<string, string> = {}) {
  const r = await post(offersRoute, `/b/${w.brand.slug}/campaigns/${w.campaignId}/offers`, w.cp, w.mCookie, { ...OFFER, ...extra, creatorIds })
  const offers = await db().select().from(schema.offers).where(eq(schema.offers.campaignId, w.campaignId))
  return { r, offers }
}

const auditFor = (entityId: string) => db().select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, entityId)).orderBy(schema.auditEvents.id)
const outboxTo = async (email: string) => (await db().select().from(schema.outboxMessages)).filter((m) => m.toAddresses.includes(email))

async function accept(w: { a: { creator: { id: string } } }, offerId: string, cookie: string | undefined, creatorId = w.a.creator.id) {
  return post(offerPage, `/c/${creatorId}/offers/${offerId}`, { creator: creatorId, offer: offerId }, cookie, { intent: 'accept' })
}

describe('offers: send, accept and the illegal transitions', () => {
  it('a manager sends an offer; the creator and their agents are emailed; it waits on the to-do list', async () => {
    const w = await world()
    const { r, offers } = await sendTo(w, [w.a.creator.id])
    expect(r.status).toBe(302)
    expect(offers).toHaveLength(1)
    const o = offers[0]!
    expect(o.status).toBe('invited')
    expect(o.feeMinor).toBe(180_000)
    expect(o.deliverableSpecs).toEqual([
      { platform: 'instagram', format: 'reel', quantity: 2, draftDueOn: day(10), postWindowStart: day(14), postWindowEnd: day(20) },
      { platform: 'tiktok', format: 'tiktok_video', quantity: 1, draftDueOn: null, postWindowStart: null, postWindowEnd: null },
    ])
    expect((await auditFor(o.id)).map((e) => e.action)).toEqual(['offer.sent'])
    const mail = await outboxTo(w.a.creator.email)
    expect(mail).toHaveLength(1)
    expect(mail[0]!.ccAddresses).toEqual([w.agency.agent.email])
    expect(mail[0]!.text).toContain('$1,800')
    const todos = await getCreatorTodos(w.a.creator.id)
    expect(todos.map((t) => [t.kind, t.id])).toEqual([['offer', o.id]])
    const home = await get(homeRoute, `/c/${w.a.creator.id}`, { creator: w.a.creator.id }, await cookieFor(w.a.user))
    expect((home.data as { todos: unknown[] }).todos).toHaveLength(1)
  })

  it('accepting records terms, brief version, who/when/where, creates one deliverable per unit and the committed fee; twice does nothing twice', async () => {
    const w = await world()
    const { offers } = await sendTo(w, [w.a.creator.id])
    const o = offers[0]!
    const cookie = await cookieFor(w.a.user)
    // Two clicks at once (two tabs, or creator and agent): one acceptance.
    const [first, second] = await Promise.all([accept(w, o.id, cookie), accept(w, o.id, cookie)])
    expect([first.status, second.status]).toEqual([302, 302])
    expect((await accept(w, o.id, cookie)).status).toBe(302)
    const [after] = await db().select().from(schema.offers).where(eq(schema.offers.id, o.id))
    expect(after!.status).toBe('accepted')
    expect(after!.acceptedByUserId).toBe(w.a.user!.id)
    expect(after!.acceptedOnBehalfOfCreatorId).toBeNull()
    expect(after!.acceptedIp).toBe(IP)
    expect(after!.acceptedBriefVersion).toBe(1)
    expect((after!.acceptedTerms as { feeMinor: number; briefVersion: number }).feeMinor).toBe(180_000)
    expect((after!.acceptedTerms as { usageMonths: number }).usageMonths).toBe(6)
    const deliverables = await db().select().from(schema.deliverables).where(eq(schema.deliverables.offerId, o.id))
    // 2 reels + 1 TikTok
    expect(deliverables.map((d) => `${d.format}#${d.position}`).sort()).toEqual(['reel#1', 'reel#2', 'tiktok_video#1'])
    const costs = await db().select().from(schema.costEntries).where(eq(schema.costEntries.offerId, o.id))
    expect(costs.map((c) => [c.kind, c.amountMinor])).toEqual([['fee', 180_000]])
    const audit = await auditFor(o.id)
    expect(audit.map((e) => e.action)).toEqual(['offer.sent', 'offer.accepted'])
    expect(audit[1]!.actorUserId).toBe(w.a.user!.id)
    expect(audit[1]!.actingForCreatorId).toBe(w.a.creator.id)
    expect(audit[1]!.ip).toBe(IP)
    const brandMail = await outboxTo(w.manager.email)
    expect(brandMail.map((m) => m.subject)).toEqual([`Maya Test accepted your offer for Spring Trail`])
    // The offer is answered; what is left is uploading a draft for each accepted deliverable.
    const todosNow = await getCreatorTodos(w.a.creator.id)
    expect(todosNow.length).toBeGreaterThan(0)
    expect(todosNow.map((t) => [t.kind, t.action])).toEqual(todosNow.map(() => ['draft_due', 'Upload draft']))
  })

  it('an expired offer cannot be accepted (409) and nothing is created', async () => {
    const w = await world()
    const { offers } = await sendTo(w, [w.a.creator.id])
    await db().update(schema.offers).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(schema.offers.id, offers[0]!.id))
    const r = await accept(w, offers[0]!.id, await cookieFor(w.a.user))
    expect(r.status).toBe(409)
    expect(formError(r).formError).toMatch(/expired/)
    expect(await db().select().from(schema.deliverables).where(eq(schema.deliverables.offerId, offers[0]!.id))).toEqual([])
    expect((await auditFor(offers[0]!.id)).map((e) => e.action)).toEqual(['offer.sent'])
  })

  it('a withdrawn offer cannot be accepted; an accepted one cannot be withdrawn', async () => {
    const w = await world()
    const { offers } = await sendTo(w, [w.a.creator.id, w.b.creator.id])
    const toA = offers.find((o) => o.creatorId === w.a.creator.id)!
    const toB = offers.find((o) => o.creatorId === w.b.creator.id)!
    const path = `/b/${w.brand.slug}/campaigns/${w.campaignId}/offers`
    expect((await post(offersRoute, path, w.cp, w.mCookie, { intent: 'withdraw', offerId: toA.id })).status).toBe(302)
    const r = await accept(w, toA.id, await cookieFor(w.a.user))
    expect(r.status).toBe(409)
    expect(formError(r).formError).toMatch(/withdrew/)
    expect((await auditFor(toA.id)).map((e) => e.action)).toEqual(['offer.sent', 'offer.withdrawn'])
    const withdrawnMail = (await outboxTo(w.a.creator.email)).filter((m) => m.template === 'offer-withdrawn')
    expect(withdrawnMail.map((m) => m.ccAddresses)).toEqual([[w.agency.agent.email]])
    expect((await accept(w, toB.id, await cookieFor(w.b.user), w.b.creator.id)).status).toBe(302)
    const again = await post(offersRoute, path, w.cp, w.mCookie, { intent: 'withdraw', offerId: toB.id })
    expect(again.status).toBe(409)
  })

  it('an agent with the scope accepts on behalf of the creator; without it the action is refused and the page says why; after revocation, nothing', async () => {
    const w = await world()
    const { offers } = await sendTo(w, [w.a.creator.id])
    const o = offers[0]!
    const noScope = await createAgency({ representing: [{ creatorId: w.a.creator.id, scopes: ['see_payments'] }] })
    const noScopeCookie = await cookieFor(noScope.agent)
    const refused = await accept(w, o.id, noScopeCookie)
    expect(refused.status).toBe(403)
    expect(await refused.response!.text()).toMatch(/Answer offers/)
    const page = await get(offerPage, `/c/${w.a.creator.id}/offers/${o.id}`, { creator: w.a.creator.id, offer: o.id }, noScopeCookie)
    expect(page.status).toBe(200)
    expect((page.data as { canAnswer: boolean; refusal: string }).canAnswer).toBe(false)
    expect((page.data as { refusal: string }).refusal).toMatch(/has not given .* "Answer offers" permission/)
    // Agents read the same page, with what each deliverable must disclose (2 lines: reels, TikTok).
    const disclosure = (page.data as { disclosure: { summary: string; captionRules: string[] }[] }).disclosure
    expect(disclosure.map((d) => d.summary.split(':')[0])).toEqual(['Instagram reel, paid, US', 'TikTok video, paid, US'])
    expect(disclosure[0]!.captionRules).toContain('Include #AcmeTrail3, @acmerunning, https://acme.test/trail3.')

    // Revoked grant: the agent can no longer act for the creator, and is told the creator ended the agency
    // (403 with the creators they still act for); an agent of another agency still gets the plain 404.
    await db().update(schema.agentGrants).set({ revokedAt: new Date() }).where(eq(schema.agentGrants.agencyId, w.agency.agency.id))
    const ended = await accept(w, o.id, await cookieFor(w.agency.agent))
    expect(ended.status).toBe(403)
    const body = (await ended.response!.json()) as { kind: string; message: string; remaining: unknown[] }
    expect(body.kind).toBe('agency-ended')
    expect(body.message).toMatch(new RegExp(`^${w.a.creator.name} ended .*'s agency on \\d{4}-\\d{2}-\\d{2}\\.`))
    expect(body.remaining).toEqual([])
    const stranger = await createAgency({ representing: [] })
    expect((await accept(w, o.id, await cookieFor(stranger.agent))).status).toBe(404)
    await db().update(schema.agentGrants).set({ revokedAt: null }).where(eq(schema.agentGrants.agencyId, w.agency.agency.id))

    const ok = await accept(w, o.id, await cookieFor(w.agency.agent))
    expect(ok.status).toBe(302)
    const [after] = await db().select().from(schema.offers).where(eq(schema.offers.id, o.id))
    expect(after!.acceptedByUserId).toBe(w.agency.agent.id)
    expect(after!.acceptedOnBehalfOfCreatorId).toBe(w.a.creator.id)
    const accepted = (await auditFor(o.id)).find((e) => e.action === 'offer.accepted')!
    expect(accepted.actorUserId).toBe(w.agency.agent.id)
    expect(accepted.actingForCreatorId).toBe(w.a.creator.id)
  })

  it('a member of another brand and a creator who was not offered get 404 and change nothing', async () => {
    const w = await world()
    const { offers } = await sendTo(w, [w.a.creator.id])
    const o = offers[0]!
    const other = await createBrand()
    const otherAdmin = await addMember(other.id, 'admin')
    const otherCookie = await cookieFor(otherAdmin)
    // Their own brand in the URL, our campaign id: the service scopes by brand.
    const viaOwn = await post(offersRoute, '/x', { brand: other.slug, campaign: w.campaignId }, otherCookie, { intent: 'withdraw', offerId: o.id })
    expect(viaOwn.status).toBe(404)
    // Our brand in the URL: the guard refuses.
    const viaOurs = await post(offersRoute, '/x', w.cp, otherCookie, { intent: 'withdraw', offerId: o.id })
    expect(viaOurs.status).toBe(404)
    // Creator B, with B's own id in the URL and A's offer id.
    const b = await accept(w, o.id, await cookieFor(w.b.user), w.b.creator.id)
    expect(b.status).toBe(404)
    const [after] = await db().select().from(schema.offers).where(eq(schema.offers.id, o.id))
    expect(after!.status).toBe('invited')
    expect((await auditFor(o.id)).map((e) => e.action)).toEqual(['offer.sent'])
  })

  it('decline needs a reason and tells the brand; a declined offer cannot be accepted', async () => {
    const w = await world()
    const { offers } = await sendTo(w, [w.a.creator.id])
    const o = offers[0]!
    const cookie = await cookieFor(w.a.user)
    const params = { creator: w.a.creator.id, offer: o.id }
    const empty = await post(offerPage, '/x', params, cookie, { intent: 'decline', reason: '  ' })
    expect(empty.status).toBe(400)
    expect(formError(empty).fieldErrors?.reason?.[0]).toMatch(/why/)
    expect((await post(offerPage, '/x', params, cookie, { intent: 'decline', reason: 'Fully booked in March.' })).status).toBe(302)
    const [after] = await db().select().from(schema.offers).where(eq(schema.offers.id, o.id))
    expect([after!.status, after!.responseNote]).toEqual(['declined', 'Fully booked in March.'])
    expect((await accept(w, o.id, cookie)).status).toBe(409)
    expect((await auditFor(o.id)).map((e) => e.action)).toEqual(['offer.sent', 'offer.declined'])
    expect((await outboxTo(w.manager.email)).map((m) => m.subject)).toEqual(['Maya Test declined your offer for Spring Trail'])
  })

  it('an agent counters; the manager accepts the counter: the new fee is committed, with deliverables', async () => {
    const w = await world()
    const { offers } = await sendTo(w, [w.a.creator.id])
    const o = offers[0]!
    const agentCookie = await cookieFor(w.agency.agent)
    const params = { creator: w.a.creator.id, offer: o.id }
    const same = await post(offerPage, '/x', params, agentCookie, { intent: 'counter', fee: '1800', note: '' })
    expect(same.status).toBe(400)
    expect((await post(offerPage, '/x', params, agentCookie, { intent: 'counter', fee: '2,250.50', note: 'Two shoot days.' })).status).toBe(302)
    let [row] = await db().select().from(schema.offers).where(eq(schema.offers.id, o.id))
    expect([row!.status, row!.counterFeeMinor, row!.counteredByUserId]).toEqual(['countered', 225_050, w.agency.agent.id])
    // While countered, the creator cannot accept the original terms.
    expect((await accept(w, o.id, await cookieFor(w.a.user))).status).toBe(409)
    const path = `/b/${w.brand.slug}/campaigns/${w.campaignId}/offers`
    expect((await post(offersRoute, path, w.cp, w.mCookie, { intent: 'accept-counter', offerId: o.id })).status).toBe(302)
    ;[row] = await db().select().from(schema.offers).where(eq(schema.offers.id, o.id))
    expect([row!.status, row!.feeMinor, row!.acceptedByUserId]).toEqual(['accepted', 225_050, w.manager.id])
    const costs = await db().select().from(schema.costEntries).where(eq(schema.costEntries.offerId, o.id))
    expect(costs.map((c) => c.amountMinor)).toEqual([225_050])
    expect(await db().select().from(schema.deliverables).where(eq(schema.deliverables.offerId, o.id))).toHaveLength(3)
    const audit = await auditFor(o.id)
    expect(audit.map((e) => e.action)).toEqual(['offer.sent', 'offer.countered', 'offer.counter_accepted'])
    expect(audit[1]!.actorUserId).toBe(w.agency.agent.id)
    expect(audit[1]!.actingForCreatorId).toBe(w.a.creator.id)
    const creatorMail = (await outboxTo(w.a.creator.email)).find((m) => m.template === 'counter-accepted')!
    expect(creatorMail.ccAddresses).toEqual([w.agency.agent.email])
    // Answering twice: there is no counter any more.
    expect((await post(offersRoute, path, w.cp, w.mCookie, { intent: 'accept-counter', offerId: o.id })).status).toBe(409)
  })

  it('the manager declines a counter with a note: the original offer stands and can be accepted', async () => {
    const w = await world()
    const { offers } = await sendTo(w, [w.a.creator.id])
    const o = offers[0]!
    const cookie = await cookieFor(w.a.user)
    const params = { creator: w.a.creator.id, offer: o.id }
    await post(offerPage, '/x', params, cookie, { intent: 'counter', fee: '3000' })
    const path = `/b/${w.brand.slug}/campaigns/${w.campaignId}/offers`
    const noNote = await post(offersRoute, path, w.cp, w.mCookie, { intent: 'decline-counter', offerId: o.id, note: '' })
    expect(noNote.status).toBe(400)
    expect((await post(offersRoute, path, w.cp, w.mCookie, { intent: 'decline-counter', offerId: o.id, note: 'Budget is fixed at 1,800.' })).status).toBe(302)
    const [row] = await db().select().from(schema.offers).where(eq(schema.offers.id, o.id))
    expect([row!.status, row!.responseNote, row!.feeMinor]).toEqual(['invited', 'Budget is fixed at 1,800.', 180_000])
    expect((await getCreatorTodos(w.a.creator.id))[0]!.detail).toMatch(/declined your counter/)
    expect((await accept(w, o.id, cookie)).status).toBe(302)
    const costs = await db().select().from(schema.costEntries).where(eq(schema.costEntries.offerId, o.id))
    expect(costs.map((c) => c.amountMinor)).toEqual([180_000])
    expect((await auditFor(o.id)).map((e) => e.action)).toEqual(['offer.sent', 'offer.countered', 'offer.counter_declined', 'offer.accepted'])
  })

  it('warns before an offer would take committed fees over budget, and sends only when confirmed', async () => {
    // Budget $5,000. Accepted $1,800 (committed). Two more at $1,800 would make $5,400 > $5,000.
    const w = await world({ budget: '5000' })
    const c = await createCreator({ brandIds: [w.brand.id] })
    const { offers } = await sendTo(w, [w.a.creator.id])
    await accept(w, offers[0]!.id, await cookieFor(w.a.user))
    const warned = await sendTo(w, [w.b.creator.id, c.creator.id])
    expect(warned.r.status).toBe(200)
    expect((warned.r.data as { overBudget: unknown }).overBudget).toEqual({ budgetMinor: 500_000, committedMinor: 180_000, offeredMinor: 360_000, currency: 'USD' })
    expect(warned.offers).toHaveLength(1)
    // One creator at $1,800 fits exactly ($3,600 <= $5,000): no warning.
    const fits = await sendTo(w, [w.b.creator.id])
    expect(fits.r.status).toBe(302)
    const confirmed = await sendTo(w, [c.creator.id], { fee: '1500.01', confirmOverBudget: '1' })
    expect(confirmed.r.status).toBe(302)
    expect(confirmed.offers).toHaveLength(3)
    // Accepting a counter that goes over budget warns too, and goes through when confirmed.
    const counterTo = confirmed.offers.find((o) => o.creatorId === c.creator.id)!
    await post(offerPage, '/x', { creator: c.creator.id, offer: counterTo.id }, await cookieFor(c.user), { intent: 'counter', fee: '3500' })
    const path = `/b/${w.brand.slug}/campaigns/${w.campaignId}/offers`
    const warnCounter = await post(offersRoute, path, w.cp, w.mCookie, { intent: 'accept-counter', offerId: counterTo.id })
    expect(warnCounter.status).toBe(200)
    expect((warnCounter.data as { overBudget: { committedMinor: number; offeredMinor: number } }).overBudget).toMatchObject({ committedMinor: 180_000, offeredMinor: 350_000 })
    expect((await post(offersRoute, path, w.cp, w.mCookie, { intent: 'accept-counter', offerId: counterTo.id, confirmOverBudget: '1' })).status).toBe(302)
    // Sending again to someone with an open offer is refused.
    const dupe = await sendTo(w, [w.b.creator.id])
    expect(dupe.r.status).toBe(409)
  })

  it('refuses bad offers with messages next to the fields', async () => {
    const w = await world()
    const r = await post(offersRoute, '/x', w.cp, w.mCookie, { ...OFFER, creatorIds: [w.a.creator.id], fee: 'lots', d0_platform: 'tiktok', d1_format: '', expiresOn: day(-1) })
    expect(r.status).toBe(400)
    const errors = formError(r).fieldErrors!
    expect(errors.fee?.[0]).toMatch(/as a number/)
    expect(errors.d0_platform?.[0]).toMatch(/not available on tiktok/)
    // What was typed comes back, so a page rendered without JavaScript shows the form as filled.
    const values = (r.data as { values: Record<string, unknown> }).values
    expect([values.fee, values.creatorIds, values.d0_format]).toEqual(['lots', w.a.creator.id, 'reel'])
    const past = await post(offersRoute, '/x', w.cp, w.mCookie, { ...OFFER, creatorIds: [w.a.creator.id], expiresOn: day(-1) })
    expect(past.status).toBe(400)
    expect(formError(past).fieldErrors?.expiresOn?.[0]).toMatch(/future/)
    const nobody = await post(offersRoute, '/x', w.cp, w.mCookie, { ...OFFER })
    expect(formError(nobody).fieldErrors?.creatorIds).toEqual(['Pick at least one creator.'])
    const stranger = await createCreator()
    const notRoster = await post(offersRoute, '/x', w.cp, w.mCookie, { ...OFFER, creatorIds: [stranger.creator.id] })
    expect(notRoster.status).toBe(400)
    expect(await db().select().from(schema.offers).where(eq(schema.offers.campaignId, w.campaignId))).toEqual([])
  })
})

describe('briefs: versions, diff and re-acknowledge', () => {
  it('publishing after acceptance asks the creator to re-acknowledge, emails them, and shows what changed', async () => {
    const w = await world()
    const { offers } = await sendTo(w, [w.a.creator.id])
    const o = offers[0]!
    const cookie = await cookieFor(w.a.user)
    await accept(w, o.id, cookie)
    const path = `/b/${w.brand.slug}/campaigns/${w.campaignId}/brief`
    // Nothing changed: refused.
    const same = await post(briefRoute, path, w.cp, w.mCookie, { ...BRIEF, intent: 'publish', baseVersion: '1' })
    expect(same.status).toBe(409)
    // Stale editor (opened on v0): refused.
    const stale = await post(briefRoute, path, w.cp, w.mCookie, { ...BRIEF, hashtags: 'New', intent: 'publish', baseVersion: '0' })
    expect(stale.status).toBe(409)
    const v2 = { ...BRIEF, hashtags: 'AcmeTrail3\nAcmePartner', bannedWords: '', intent: 'publish', baseVersion: '1' }
    expect((await post(briefRoute, path, w.cp, w.mCookie, v2)).status).toBe(302)
    const versions = await db().select().from(schema.briefVersions).where(eq(schema.briefVersions.brandId, w.brand.id))
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2])
    const mail = (await outboxTo(w.a.creator.email)).find((m) => m.template === 'brief-updated')!
    expect(mail.ccAddresses).toEqual([w.agency.agent.email])
    expect(mail.text).toContain('Mandatory hashtags; Banned words')
    const todos = (await getCreatorTodos(w.a.creator.id)).filter((t) => t.kind !== 'draft_due')
    expect(todos.map((t) => [t.kind, t.id])).toEqual([['brief_reack', o.id]])

    const params = { creator: w.a.creator.id, offer: o.id }
    const page = await get(offerPage, '/x', params, cookie)
    const d = page.data as { needsReack: boolean; changes: unknown[] }
    expect(d.needsReack).toBe(true)
    expect(d.changes).toEqual([
      { field: 'hashtags', label: 'Mandatory hashtags', kind: 'list', added: ['#AcmePartner'], removed: [] },
      { field: 'bannedWords', label: 'Banned words', kind: 'list', added: [], removed: ['cure'] },
    ])
    // Acknowledging an old version is refused; the current one works once.
    expect((await post(offerPage, '/x', params, cookie, { intent: 'acknowledge', version: '1' })).status).toBe(409)
    expect((await post(offerPage, '/x', params, cookie, { intent: 'acknowledge', version: '2' })).status).toBe(302)
    expect((await post(offerPage, '/x', params, cookie, { intent: 'acknowledge', version: '2' })).status).toBe(302)
    const [row] = await db().select().from(schema.offers).where(eq(schema.offers.id, o.id))
    expect(row!.acknowledgedBriefVersion).toBe(2)
    expect((await auditFor(o.id)).filter((e) => e.action === 'brief.acknowledged')).toHaveLength(1)
    expect((await getCreatorTodos(w.a.creator.id)).filter((t) => t.kind === 'brief_reack')).toEqual([])
    const brief = await db().select().from(schema.briefs).where(eq(schema.briefs.campaignId, w.campaignId))
    expect((await auditFor(brief[0]!.id)).map((e) => e.action)).toEqual(['brief.published', 'brief.published'])
  })

  it('creators only see published versions; saving a draft changes nothing for them', async () => {
    const w = await world()
    const { offers } = await sendTo(w, [w.a.creator.id])
    const path = `/b/${w.brand.slug}/campaigns/${w.campaignId}/brief`
    expect((await post(briefRoute, path, w.cp, w.mCookie, { ...BRIEF, overview: 'Secret new plan', intent: 'save', baseVersion: '1' })).status).toBe(302)
    const page = await get(offerPage, '/x', { creator: w.a.creator.id, offer: offers[0]!.id }, await cookieFor(w.a.user))
    expect((page.data as { brief: { overview: string } }).brief.overview).toBe(BRIEF.overview)
    const brand = await get(briefRoute, path, w.cp, w.mCookie)
    expect((brand.data as { pending: { field: string }[] }).pending.map((c) => c.field)).toEqual(['overview'])
  })
})

describe('campaigns made elsewhere', () => {
  it('a campaign without a brief row (imported or seeded elsewhere) gets one on first save or publish', async () => {
    const brand = await createBrand()
    const cookie = await cookieFor(await addMember(brand.id, 'manager'))
    const [c] = await db().insert(schema.campaigns).values({ brandId: brand.id, name: 'Imported', status: 'active' }).returning()
    const p = { brand: brand.slug, campaign: c!.id }
    const page = await get(briefRoute, '/x', p, cookie)
    expect(page.status).toBe(200)
    expect((page.data as { currentVersion: number }).currentVersion).toBe(0)
    expect((await post(briefRoute, '/x', p, cookie, { ...BRIEF, intent: 'publish', baseVersion: '0' })).status).toBe(302)
    const [brief] = await db().select().from(schema.briefs).where(eq(schema.briefs.campaignId, c!.id))
    expect(brief!.currentVersion).toBe(1)
  })
})

describe('campaign status and deadlines', () => {
  it('moves draft -> active -> completed -> archived only', async () => {
    const brand = await createBrand()
    const cookie = await cookieFor(await addMember(brand.id, 'admin'))
    const created = await post(newCampaignRoute, '/x', { brand: brand.slug }, cookie, { intent: 'create', name: 'C', budget: '100', currency: 'USD' })
    const id = /campaigns\/([^/]+)\//.exec(created.location!)![1]!
    const p = { brand: brand.slug, campaign: id }
    // The overview offers the moves the campaign machine allows from its status (worked out by the loader).
    const next = async () => ((await get(overviewRoute, `/b/${brand.slug}/campaigns/${id}`, p, cookie)).data as { next: string[] }).next
    expect(await next()).toEqual(['active', 'archived'])
    expect((await post(overviewRoute, '/x', p, cookie, { intent: 'status', status: 'completed' })).status).toBe(409)
    for (const s of ['active', 'completed', 'archived']) expect((await post(overviewRoute, '/x', p, cookie, { intent: 'status', status: s })).status).toBe(302)
    expect(await next()).toEqual([])
    expect((await post(overviewRoute, '/x', p, cookie, { intent: 'status', status: 'active' })).status).toBe(409)
    const edit = await post(overviewRoute, '/x', p, cookie, { intent: 'update', name: 'Renamed', budget: '1', currency: 'USD' })
    expect(edit.status).toBe(409)
    expect((await auditFor(id)).map((e) => e.action)).toEqual(['campaign.created', 'campaign.status_changed', 'campaign.status_changed', 'campaign.status_changed'])
  })

  it('creating and editing a campaign store every field of the form, and the edit is audited before and after', async () => {
    const brand = await createBrand()
    const cookie = await cookieFor(await addMember(brand.id, 'manager'))
    const fields = { name: 'Trail week', objective: 'Launch', startsOn: '2026-06-01', endsOn: '2026-06-30', platforms: ['instagram', 'tiktok'], attributionWindowDays: '14' }
    const created = await post(newCampaignRoute, '/x', { brand: brand.slug }, cookie, { intent: 'create', ...fields, budget: '1,250.50', currency: 'EUR' })
    expect(created.status).toBe(302)
    const id = /campaigns\/([^/]+)\//.exec(created.location!)![1]!
    const read = async () => (await db().select().from(schema.campaigns).where(eq(schema.campaigns.id, id)))[0]!
    const pick = (c: typeof schema.campaigns.$inferSelect) => ({ name: c.name, objective: c.objective, startsOn: c.startsOn, endsOn: c.endsOn, platforms: c.platforms, budgetMinor: c.budgetMinor, attributionWindowDays: c.attributionWindowDays, currency: c.currency, status: c.status })
    // 1,250.50 EUR is 125,050 cents.
    expect(pick(await read())).toEqual({ name: 'Trail week', objective: 'Launch', startsOn: '2026-06-01', endsOn: '2026-06-30', platforms: ['instagram', 'tiktok'], budgetMinor: 125_050, attributionWindowDays: 14, currency: 'EUR', status: 'draft' })
    const edit = await post(overviewRoute, '/x', { brand: brand.slug, campaign: id }, cookie, {
      intent: 'update',
      name: 'Trail fortnight',
      objective: 'Launch and sell',
      startsOn: '2026-06-01',
      endsOn: '2026-07-14',
      platforms: ['youtube'],
      attributionWindowDays: '30',
      budget: '2000',
      currency: 'USD',
    })
    expect(edit.status).toBe(302)
    expect(pick(await read())).toEqual({ name: 'Trail fortnight', objective: 'Launch and sell', startsOn: '2026-06-01', endsOn: '2026-07-14', platforms: ['youtube'], budgetMinor: 200_000, attributionWindowDays: 30, currency: 'USD', status: 'draft' })
    const updated = (await auditFor(id)).filter((e) => e.action === 'campaign.updated')
    expect(updated.map((e) => [e.before, e.after])).toEqual([
      [
        { name: 'Trail week', budgetMinor: 125_050, startsOn: '2026-06-01', endsOn: '2026-06-30', attributionWindowDays: 14 },
        { name: 'Trail fortnight', budgetMinor: 200_000, startsOn: '2026-06-01', endsOn: '2026-07-14', attributionWindowDays: 30 },
      ],
    ])
  })

  it('reminds once 48 hours before expiry and marks past offers expired', async () => {
    const w = await world()
    const { offers } = await sendTo(w, [w.a.creator.id, w.b.creator.id])
    const soon = offers.find((o) => o.creatorId === w.a.creator.id)!
    const gone = offers.find((o) => o.creatorId === w.b.creator.id)!
    const now = new Date()
    await db().update(schema.offers).set({ expiresAt: new Date(now.getTime() + 20 * 3600_000) }).where(eq(schema.offers.id, soon.id))
    await db().update(schema.offers).set({ expiresAt: new Date(now.getTime() - 1000) }).where(eq(schema.offers.id, gone.id))
    await processOfferDeadlines(db(), now)
    await processOfferDeadlines(db(), now)
    const reminders = (await outboxTo(w.a.creator.email)).filter((m) => m.template === 'offer-expiring')
    expect(reminders).toHaveLength(1)
    expect(reminders[0]!.ccAddresses).toEqual([w.agency.agent.email])
    expect((await outboxTo(w.b.creator.email)).filter((m) => m.template === 'offer-expiring')).toHaveLength(0)
    const [g] = await db().select().from(schema.offers).where(and(eq(schema.offers.id, gone.id)))
    expect(g!.status).toBe('expired')
    expect((await auditFor(gone.id)).map((e) => e.action)).toEqual(['offer.sent', 'offer.expired'])
  })
})

describe('roster: social accounts and representation', () => {
  it('records an account with a dated follower snapshot; recording it again adds a snapshot; off-roster creators are 404', async () => {
    const brand = await createBrand()
    const cookie = await cookieFor(await addMember(brand.id, 'manager'))
    const a = await createCreator({ brandIds: [brand.id] })
    const p = { brand: brand.slug, creator: a.creator.id }
    const handle = `maya${Date.now().toString(36)}`
    const bad = await post(accountsRoute, '/x', p, cookie, { intent: 'add-account', platform: 'instagram', handle: 'not valid!', followers: 'many' })
    expect(bad.status).toBe(400)
    expect(Object.keys(formError(bad).fieldErrors!).sort()).toEqual(['followers', 'handle'])
    expect((await post(accountsRoute, '/x', p, cookie, { intent: 'add-account', platform: 'instagram', handle: `@${handle.toUpperCase()}`, profileUrl: '', followers: '48200' })).status).toBe(302)
    expect((await post(accountsRoute, '/x', p, cookie, { intent: 'add-account', platform: 'instagram', handle, followers: '49000' })).status).toBe(302)
    const [acct] = await db().select().from(schema.socialAccounts).where(eq(schema.socialAccounts.handle, handle))
    expect([acct!.creatorId, acct!.followers]).toEqual([a.creator.id, 49_000])
    const snaps = await db().select().from(schema.followerSnapshots).where(eq(schema.followerSnapshots.socialAccountId, acct!.id)).orderBy(schema.followerSnapshots.followers)
    expect(snaps.map((s) => [s.followers, s.source])).toEqual([[48_200, 'manual'], [49_000, 'manual']])
    expect((await auditFor(acct!.id)).map((e) => e.action)).toEqual(['social_account.added', 'social_account.followers_recorded'])
    // The same handle for another creator is refused.
    const b = await createCreator({ brandIds: [brand.id] })
    const taken = await post(accountsRoute, '/x', { brand: brand.slug, creator: b.creator.id }, cookie, { intent: 'add-account', platform: 'instagram', handle, followers: '1' })
    expect(taken.status).toBe(409)
    // A creator on another brand's roster only.
    const stranger = await createCreator({ brandIds: [(await createBrand()).id] })
    expect((await post(accountsRoute, '/x', { brand: brand.slug, creator: stranger.creator.id }, cookie, { intent: 'add-account', platform: 'tiktok', handle: `${handle}x`, followers: '1' })).status).toBe(404)
    expect((await get(accountsRoute, '/x', { brand: brand.slug, creator: stranger.creator.id }, cookie)).status).toBe(404)

    expect((await post(accountsRoute, '/x', p, cookie, { intent: 'represented-by', representedBy: 'Northstar Talent' })).status).toBe(302)
    const [entry] = await db().select().from(schema.rosterEntries).where(and(eq(schema.rosterEntries.brandId, brand.id), eq(schema.rosterEntries.creatorId, a.creator.id)))
    expect(entry!.representedBy).toBe('Northstar Talent')
  })
})
