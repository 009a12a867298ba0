import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { config, setConfig } from '#app/config.server.ts'
import { decryptToken } from '#app/services/connectors/token-crypto.server.ts'
import * as connectionsRoute from '#app/routes/c+/$creator+/connections.tsx'
import * as callbackRoute from '#app/routes/connect.instagram.callback.tsx'
import * as rosterProfileRoute from '#app/routes/b+/$brand+/roster_.$creator.tsx'
import { markConnectionLost } from '#app/services/connectors/connections.server.ts'
import { syncAllConnections } from '#app/services/connectors/sync-connections.server.ts'
import { runJobsUntilIdle } from '#app/services/jobs/run-jobs.server.ts'
import { createCollaboration, createPostsWorld, insertPost } from '#tests/factories-posts.ts'
import { addMember, call, cookieFor, createAgency, createBrand, createCreator, createUser, makeRequest, uid } from '#tests/factories.ts'
import { startFakeInstagram, type FakeInstagram } from '#tests/fakes/instagram.ts'

let fake: FakeInstagram
let before: ReturnType<typeof config>

beforeAll(async () => {
  fake = await startFakeInstagram()
  before = config()
  setConfig({
    INSTAGRAM_CLIENT_ID: fake.clientId,
    INSTAGRAM_CLIENT_SECRET: fake.clientSecret,
    CONNECTIONS_KEY: 'ab'.repeat(32),
    INSTAGRAM_AUTH_URL: fake.url,
    INSTAGRAM_GRAPH_URL: fake.url,
  })
})
afterAll(async () => {
  setConfig(before)
  await fake.close()
})

const ctx = { requestId: 'test', ip: '127.0.0.1' }

/** Press "Connect Instagram", let the fake consent, and come back to the callback as `cookie`. */
async function connectThroughFake(creatorId: string, cookie: string | undefined, asCookie = cookie) {
  const start = await call(() => connectionsRoute.action({ request: makeRequest(`/c/${creatorId}/connections`, { form: { intent: 'connect', platform: 'instagram' }, cookie }), params: { creator: creatorId }, context: ctx }))
  expect(start.status).toBe(302)
  const authorize = new URL(start.location!)
  const consent = await fetch(authorize, { redirect: 'manual' })
  expect(consent.status).toBe(302)
  const back = new URL(consent.headers.get('location')!)
  const path = `${back.pathname}${back.search}` // the "#_" fragment never reaches the server
  const done = await call(() => callbackRoute.loader({ request: makeRequest(path, { cookie: asCookie }), params: { platform: 'instagram' }, context: ctx }))
  return { start, authorize, back, path, done }
}

function igUser(followers = 1200, accountType: 'MEDIA_CREATOR' | 'PERSONAL' = 'MEDIA_CREATOR') {
  const id = `1784${Math.floor(Math.random() * 1e12)}`
  return fake.addUser({ id, username: `maya_${uid().toLowerCase()}`, followers_count: followers, account_type: accountType })
}

describe('connecting Instagram (through the fake Instagram API)', () => {
  it('shows the scopes in plain words before consent, then stores an encrypted long-lived token, the account and a follower snapshot', async () => {
    const { creator, user } = await createCreator()
    const cookie = await cookieFor(user!)
    const page = await call(() => connectionsRoute.loader({ request: makeRequest(`/c/${creator.id}/connections`, { cookie }), params: { creator: creator.id }, context: ctx }))
    const data = page.data as Awaited<ReturnType<typeof connectionsRoute.loader>>
    expect(data.connections).toEqual([expect.objectContaining({ platform: 'instagram', status: 'not_connected' })])
    expect(data.canManage).toBe(true)

    const ig = igUser(1200)
    fake.consentAs = ig.id
    const { authorize, done } = await connectThroughFake(creator.id, cookie)
    expect(authorize.pathname).toBe('/oauth/authorize')
    expect(authorize.searchParams.get('scope')).toBe('instagram_business_basic,instagram_business_manage_insights')
    expect(authorize.searchParams.get('redirect_uri')).toBe('http://greenroom.test/connect/instagram/callback')
    expect(authorize.searchParams.get('state')!.length).toBeGreaterThanOrEqual(40)
    expect(done.status).toBe(302)
    expect(done.location).toBe(`/c/${creator.id}/connections`)

    const [conn] = await db().select().from(schema.platformConnections).where(eq(schema.platformConnections.creatorId, creator.id))
    expect(conn).toMatchObject({ platform: 'instagram', status: 'connected', externalUserId: ig.id, username: ig.username })
    const token = decryptToken(conn!.accessTokenEnc)
    expect(conn!.accessTokenEnc).not.toContain(token)
    expect(fake.tokens.get(token)).toMatchObject({ kind: 'long', userId: ig.id })
    // 60 days (5,184,000 s) from the exchange.
    expect(Math.abs(conn!.accessExpiresAt!.getTime() - (Date.now() + 5_184_000_000))).toBeLessThan(60_000)
    const [acct] = await db().select().from(schema.socialAccounts).where(eq(schema.socialAccounts.id, conn!.socialAccountId!))
    expect(acct).toMatchObject({ creatorId: creator.id, platform: 'instagram', handle: ig.username, followers: 1200 })
    const snaps = await db().select().from(schema.followerSnapshots).where(eq(schema.followerSnapshots.socialAccountId, acct!.id))
    expect(snaps.map((s) => [s.followers, s.source])).toEqual([[1200, 'api']])
    const audit = await db().select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, conn!.id))
    expect(audit.map((a) => [a.action, a.actorUserId, a.actingForCreatorId])).toEqual([['connection.connected', user!.id, creator.id]])
  })

  it('refuses a wrong state, a replayed state and a state started by someone else (400), without storing anything', async () => {
    const { creator, user } = await createCreator()
    const cookie = await cookieFor(user!)
    const ig = igUser()
    fake.consentAs = ig.id
    const wrong = await call(() => callbackRoute.loader({ request: makeRequest(`/connect/instagram/callback?code=abc&state=${'x'.repeat(43)}`, { cookie }), params: { platform: 'instagram' }, context: ctx }))
    expect(wrong.status).toBe(400)
    expect(await wrong.response!.text()).toMatch(/not valid any more/)

    const other = await createUser()
    const stolen = await connectThroughFake(creator.id, cookie, await cookieFor(other))
    expect(stolen.done.status).toBe(400)
    // The state is spent: the right user cannot reuse it either.
    const replay = await call(() => callbackRoute.loader({ request: makeRequest(stolen.path, { cookie }), params: { platform: 'instagram' }, context: ctx }))
    expect(replay.status).toBe(400)
    expect(await db().select().from(schema.platformConnections).where(eq(schema.platformConnections.creatorId, creator.id))).toEqual([])
  })

  it('a creator who presses Cancel comes back to the page with nothing connected', async () => {
    const { creator, user } = await createCreator()
    const cookie = await cookieFor(user!)
    fake.consentAs = null
    const { back, done } = await connectThroughFake(creator.id, cookie)
    expect(back.searchParams.get('error')).toBe('access_denied')
    expect(done.status).toBe(302)
    expect(done.location).toBe(`/c/${creator.id}/connections`)
    expect(await db().select().from(schema.platformConnections).where(eq(schema.platformConnections.creatorId, creator.id))).toEqual([])
  })

  it('refuses a personal (not professional) account with a sentence', async () => {
    const { creator, user } = await createCreator()
    const cookie = await cookieFor(user!)
    fake.consentAs = igUser(50, 'PERSONAL').id
    const { done } = await connectThroughFake(creator.id, cookie)
    expect(done.status).toBe(409)
    expect(await done.response!.text()).toMatch(/personal account/)
  })

  it('disconnect deletes the tokens and marks the connection revoked; an agent needs "Submit content"', async () => {
    const { creator, user } = await createCreator()
    const cookie = await cookieFor(user!)
    fake.consentAs = igUser().id
    await connectThroughFake(creator.id, cookie)

    const viewer = await createAgency({ representing: [{ creatorId: creator.id, scopes: ['answer_offers'] }] })
    const viewerCookie = await cookieFor(viewer.agent)
    const refused = await call(() => connectionsRoute.action({ request: makeRequest(`/c/${creator.id}/connections`, { form: { intent: 'disconnect', platform: 'instagram' }, cookie: viewerCookie }), params: { creator: creator.id }, context: ctx }))
    expect(refused.status).toBe(403)

    const agent = await createAgency({ representing: [{ creatorId: creator.id, scopes: ['submit_content'] }] })
    const agentCookie = await cookieFor(agent.agent)
    const r = await call(() => connectionsRoute.action({ request: makeRequest(`/c/${creator.id}/connections`, { form: { intent: 'disconnect', platform: 'instagram' }, cookie: agentCookie }), params: { creator: creator.id }, context: ctx }))
    expect(r.status).toBe(302)
    const [conn] = await db().select().from(schema.platformConnections).where(eq(schema.platformConnections.creatorId, creator.id))
    expect(conn).toMatchObject({ status: 'revoked', accessTokenEnc: '', refreshTokenEnc: null })
    const audit = await db().select().from(schema.auditEvents).where(and(eq(schema.auditEvents.entityId, conn!.id), eq(schema.auditEvents.action, 'connection.disconnected')))
    expect(audit.map((a) => [a.actorUserId, a.actingForCreatorId])).toEqual([[agent.agent.id, creator.id]])

    // The agent with the permission can connect for the creator, too.
    fake.consentAs = igUser().id
    const again = await connectThroughFake(creator.id, agentCookie)
    expect(again.done.status).toBe(302)
    const [back] = await db().select().from(schema.platformConnections).where(eq(schema.platformConnections.creatorId, creator.id))
    expect(back!.status).toBe('connected')
  })

  it('hides the connect buttons when the platform app is not configured', async () => {
    const { creator, user } = await createCreator()
    const cookie = await cookieFor(user!)
    const saved = config()
    setConfig({ INSTAGRAM_CLIENT_ID: undefined, INSTAGRAM_CLIENT_SECRET: undefined })
    try {
      const page = await call(() => connectionsRoute.loader({ request: makeRequest(`/c/${creator.id}/connections`, { cookie }), params: { creator: creator.id }, context: ctx }))
      expect((page.data as { connections: unknown[] }).connections).toEqual([])
      const r = await call(() => connectionsRoute.action({ request: makeRequest(`/c/${creator.id}/connections`, { form: { intent: 'connect', platform: 'instagram' }, cookie }), params: { creator: creator.id }, context: ctx }))
      expect(r.status).toBe(404)
    } finally {
      setConfig(saved)
    }
  })

  it('the brand sees connected / expired / not connected on the roster profile', async () => {
    const brand = await createBrand()
    const manager = await addMember(brand.id, 'manager')
    const mcookie = await cookieFor(manager)
    const { creator, user } = await createCreator({ brandIds: [brand.id] })
    const look = async () => {
      const r = await call(() => rosterProfileRoute.loader({ request: makeRequest(`/b/${brand.slug}/roster/${creator.id}`, { cookie: mcookie }), params: { brand: brand.slug, creator: creator.id }, context: ctx }))
      return (r.data as { connections: { platform: string; status: string }[] }).connections.map((c) => [c.platform, c.status])
    }
    expect(await look()).toEqual([['instagram', 'not_connected']])
    fake.consentAs = igUser().id
    await connectThroughFake(creator.id, await cookieFor(user!))
    expect(await look()).toEqual([['instagram', 'connected']])
    const [conn] = await db().select().from(schema.platformConnections).where(eq(schema.platformConnections.creatorId, creator.id))
    await markConnectionLost(conn!.id, 'expired', 'Session has expired')
    expect(await look()).toEqual([['instagram', 'expired']])
    // The creator is told once, by email.
    const mail = await db().select().from(schema.outboxMessages).where(eq(schema.outboxMessages.template, 'connection-lost'))
    expect(mail.filter((m) => m.toAddresses.includes(creator.email))).toHaveLength(1)
  })
})

const DAY = 86_400_000

/** A brand's creator connected to a fresh fake Instagram account, with a live post of `url` posted 2 days ago. */
async function connectedWorld(followers = 5000) {
  const w = await createPostsWorld()
  const ig = igUser(followers)
  fake.consentAs = ig.id
  await connectThroughFake(w.creator.id, await cookieFor(w.creatorUser))
  const [conn] = await db().select().from(schema.platformConnections).where(eq(schema.platformConnections.creatorId, w.creator.id))
  return { ...w, ig, conn: conn! }
}

describe('the connectors.sync job (against the fake Instagram)', () => {
  it('stores one api snapshot per reading slot, pages through the media list to find the post, and a follower snapshot a day', async () => {
    const w = await connectedWorld(5000)
    // Noon UTC tomorrow: the hour-later run stays on the same UTC day (follower snapshots are per day).
    const now = new Date(`${new Date(Date.now() + DAY).toISOString().slice(0, 10)}T12:00:00Z`)
    const postedAt = new Date(now.getTime() - 2 * DAY - 3_600_000)
    const post = await insertPost({ brandId: w.brand.id, creatorId: w.creator.id, deliverableId: w.deliverable.id, url: `https://www.instagram.com/reel/Q${uid()}/`, postedAt, status: 'submitted' })
    // The post is the oldest of 30: the second page of /me/media (25 a page).
    fake.addMedia(w.ig.id, { id: `m${uid()}`, caption: '#ad run', permalink: post.url, timestamp: postedAt.toISOString().replace(/\.\d{3}Z$/, '+0000'), insights: { views: 9100, reach: 7000, likes: 640, comments: 31, saved: 55, shares: 12 } })
    for (let i = 0; i < 29; i++) fake.addMedia(w.ig.id, { id: `o${i}${uid()}`, caption: `other ${i}` })
    const s1 = await syncAllConnections(now, { connectionIds: [w.conn.id] })
    expect(s1.errors).toEqual([])
    const snaps = () => db().select().from(schema.metricSnapshots).where(eq(schema.metricSnapshots.postId, post.id))
    expect((await snaps()).map((s) => [s.source, s.views, s.reach, s.likes, s.comments, s.saves, s.shares, s.impressions])).toEqual([['api', 9100, 7000, 640, 31, 55, 12, null]])
    expect(fake.calls.filter((c) => c.path === '/me/media' && c.query.access_token && c.query.after).length).toBeGreaterThan(0)
    // The same slot again (an hour later, a retried job): nothing new. The next day's slot: a second reading.
    await syncAllConnections(new Date(now.getTime() + 3_600_000), { connectionIds: [w.conn.id] })
    expect(await snaps()).toHaveLength(1)
    fake.users.get(w.ig.id)!.followers_count = 5100
    await syncAllConnections(new Date(now.getTime() + DAY), { connectionIds: [w.conn.id] })
    expect(await snaps()).toHaveLength(2)
    const followerSnaps = await db().select().from(schema.followerSnapshots).where(eq(schema.followerSnapshots.socialAccountId, w.conn.socialAccountId!))
    // At connect (today), tomorrow's run (same count: a new day's snapshot), the day after (5100).
    expect(followerSnaps.map((f) => f.followers).sort()).toEqual([5000, 5000, 5100])
  })

  it('backs off on a rate-limit answer and reads again after the pause', async () => {
    const w = await connectedWorld()
    const now = new Date()
    fake.rateLimit = { remaining: 1, code: 4 }
    const s = await syncAllConnections(now, { connectionIds: [w.conn.id] })
    expect(s.rateLimited).toBeGreaterThanOrEqual(1)
    const [c1] = await db().select().from(schema.platformConnections).where(eq(schema.platformConnections.id, w.conn.id))
    expect(c1!.status).toBe('connected')
    expect(c1!.rateLimitedUntil!.getTime()).toBe(now.getTime() + 15 * 60_000)
    const calls = fake.calls.length
    await syncAllConnections(new Date(now.getTime() + 5 * 60_000), { connectionIds: [w.conn.id] })
    const [c2] = await db().select().from(schema.platformConnections).where(eq(schema.platformConnections.id, w.conn.id))
    expect(c2!.lastSyncedAt).toBeNull()
    await syncAllConnections(new Date(now.getTime() + 16 * 60_000), { connectionIds: [w.conn.id] })
    const [c3] = await db().select().from(schema.platformConnections).where(eq(schema.platformConnections.id, w.conn.id))
    expect(c3!.lastSyncedAt!.getTime()).toBe(now.getTime() + 16 * 60_000)
    expect(c3!.rateLimitedUntil).toBeNull()
    expect(fake.calls.length).toBeGreaterThan(calls)
  })

  it('a token revoked on the platform marks the connection revoked, deletes the tokens and emails the creator', async () => {
    const w = await connectedWorld()
    const token = decryptToken(w.conn.accessTokenEnc)
    fake.tokens.get(token)!.revoked = true
    const s = await syncAllConnections(new Date(), { connectionIds: [w.conn.id] })
    expect(s.lost).toBe(1)
    const [c] = await db().select().from(schema.platformConnections).where(eq(schema.platformConnections.id, w.conn.id))
    expect(c).toMatchObject({ status: 'revoked', accessTokenEnc: '' })
    const mail = await db().select().from(schema.outboxMessages).where(eq(schema.outboxMessages.template, 'connection-lost'))
    expect(mail.filter((m) => m.toAddresses.includes(w.creator.email))).toHaveLength(1)
  })

  it('refreshes a token within 7 days of expiry (once it is a day old)', async () => {
    const w = await connectedWorld()
    const old = decryptToken(w.conn.accessTokenEnc)
    fake.tokens.get(old)!.issuedAt -= 2 * DAY
    const now = new Date(Date.now() + 55 * DAY) // 5 days before the 60-day expiry
    const s = await syncAllConnections(now, { connectionIds: [w.conn.id] })
    expect(s.refreshed).toBe(1)
    const [c] = await db().select().from(schema.platformConnections).where(eq(schema.platformConnections.id, w.conn.id))
    const fresh = decryptToken(c!.accessTokenEnc)
    expect(fresh).not.toBe(old)
    expect(fake.tokens.get(fresh)).toMatchObject({ kind: 'long' })
    expect(c!.accessExpiresAt!.getTime()).toBe(now.getTime() + 5_184_000_000)
  })

  it('refreshes when it is due even if an hourly run touched the row an hour ago', async () => {
    const w = await connectedWorld()
    const old = decryptToken(w.conn.accessTokenEnc)
    fake.tokens.get(old)!.issuedAt -= 2 * DAY
    const now = new Date(Date.now() + 55 * DAY)
    // The previous hourly run updated the row (updated_at) an hour before this one.
    await db().update(schema.platformConnections).set({ updatedAt: new Date(now.getTime() - 3_600_000) }).where(eq(schema.platformConnections.id, w.conn.id))
    const s = await syncAllConnections(now, { connectionIds: [w.conn.id] })
    expect(s.refreshed).toBe(1)
    const [c] = await db().select().from(schema.platformConnections).where(eq(schema.platformConnections.id, w.conn.id))
    expect(c!.status).toBe('connected')
    expect(decryptToken(c!.accessTokenEnc)).not.toBe(old)
  })

  it('a token the platform rejects before its time is refreshed once; when the refresh is refused too, the connection is expired and the creator told', async () => {
    const w = await connectedWorld()
    const token = decryptToken(w.conn.accessTokenEnc)
    fake.tokens.get(token)!.expiresAt = fake.now - 1 // Instagram ended the session early (190 / 463)
    const refreshesBefore = fake.calls.filter((c) => c.path === '/refresh_access_token').length
    const s = await syncAllConnections(new Date(), { connectionIds: [w.conn.id] })
    expect(s.lost).toBe(1)
    expect(fake.calls.filter((c) => c.path === '/refresh_access_token').length).toBe(refreshesBefore + 1)
    const [c] = await db().select().from(schema.platformConnections).where(eq(schema.platformConnections.id, w.conn.id))
    expect(c!.status).toBe('expired')
    expect(c!.statusReason).toMatch(/Instagram refused to renew the access after rejecting it/)
    const mail = await db().select().from(schema.outboxMessages).where(eq(schema.outboxMessages.template, 'connection-lost'))
    expect(mail.filter((m) => m.toAddresses.includes(w.creator.email))).toHaveLength(1)
  })

  it('an Instagram token past its 60 days cannot be refreshed: expired without asking the platform', async () => {
    const w = await connectedWorld()
    const calls = fake.calls.length
    const s = await syncAllConnections(new Date(Date.now() + 61 * DAY), { connectionIds: [w.conn.id] })
    expect(s.lost).toBe(1)
    expect(fake.calls.length).toBe(calls)
    const [c] = await db().select().from(schema.platformConnections).where(eq(schema.platformConnections.id, w.conn.id))
    expect(c).toMatchObject({ status: 'expired', statusReason: 'The Instagram access expired before it could be refreshed.' })
  })

  it('a refresh answered with a rate limit keeps the connection connected and backs off', async () => {
    const w = await connectedWorld()
    fake.tokens.get(decryptToken(w.conn.accessTokenEnc))!.issuedAt -= 2 * DAY
    const now = new Date(Date.now() + 55 * DAY)
    fake.rateLimit = { remaining: 1, code: 4 }
    const s = await syncAllConnections(now, { connectionIds: [w.conn.id] })
    expect([s.refreshed, s.rateLimited, s.lost]).toEqual([0, 1, 0])
    const [c] = await db().select().from(schema.platformConnections).where(eq(schema.platformConnections.id, w.conn.id))
    expect(c!.status).toBe('connected')
    expect(c!.rateLimitedUntil!.getTime()).toBe(now.getTime() + 15 * 60_000)
    // After the pause the refresh goes through.
    const later = await syncAllConnections(new Date(now.getTime() + 16 * 60_000), { connectionIds: [w.conn.id] })
    expect(later.refreshed).toBe(1)
  })

  it('proposes the post in the window that carries the approved caption\'s hashtags', async () => {
    const w = await connectedWorld()
    const today = new Date().toISOString().slice(0, 10)
    const collab = await createCollaboration({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: w.creator.id, postWindowStart: today, postWindowEnd: null, caption: '#ad Race day with #AcmeRunning' })
    fake.addMedia(w.ig.id, { id: `x${uid()}`, caption: '#ad Race day', permalink: `https://www.instagram.com/reel/N${uid()}/` }) // lacks #acmerunning
    const right = fake.addMedia(w.ig.id, { id: `y${uid()}`, caption: 'Race day with #acmerunning #ad', permalink: `https://www.instagram.com/reel/Y${uid()}/` })
    const s = await syncAllConnections(new Date(), { connectionIds: [w.conn.id] })
    expect(s.proposals).toBeGreaterThanOrEqual(1)
    const [read] = await db().select().from(schema.platformPostReads).where(eq(schema.platformPostReads.deliverableId, collab.deliverable.id))
    expect(read).toMatchObject({ externalId: right.id, permalink: right.permalink, caption: right.caption, status: 'proposed' })
  })

  it('connecting queues a read of that account at once (not at the next hourly run): the job proposes the post', async () => {
    const w = await createPostsWorld()
    const today = new Date().toISOString().slice(0, 10)
    const collab = await createCollaboration({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: w.creator.id, postWindowStart: today, postWindowEnd: null, caption: '#ad Race day with #AcmeRunning' })
    const ig = igUser(800)
    const media = fake.addMedia(ig.id, { id: `z${uid()}`, caption: 'Race day with #acmerunning #ad', permalink: `https://www.instagram.com/reel/Z${uid()}/` })
    fake.consentAs = ig.id
    await connectThroughFake(w.creator.id, await cookieFor(w.creatorUser))
    const [conn] = await db().select().from(schema.platformConnections).where(eq(schema.platformConnections.creatorId, w.creator.id))
    const queued = (await db().select().from(schema.jobs).where(eq(schema.jobs.name, 'connectors.sync'))).filter((j) => JSON.stringify(j.payload).includes(conn!.id))
    expect(queued.map((j) => [j.status, j.payload])).toEqual([['queued', { connectionIds: [conn!.id] }]])
    await runJobsUntilIdle({ only: ['connectors.sync'] })
    const [job] = await db().select().from(schema.jobs).where(eq(schema.jobs.id, queued[0]!.id))
    expect(job!.status).toBe('done')
    const [read] = await db().select().from(schema.platformPostReads).where(eq(schema.platformPostReads.deliverableId, collab.deliverable.id))
    expect(read).toMatchObject({ externalId: media.id, status: 'proposed' })
  })

  it('skips a deleted post without failing the run', async () => {
    const w = await connectedWorld()
    const media = fake.addMedia(w.ig.id, { id: `d${uid()}`, caption: '#ad', insights: { views: 1 } })
    const post = await insertPost({ brandId: w.brand.id, creatorId: w.creator.id, deliverableId: w.deliverable.id, url: media.permalink, postedAt: new Date(Date.now() - DAY), status: 'submitted' })
    // Listed, then deleted before the insights call.
    const origInsights = media.id
    const user = fake.users.get(w.ig.id)!
    const s0 = syncAllConnections(new Date(), { connectionIds: [w.conn.id] })
    user.media = user.media.filter((m) => m.id !== origInsights)
    const s = await s0
    expect(s.lost).toBe(0)
    expect(await db().select().from(schema.metricSnapshots).where(eq(schema.metricSnapshots.postId, post.id))).toEqual([])
  })
})
