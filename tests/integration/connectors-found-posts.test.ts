import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { config, setConfig } from '#app/config.server.ts'
import * as connectionsRoute from '#app/routes/c+/$creator+/connections.tsx'
import * as callbackRoute from '#app/routes/connect.instagram.callback.tsx'
import * as creatorPostRoute from '#app/routes/c+/$creator+/posts.$deliverable.tsx'
import * as verifyRoute from '#app/routes/b+/$brand+/posts.$post.tsx'
import { syncAllConnections } from '#app/services/connectors/sync-connections.server.ts'
import { createCollaboration, createPostsWorld } from '#tests/factories-posts.ts'
import { addMember, call, cookieFor, createAgency, createBrand, createCreator, makeRequest, uid } from '#tests/factories.ts'
import { startFakeInstagram, type FakeInstagram } from '#tests/fakes/instagram.ts'

/**
 * Issue #20, "posts found and verified": the connectors.sync job (against the fake Instagram) proposes a
 * post to the creator; the live-post page shows it only to them; "Use this post" submits it with the
 * caption Instagram returned; "Not this one" dismisses it (audited); the brand's verify page shows the read.
 */
let fake: FakeInstagram
let before: ReturnType<typeof config>

beforeAll(async () => {
  fake = await startFakeInstagram()
  before = config()
  setConfig({ INSTAGRAM_CLIENT_ID: fake.clientId, INSTAGRAM_CLIENT_SECRET: fake.clientSecret, CONNECTIONS_KEY: 'cd'.repeat(32), INSTAGRAM_AUTH_URL: fake.url, INSTAGRAM_GRAPH_URL: fake.url })
})
afterAll(async () => {
  setConfig(before)
  await fake.close()
})

const ctx = { requestId: 'test', ip: '127.0.0.1' }
const APPROVED = '#ad Race day with #AcmeRunning'
const FROM_IG = 'Race day with #acmerunning 🏃 #ad'

/** A brand, a creator connected to the fake Instagram, a deliverable whose window opened today, and the post the sync job proposed. */
async function foundWorld() {
  const w = await createPostsWorld()
  const cookie = await cookieFor(w.creatorUser)
  const ig = fake.addUser({ id: `1784${Math.floor(Math.random() * 1e12)}`, username: `maya_${uid().toLowerCase()}`, followers_count: 900 })
  fake.consentAs = ig.id
  const start = await call(() => connectionsRoute.action({ request: makeRequest(`/c/${w.creator.id}/connections`, { form: { intent: 'connect', platform: 'instagram' }, cookie }), params: { creator: w.creator.id }, context: ctx }))
  const back = new URL((await fetch(new URL(start.location!), { redirect: 'manual' })).headers.get('location')!)
  await call(() => callbackRoute.loader({ request: makeRequest(`${back.pathname}${back.search}`, { cookie }), params: { platform: 'instagram' }, context: ctx }))
  const [conn] = await db().select().from(schema.platformConnections).where(eq(schema.platformConnections.creatorId, w.creator.id))
  const today = new Date().toISOString().slice(0, 10)
  const collab = await createCollaboration({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: w.creator.id, postWindowStart: today, postWindowEnd: null, caption: APPROVED })
  const media = fake.addMedia(ig.id, { id: `F${uid()}`, caption: FROM_IG })
  const s = await syncAllConnections(new Date(), { connectionIds: [conn!.id] })
  expect(s.proposals).toBe(1)
  const path = `/c/${w.creator.id}/posts/${collab.deliverable.id}`
  const params = { creator: w.creator.id, deliverable: collab.deliverable.id }
  const load = async (c: string | undefined, query = '') => call(() => creatorPostRoute.loader({ request: makeRequest(`${path}${query}`, { cookie: c }), params, context: ctx }))
  const act = async (c: string | undefined, form: Record<string, string>) => call(() => creatorPostRoute.action({ request: makeRequest(path, { cookie: c, form }), params, context: ctx }))
  return { ...w, cookie, ig, conn: conn!, found: collab.deliverable, media, load, act }
}

type PageData = Awaited<ReturnType<typeof creatorPostRoute.loader>>
const dataOf = (r: { data: unknown }) => r.data as PageData
const readOf = async (deliverableId: string) => (await db().select().from(schema.platformPostReads).where(eq(schema.platformPostReads.deliverableId, deliverableId)))[0]!

describe('a post found on the connected Instagram account', () => {
  it('is shown on the live-post page to its creator and an agent with "Submit content" only; another creator and a brand get 404', async () => {
    const w = await foundWorld()
    const page = await w.load(w.cookie)
    expect(page.status).toBe(200)
    expect(dataOf(page).found).toMatchObject({ platformName: 'Instagram', permalink: w.media.permalink, caption: FROM_IG, postedOn: w.media.timestamp.slice(0, 10) })
    expect(dataOf(page).usingFound).toBe(false)
    // "Use this post" fills the form in from the read.
    expect(dataOf(await w.load(w.cookie, '?use=found')).usingFound).toBe(true)
    // The creator's other deliverable (no proposal) shows none.
    const other = await call(() => creatorPostRoute.loader({ request: makeRequest(`/c/${w.creator.id}/posts/${w.deliverable.id}`, { cookie: w.cookie }), params: { creator: w.creator.id, deliverable: w.deliverable.id }, context: ctx }))
    expect(dataOf(other).found).toBeNull()

    const agent = await createAgency({ representing: [{ creatorId: w.creator.id, scopes: ['submit_content'] }] })
    expect(dataOf(await w.load(await cookieFor(agent.agent))).found).toMatchObject({ permalink: w.media.permalink })
    const viewer = await createAgency({ representing: [{ creatorId: w.creator.id, scopes: ['answer_offers'] }] })
    const viewed = await w.load(await cookieFor(viewer.agent))
    expect(viewed.status).toBe(200)
    expect(dataOf(viewed).found).toBeNull()
    expect(JSON.stringify(viewed.data)).not.toContain(w.media.permalink)

    const stranger = await createCreator()
    expect((await w.load(await cookieFor(stranger.user!))).status).toBe(404)
    const brand = await createBrand()
    expect((await w.load(await cookieFor(await addMember(brand.id, 'manager')))).status).toBe(404)
    expect((await w.load(await cookieFor(w.manager))).status).toBe(404)
  })

  it('"Use this post" submits it with the caption Instagram returned, not the typed one; the brand sees "From Instagram"', async () => {
    const w = await foundWorld()
    const postedOn = w.media.timestamp.slice(0, 10)
    const r = await w.act(w.cookie, { intent: 'submit', url: w.media.permalink, postedOn, caption: 'Race day', platformLabel: 'on' })
    expect(r.status).toBe(302)
    const [post] = await db().select().from(schema.posts).where(eq(schema.posts.deliverableId, w.found.id))
    expect(post).toMatchObject({ url: w.media.permalink, captionAsPosted: FROM_IG, status: 'submitted', platformLabelDeclared: true })
    // The disclosure checker ran on Instagram's caption (it carries #ad), not on the typed "Race day".
    const findings = post!.findings as { ruleId: string }[]
    expect(findings.map((f) => f.ruleId)).not.toContain('LX-01') // "Race day" alone would be LX-01 (no disclosure)
    expect((await readOf(w.found.id)).status).toBe('used')
    const [audit] = await db().select().from(schema.auditEvents).where(and(eq(schema.auditEvents.entityId, post!.id), eq(schema.auditEvents.action, 'post.submitted')))
    expect(audit!.after).toMatchObject({ captionFrom: 'instagram' })
    // The proposal is answered: the page no longer offers it.
    expect(dataOf(await w.load(w.cookie)).found).toBeNull()

    const verify = await call(async () => verifyRoute.loader({ request: makeRequest(`/b/${w.brand.slug}/posts/${post!.id}`, { cookie: await cookieFor(w.manager) }), params: { brand: w.brand.slug, post: post!.id }, context: ctx }))
    const page = (verify.data as Awaited<ReturnType<typeof verifyRoute.loader>>).page
    expect(page.post.caption).toBe(FROM_IG)
    expect(page.platformRead).toMatchObject({ platformName: 'Instagram', permalink: w.media.permalink, caption: FROM_IG, postedAt: new Date(w.media.timestamp).toISOString() })
    expect(page.platformRead!.fetchedAt).toBe((await readOf(w.found.id)).fetchedAt.toISOString())
  })

  it('on submit the post is read again from Instagram: a caption edited since it was found is the one stored; a rate limit keeps the stored read', async () => {
    const w = await foundWorld()
    const found = await readOf(w.found.id)
    w.media.caption = '#ad Race day with #acmerunning (edited)'
    const postedOn = w.media.timestamp.slice(0, 10)
    const calls = fake.calls.filter((c) => c.path === `/${w.media.id}`).length
    expect((await w.act(w.cookie, { intent: 'submit', url: w.media.permalink, postedOn, caption: 'typed', platformLabel: 'on' })).status).toBe(302)
    expect(fake.calls.filter((c) => c.path === `/${w.media.id}`).length).toBe(calls + 1)
    const [post] = await db().select().from(schema.posts).where(eq(schema.posts.deliverableId, w.found.id))
    expect(post!.captionAsPosted).toBe('#ad Race day with #acmerunning (edited)')
    const read = await readOf(w.found.id)
    expect(read.caption).toBe('#ad Race day with #acmerunning (edited)')
    expect(read.fetchedAt.getTime()).toBeGreaterThan(found.fetchedAt.getTime())

    // Instagram answers the second read with a rate limit: the submission still goes through, with the read stored before.
    const w2 = await foundWorld()
    w2.media.caption = 'changed after it was found'
    fake.rateLimit = { remaining: 1, code: 4 }
    try {
      expect((await w2.act(w2.cookie, { intent: 'submit', url: w2.media.permalink, postedOn, caption: 'typed', platformLabel: 'on' })).status).toBe(302)
    } finally {
      fake.rateLimit = { remaining: 0, code: 4 }
    }
    const [post2] = await db().select().from(schema.posts).where(eq(schema.posts.deliverableId, w2.found.id))
    expect(post2!.captionAsPosted).toBe(FROM_IG)
  })

  it('"Not this one" dismisses it (audited); a typed post then keeps its typed caption and the brand sees no platform read', async () => {
    const w = await foundWorld()
    const stranger = await createCreator()
    expect((await w.act(await cookieFor(stranger.user!), { intent: 'dismiss-found' })).status).toBe(404)
    expect((await readOf(w.found.id)).status).toBe('proposed')

    const agent = await createAgency({ representing: [{ creatorId: w.creator.id, scopes: ['submit_content'] }] })
    const r = await w.act(await cookieFor(agent.agent), { intent: 'dismiss-found' })
    expect(r.status).toBe(302)
    const read = await readOf(w.found.id)
    expect(read.status).toBe('dismissed')
    const audit = await db().select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, read.id))
    expect(audit.map((a) => [a.action, a.actorUserId, a.actingForCreatorId, a.brandId])).toEqual([['post_read.dismissed', agent.agent.id, w.creator.id, w.brand.id]])
    expect(dataOf(await w.load(w.cookie)).found).toBeNull()
    // Answered already: a second "Not this one" is a 409, not a second audit event.
    expect((await w.act(w.cookie, { intent: 'dismiss-found' })).status).toBe(409)

    const url = `https://www.instagram.com/reel/T${uid()}/`
    expect((await w.act(w.cookie, { intent: 'submit', url, postedOn: new Date().toISOString().slice(0, 10), caption: '#ad typed by hand', platformLabel: 'on' })).status).toBe(302)
    const [post] = await db().select().from(schema.posts).where(eq(schema.posts.deliverableId, w.found.id))
    expect(post!.captionAsPosted).toBe('#ad typed by hand')
    const verify = await call(async () => verifyRoute.loader({ request: makeRequest(`/b/${w.brand.slug}/posts/${post!.id}`, { cookie: await cookieFor(w.manager) }), params: { brand: w.brand.slug, post: post!.id }, context: ctx }))
    expect((verify.data as Awaited<ReturnType<typeof verifyRoute.loader>>).page.platformRead).toBeNull()
  })

  it('after "Not this one" the same post is never proposed again, and the right post is proposed when it appears', async () => {
    const w = await foundWorld()
    expect((await w.act(w.cookie, { intent: 'dismiss-found' })).status).toBe(302)
    // The sync reads the account again: the dismissed post A is still there and still matches, but is not proposed.
    const again = await syncAllConnections(new Date(), { connectionIds: [w.conn.id] })
    expect(again.proposals).toBe(0)
    expect(dataOf(await w.load(w.cookie)).found).toBeNull()
    // Post B (the right one) appears on the account: the next run proposes it.
    const b = fake.addMedia(w.ig.id, { id: `G${uid()}`, caption: '#ad The real race day with #AcmeRunning' })
    const next = await syncAllConnections(new Date(), { connectionIds: [w.conn.id] })
    expect(next.proposals).toBe(1)
    expect(dataOf(await w.load(w.cookie)).found).toMatchObject({ permalink: b.permalink, caption: '#ad The real race day with #AcmeRunning' })
    const reads = await db().select().from(schema.platformPostReads).where(eq(schema.platformPostReads.deliverableId, w.found.id))
    expect(reads.map((r) => [r.externalId, r.status]).sort()).toEqual([[w.media.id, 'dismissed'], [b.id, 'proposed']].sort())
    // B dismissed too: A is still not proposed again (nor B), so nothing is.
    expect((await w.act(w.cookie, { intent: 'dismiss-found' })).status).toBe(302)
    expect((await syncAllConnections(new Date(), { connectionIds: [w.conn.id] })).proposals).toBe(0)
    expect(dataOf(await w.load(w.cookie)).found).toBeNull()
    // "Use this post" on a later proposal still records the platform's caption: C appears, is proposed and submitted.
    const c = fake.addMedia(w.ig.id, { id: `H${uid()}`, caption: '#ad Third time, #acmerunning' })
    expect((await syncAllConnections(new Date(), { connectionIds: [w.conn.id] })).proposals).toBe(1)
    expect((await w.act(w.cookie, { intent: 'submit', url: c.permalink, postedOn: c.timestamp.slice(0, 10), caption: 'typed', platformLabel: 'on' })).status).toBe(302)
    const [post] = await db().select().from(schema.posts).where(eq(schema.posts.deliverableId, w.found.id))
    expect(post!.captionAsPosted).toBe('#ad Third time, #acmerunning')
    const after = await db().select().from(schema.platformPostReads).where(eq(schema.platformPostReads.deliverableId, w.found.id))
    expect(after.filter((r) => r.status === 'used').map((r) => r.externalId)).toEqual([c.id])
  })
})
