import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { config, setConfig } from '#app/config.server.ts'
import { decryptToken, encryptToken } from '#app/services/connectors/token-crypto.server.ts'
import * as connectionsRoute from '#app/routes/c+/$creator+/connections.tsx'
import * as callbackRoute from '#app/routes/connect.tiktok.callback.tsx'
import { syncAllConnections } from '#app/services/connectors/sync-connections.server.ts'
import { createCollaboration, createPostsWorld, insertPost } from '#tests/factories-posts.ts'
import { call, cookieFor, createCreator, createUser, makeRequest, uid } from '#tests/factories.ts'
import { startFakeTikTok, type FakeTikTok } from '#tests/fakes/tiktok.ts'
import { connectThroughFake as connectThroughFakeAs, connectionOf, useFakePlatform } from '#tests/fakes/connect-flow.ts'

const fakeOf = useFakePlatform(startFakeTikTok, (f) => ({
  TIKTOK_CLIENT_KEY: f.clientKey,
  TIKTOK_CLIENT_SECRET: f.clientSecret,
  TIKTOK_AUTH_URL: f.url,
  TIKTOK_API_URL: f.url,
}))
let fake: FakeTikTok
beforeAll(() => {
  fake = fakeOf()
})

const ctx = { requestId: 'test', ip: '127.0.0.1' }
const DAY = 86_400_000
const connRow = connectionOf

const connectThroughFake = (creatorId: string, cookie: string | undefined, asCookie = cookie, beforeCallback?: () => Promise<void>) =>
  connectThroughFakeAs('tiktok', callbackRoute.loader, creatorId, cookie, { asCookie, beforeCallback })

function ttUser(followers = 2400, opts: { private?: boolean } = {}) {
  const id = `-000${uid().toLowerCase()}-open`
  return fake.addUser({ open_id: id, username: `maya.${uid().toLowerCase()}`, follower_count: followers, private: opts.private ?? false })
}

/** A brand's creator connected to a fresh fake TikTok account, with a TikTok deliverable. */
async function connectedWorld(followers = 5000, opts: { private?: boolean } = {}) {
  const w = await createPostsWorld({ platform: 'tiktok', format: 'video' })
  const tt = ttUser(followers, opts)
  fake.consentAs = tt.open_id
  const { done } = await connectThroughFake(w.creator.id, await cookieFor(w.creatorUser))
  expect(done.status).toBe(302)
  return { ...w, tt, conn: (await connRow(w.creator.id))! }
}

const sec = (d: Date) => Math.floor(d.getTime() / 1000)

describe('connecting TikTok (through the fake Login Kit + Display API)', () => {
  it('asks for the scopes in plain words, sends state and a S256 PKCE challenge, and stores encrypted 24-hour and 365-day tokens', async () => {
    const { creator, user } = await createCreator()
    const cookie = await cookieFor(user!)
    const page = await call(() => connectionsRoute.loader({ request: makeRequest(`/c/${creator.id}/connections`, { cookie }), params: { creator: creator.id }, context: ctx }))
    expect((page.data as { connections: unknown[] }).connections).toEqual([expect.objectContaining({ platform: 'tiktok', status: 'not_connected' })])

    const tt = ttUser(2400)
    fake.consentAs = tt.open_id
    const { authorize, done } = await connectThroughFake(creator.id, cookie)
    expect(authorize.pathname).toBe('/v2/auth/authorize/')
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_key: fake.clientKey,
      response_type: 'code',
      scope: 'user.info.basic,user.info.profile,user.info.stats,video.list',
      redirect_uri: 'http://greenroom.test/connect/tiktok/callback',
      code_challenge_method: 'S256',
    })
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(done.status).toBe(302)
    expect(done.location).toBe(`/c/${creator.id}/connections`)

    const conn = (await connRow(creator.id))!
    expect(conn).toMatchObject({ platform: 'tiktok', status: 'connected', externalUserId: tt.open_id, username: tt.username })
    expect(conn.scopes).toEqual(['user.info.basic', 'user.info.profile', 'user.info.stats', 'video.list'])
    const access = decryptToken(conn.accessTokenEnc)
    const refresh = decryptToken(conn.refreshTokenEnc!)
    expect(access).toMatch(/^act\./)
    expect(refresh).toMatch(/^rft\./)
    expect(conn.accessTokenEnc).not.toContain(access)
    expect(conn.refreshTokenEnc).not.toContain(refresh)
    // 86,400 s and 31,536,000 s from the exchange.
    expect(Math.abs(conn.accessExpiresAt!.getTime() - (Date.now() + 86_400_000))).toBeLessThan(60_000)
    expect(Math.abs(conn.refreshExpiresAt!.getTime() - (Date.now() + 31_536_000_000))).toBeLessThan(60_000)
    const snaps = await db().select().from(schema.followerSnapshots).where(eq(schema.followerSnapshots.socialAccountId, conn.socialAccountId!))
    expect(snaps.map((s) => [s.followers, s.source])).toEqual([[2400, 'api']])
    const [acct] = await db().select().from(schema.socialAccounts).where(eq(schema.socialAccounts.id, conn.socialAccountId!))
    expect(acct).toMatchObject({ platform: 'tiktok', handle: tt.username, profileUrl: `https://www.tiktok.com/@${tt.username}` })
  })

  it('a code exchanged without the right PKCE verifier is refused by TikTok: nothing is stored', async () => {
    const { creator, user } = await createCreator()
    const cookie = await cookieFor(user!)
    fake.consentAs = ttUser().open_id
    const { done } = await connectThroughFake(creator.id, cookie, cookie, async () => {
      // Someone swapped the stored verifier: the challenge sent to TikTok no longer matches.
      await db().update(schema.oauthStates).set({ codeVerifierEnc: encryptToken('x'.repeat(64)) }).where(eq(schema.oauthStates.creatorId, creator.id))
    })
    expect(done.status).toBe(409)
    expect(await done.response!.text()).toMatch(/Code verifier or code challenge is invalid/)
    expect(await connRow(creator.id)).toBeUndefined()
  })

  it('refuses a wrong state, a state started by someone else and a replay (400), and a Cancel connects nothing', async () => {
    const { creator, user } = await createCreator()
    const cookie = await cookieFor(user!)
    fake.consentAs = ttUser().open_id
    const wrong = await call(() => callbackRoute.loader({ request: makeRequest(`/connect/tiktok/callback?code=abc&state=${'y'.repeat(43)}`, { cookie }), params: {}, context: ctx }))
    expect(wrong.status).toBe(400)
    const stolen = await connectThroughFake(creator.id, cookie, await cookieFor(await createUser()))
    expect(stolen.done.status).toBe(400)
    const replay = await call(() => callbackRoute.loader({ request: makeRequest(stolen.path, { cookie }), params: {}, context: ctx }))
    expect(replay.status).toBe(400)
    expect(await connRow(creator.id)).toBeUndefined()

    fake.consentAs = null
    const cancelled = await connectThroughFake(creator.id, cookie)
    expect(cancelled.back.searchParams.get('error')).toBe('access_denied')
    expect(cancelled.done.status).toBe(302)
    expect(await connRow(creator.id)).toBeUndefined()
  })

  it('disconnect revokes the grant at TikTok and deletes the tokens here', async () => {
    const w = await connectedWorld()
    const access = decryptToken(w.conn.accessTokenEnc)
    const cookie = await cookieFor(w.creatorUser)
    const r = await call(() => connectionsRoute.action({ request: makeRequest(`/c/${w.creator.id}/connections`, { form: { intent: 'disconnect', platform: 'tiktok' }, cookie }), params: { creator: w.creator.id }, context: ctx }))
    expect(r.status).toBe(302)
    expect(fake.calls.filter((c) => c.path === '/v2/oauth/revoke/' && new URLSearchParams(c.body).get('token') === access)).toHaveLength(1)
    expect(fake.access.get(access)!.revoked).toBe(true)
    expect(await connRow(w.creator.id)).toMatchObject({ status: 'revoked', accessTokenEnc: '', refreshTokenEnc: null })
    const [audit] = await db().select().from(schema.auditEvents).where(and(eq(schema.auditEvents.entityId, w.conn.id), eq(schema.auditEvents.action, 'connection.disconnected')))
    expect(audit!.after).toMatchObject({ revokedAtPlatform: 'revoked' })
  })

  it('hides TikTok when its client key is not configured', async () => {
    const { creator, user } = await createCreator()
    const cookie = await cookieFor(user!)
    const saved = config()
    setConfig({ TIKTOK_CLIENT_KEY: undefined, TIKTOK_CLIENT_SECRET: undefined })
    try {
      const page = await call(() => connectionsRoute.loader({ request: makeRequest(`/c/${creator.id}/connections`, { cookie }), params: { creator: creator.id }, context: ctx }))
      expect((page.data as { connections: unknown[] }).connections).toEqual([])
      const r = await call(() => connectionsRoute.action({ request: makeRequest(`/c/${creator.id}/connections`, { form: { intent: 'connect', platform: 'tiktok' }, cookie }), params: { creator: creator.id }, context: ctx }))
      expect(r.status).toBe(404)
    } finally {
      setConfig(saved)
    }
  })
})

describe('the connectors.sync job against the fake TikTok', () => {
  it('refreshes an access token that ran out with the refresh token, stores the rotated refresh token, and reads on', async () => {
    const w = await connectedWorld(5000)
    const oldAccess = decryptToken(w.conn.accessTokenEnc)
    const oldRefresh = decryptToken(w.conn.refreshTokenEnc!)
    const now = new Date(Date.now() + DAY + 3_600_000) // the 24-hour token ran out an hour ago
    fake.now = now.getTime()
    try {
      const s = await syncAllConnections(now, { connectionIds: [w.conn.id] })
      expect([s.refreshed, s.lost, s.errors]).toEqual([1, 0, []])
      const c = (await connRow(w.creator.id))!
      expect(c.status).toBe('connected')
      expect(c.lastSyncedAt!.getTime()).toBe(now.getTime())
      const access = decryptToken(c.accessTokenEnc)
      const refresh = decryptToken(c.refreshTokenEnc!)
      expect(access).not.toBe(oldAccess)
      expect(refresh).not.toBe(oldRefresh)
      expect(fake.refresh.has(oldRefresh)).toBe(false) // rotated at TikTok: the old one is dead
      expect(fake.refresh.has(refresh)).toBe(true)
      expect(c.accessExpiresAt!.getTime()).toBe(now.getTime() + 86_400_000)
      expect(c.refreshExpiresAt!.getTime()).toBe(now.getTime() + 31_536_000_000)
      const grants = fake.calls.filter((x) => x.path === '/v2/oauth/token/' && new URLSearchParams(x.body).get('grant_type') === 'refresh_token')
      expect(grants.map((g) => new URLSearchParams(g.body).get('refresh_token'))).toContain(oldRefresh)
    } finally {
      fake.now = Date.now()
    }
  })

  it('a token TikTok rejects (401) before its time is refreshed once and the read goes through', async () => {
    const w = await connectedWorld(5000)
    fake.access.delete(decryptToken(w.conn.accessTokenEnc)) // TikTok invalidated it early
    fake.users.get(w.tt.open_id)!.follower_count = 5300
    const s = await syncAllConnections(new Date(), { connectionIds: [w.conn.id] })
    expect([s.refreshed, s.lost, s.followerSnapshots]).toEqual([1, 0, 0]) // today's snapshot was taken at connect
    const c = (await connRow(w.creator.id))!
    expect(c.status).toBe('connected')
    expect(c.lastSyncedAt).not.toBeNull()
    expect(fake.access.get(decryptToken(c.accessTokenEnc))).toBeDefined()
  })

  it('a grant revoked in the TikTok app: the refresh is refused (invalid_grant), the connection expires and the creator is emailed once', async () => {
    const w = await connectedWorld()
    for (const m of [fake.access, fake.refresh]) for (const t of m.values()) if (t.openId === w.tt.open_id) t.revoked = true
    const s = await syncAllConnections(new Date(), { connectionIds: [w.conn.id] })
    expect(s.lost).toBe(1)
    const c = (await connRow(w.creator.id))!
    expect(c.status).toBe('expired')
    expect(c.statusReason).toMatch(/TikTok refused to renew the access after rejecting it: Refresh token is invalid or expired/)
    await syncAllConnections(new Date(), { connectionIds: [w.conn.id] }) // not picked again: it is not connected
    const mail = await db().select().from(schema.outboxMessages).where(eq(schema.outboxMessages.template, 'connection-lost'))
    expect(mail.filter((m) => m.toAddresses.includes(w.creator.email))).toHaveLength(1)
  })

  it('a refresh token past its 365 days: expired without calling TikTok', async () => {
    const w = await connectedWorld()
    const calls = fake.calls.length
    const s = await syncAllConnections(new Date(Date.now() + 366 * DAY), { connectionIds: [w.conn.id] })
    expect(s.lost).toBe(1)
    expect(fake.calls.length).toBe(calls)
    expect((await connRow(w.creator.id))!.statusReason).toBe('The TikTok access expired and the permission to renew it has run out too.')
  })

  it('backs off on 429 rate_limit_exceeded and reads again after the pause', async () => {
    const w = await connectedWorld()
    const now = new Date()
    fake.rateLimit = { remaining: 1 }
    const s = await syncAllConnections(now, { connectionIds: [w.conn.id] })
    expect(s.rateLimited).toBe(1)
    const c1 = (await connRow(w.creator.id))!
    expect(c1.status).toBe('connected')
    expect(c1.rateLimitedUntil!.getTime()).toBe(now.getTime() + 15 * 60_000)
    expect(c1.lastError).toMatch(/^rate_limited:900000: The API rate limit was exceeded/)
    await syncAllConnections(new Date(now.getTime() + 16 * 60_000), { connectionIds: [w.conn.id] })
    const c2 = (await connRow(w.creator.id))!
    expect([c2.rateLimitedUntil, c2.lastError, c2.lastSyncedAt?.getTime()]).toEqual([null, null, now.getTime() + 16 * 60_000])
  })

  it('pages through video/list by cursor to find an older post and stores its counters as an api snapshot', async () => {
    const w = await connectedWorld()
    const now = new Date()
    const postedAt = new Date(now.getTime() - 2 * DAY - 3_600_000)
    const target = fake.addVideo(w.tt.open_id, { id: `7${uid()}`, video_description: '#ad race day', create_time: sec(postedAt), view_count: 12_400, like_count: 980, comment_count: 41, share_count: 77 })
    // 45 newer videos: the post is on the third page of 20.
    for (let i = 0; i < 45; i++) fake.addVideo(w.tt.open_id, { id: `6${i}${uid()}`, video_description: `other ${i}`, create_time: sec(now) - 60 * (i + 1) })
    const url = `https://www.tiktok.com/@${w.tt.username}/video/${target.id}`
    const post = await insertPost({ brandId: w.brand.id, creatorId: w.creator.id, deliverableId: w.deliverable.id, platform: 'tiktok', url, postedAt, status: 'submitted' })
    const before = fake.calls.length
    const s = await syncAllConnections(now, { connectionIds: [w.conn.id] })
    expect(s.errors).toEqual([])
    const lists = fake.calls.slice(before).filter((c) => c.path === '/v2/video/list/')
    expect(lists.map((c) => (JSON.parse(c.body) as { cursor?: number }).cursor)).toEqual([undefined, (sec(now) - 60 * 20) * 1000, (sec(now) - 60 * 40) * 1000])
    const snaps = await db().select().from(schema.metricSnapshots).where(eq(schema.metricSnapshots.postId, post.id))
    expect(snaps.map((x) => [x.source, x.views, x.likes, x.comments, x.shares, x.reach, x.saves])).toEqual([['api', 12_400, 980, 41, 77, null, null]])
  })

  it('a deleted video and one made private are skipped without failing the run', async () => {
    const w = await connectedWorld()
    const gone = fake.addVideo(w.tt.open_id, { id: `8${uid()}`, video_description: '#ad', create_time: sec(new Date()) - 3600 })
    const hidden = fake.addVideo(w.tt.open_id, { id: `9${uid()}`, video_description: '#ad', create_time: sec(new Date()) - 7200 })
    const w2 = await createCollaboration({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: w.creator.id, platform: 'tiktok', format: 'video' })
    const mk = (deliverableId: string, id: string) =>
      insertPost({ brandId: w.brand.id, creatorId: w.creator.id, deliverableId, platform: 'tiktok', url: `https://www.tiktok.com/@${w.tt.username}/video/${id}`, postedAt: new Date(Date.now() - DAY), status: 'submitted' })
    const p1 = await mk(w.deliverable.id, gone.id)
    const p2 = await mk(w2.deliverable.id, hidden.id)
    const user = fake.users.get(w.tt.open_id)!
    // Listed, then deleted / made private before the counters are read.
    fake.beforeAnswer = (path) => {
      if (path !== '/v2/video/query/') return
      user.videos = user.videos.filter((v) => v.id !== gone.id)
      hidden.hidden = true
    }
    const callsBefore = fake.calls.length
    const s = await syncAllConnections(new Date(), { connectionIds: [w.conn.id] }).finally(() => (fake.beforeAnswer = null))
    expect(fake.calls.slice(callsBefore).filter((c) => c.path === '/v2/video/query/')).toHaveLength(2)
    expect(s.lost).toBe(0)
    expect(s.errors.filter((e) => e.includes('deleted or not public any more on tiktok'))).toHaveLength(2)
    for (const p of [p1, p2]) expect(await db().select().from(schema.metricSnapshots).where(eq(schema.metricSnapshots.postId, p.id))).toEqual([])
    expect((await connRow(w.creator.id))!.status).toBe('connected')
  })

  it('a private account connects and keeps its follower count, but no videos are listed, proposed or measured', async () => {
    const w = await connectedWorld(880, { private: true })
    fake.addVideo(w.tt.open_id, { id: `5${uid()}`, video_description: '#ad Marathon season starts now with @acmerunning', create_time: sec(new Date()) - 600 })
    const today = new Date().toISOString().slice(0, 10)
    const collab = await createCollaboration({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: w.creator.id, platform: 'tiktok', format: 'video', postWindowStart: today, postWindowEnd: null })
    const s = await syncAllConnections(new Date(), { connectionIds: [w.conn.id] })
    expect([s.proposals, s.metricSnapshots, s.lost, s.errors]).toEqual([0, 0, 0, []])
    expect(await db().select().from(schema.platformPostReads).where(eq(schema.platformPostReads.deliverableId, collab.deliverable.id))).toEqual([])
    const [acct] = await db().select().from(schema.socialAccounts).where(eq(schema.socialAccounts.id, w.conn.socialAccountId!))
    expect(acct!.followers).toBe(880)
  })

  it('proposes the public video in the window that carries the approved caption\'s hashtags', async () => {
    const w = await connectedWorld()
    const today = new Date().toISOString().slice(0, 10)
    const collab = await createCollaboration({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: w.creator.id, platform: 'tiktok', format: 'video', postWindowStart: today, postWindowEnd: null, caption: '#ad Race day with #AcmeRunning' })
    fake.addVideo(w.tt.open_id, { id: `3${uid()}`, video_description: '#ad race day', create_time: sec(new Date()) - 60 })
    const right = fake.addVideo(w.tt.open_id, { id: `4${uid()}`, video_description: 'Race day with #acmerunning #ad', create_time: sec(new Date()) - 120 })
    await syncAllConnections(new Date(), { connectionIds: [w.conn.id] })
    const [read] = await db().select().from(schema.platformPostReads).where(eq(schema.platformPostReads.deliverableId, collab.deliverable.id))
    expect(read).toMatchObject({ externalId: right.id, permalink: `https://www.tiktok.com/@${w.tt.username}/video/${right.id}`, caption: right.video_description, status: 'proposed' })
  })
})
