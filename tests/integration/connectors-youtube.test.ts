import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { decryptToken } from '#app/services/connectors/token-crypto.server.ts'
import * as connectionsRoute from '#app/routes/c+/$creator+/connections.tsx'
import * as callbackRoute from '#app/routes/connect.youtube.callback.tsx'
import { syncAllConnections } from '#app/services/connectors/sync-connections.server.ts'
import { createCollaboration, createPostsWorld, insertPost } from '#tests/factories-posts.ts'
import { call, cookieFor, createCreator, createUser, makeRequest, uid } from '#tests/factories.ts'
import { startFakeYouTube, type FakeYouTube } from '#tests/fakes/youtube.ts'
import { connectThroughFake as connectAs, connectionOf, useFakePlatform } from '#tests/fakes/connect-flow.ts'

const fakeOf = useFakePlatform(startFakeYouTube, (f) => ({
  GOOGLE_CLIENT_ID: f.clientId,
  GOOGLE_CLIENT_SECRET: f.clientSecret,
  GOOGLE_AUTH_URL: f.url,
  GOOGLE_TOKEN_URL: f.url,
  YOUTUBE_API_URL: f.url,
}))
let fake: FakeYouTube
beforeAll(() => {
  fake = fakeOf()
})

const ctx = { requestId: 'test', ip: '127.0.0.1' }
const DAY = 86_400_000
const connRow = connectionOf
const connect = (creatorId: string, cookie: string | undefined, asCookie?: string) => connectAs('youtube', callbackRoute.loader, creatorId, cookie, { asCookie })

function ytChannel(subscribers = 15_000, opts: { hidden?: boolean } = {}) {
  const googleUser = `g-${uid()}`
  const ch = fake.addChannel(googleUser, { id: `UC${uid()}${uid()}`, customUrl: `@Maya${uid()}`, subscriberCount: subscribers, hiddenSubscriberCount: opts.hidden ?? false })
  return { googleUser, ch }
}

async function connectedWorld(subscribers = 15_000, opts: { hidden?: boolean } = {}) {
  const w = await createPostsWorld({ platform: 'youtube', format: 'video' })
  const yt = ytChannel(subscribers, opts)
  fake.consentAs = yt.googleUser
  const { done } = await connect(w.creator.id, await cookieFor(w.creatorUser))
  expect(done.status).toBe(302)
  return { ...w, ...yt, conn: (await connRow(w.creator.id))! }
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z')

describe('connecting YouTube (through the fake Google OAuth + Data API)', () => {
  it('asks for offline, read-only access with state and PKCE, and stores a 1-hour access token and the refresh token, encrypted', async () => {
    const { creator, user } = await createCreator()
    const cookie = await cookieFor(user!)
    const yt = ytChannel(15_000)
    fake.consentAs = yt.googleUser
    const { authorize, done } = await connect(creator.id, cookie)
    expect(authorize.pathname).toBe('/o/oauth2/v2/auth')
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: fake.clientId,
      response_type: 'code',
      scope: 'https://www.googleapis.com/auth/youtube.readonly',
      access_type: 'offline',
      prompt: 'consent',
      redirect_uri: 'http://greenroom.test/connect/youtube/callback',
      code_challenge_method: 'S256',
    })
    expect(authorize.searchParams.get('state')!.length).toBeGreaterThanOrEqual(40)
    expect(done.status).toBe(302)
    const conn = (await connRow(creator.id))!
    const handle = yt.ch.customUrl.slice(1).toLowerCase()
    expect(conn).toMatchObject({ platform: 'youtube', status: 'connected', externalUserId: yt.ch.id, username: handle, refreshExpiresAt: null })
    expect(conn.scopes).toEqual(['https://www.googleapis.com/auth/youtube.readonly'])
    expect(Math.abs(conn.accessExpiresAt!.getTime() - (Date.now() + 3_599_000))).toBeLessThan(60_000)
    const refresh = decryptToken(conn.refreshTokenEnc!)
    expect(fake.refresh.has(refresh)).toBe(true)
    expect(conn.refreshTokenEnc).not.toContain(refresh)
    const [acct] = await db().select().from(schema.socialAccounts).where(eq(schema.socialAccounts.id, conn.socialAccountId!))
    expect(acct).toMatchObject({ platform: 'youtube', handle, followers: 15_000, profileUrl: `https://www.youtube.com/@${handle}` })
  })

  it('refuses a wrong or stolen state (400); a Google account without a channel gets a sentence (409)', async () => {
    const { creator, user } = await createCreator()
    const cookie = await cookieFor(user!)
    fake.consentAs = ytChannel().googleUser
    const wrong = await call(() => callbackRoute.loader({ request: makeRequest(`/connect/youtube/callback?code=4%2F0x&state=${'z'.repeat(43)}`, { cookie }), params: {}, context: ctx }))
    expect(wrong.status).toBe(400)
    const stolen = await connect(creator.id, cookie, await cookieFor(await createUser()))
    expect(stolen.done.status).toBe(400)
    expect(await connRow(creator.id)).toBeUndefined()

    fake.consentAs = `g-nochannel-${uid()}`
    const none = await connect(creator.id, cookie)
    expect(none.done.status).toBe(409)
    expect(await none.done.response!.text()).toMatch(/no YouTube channel/)
    expect(await connRow(creator.id)).toBeUndefined()
  })

  it('disconnect revokes the grant at Google', async () => {
    const w = await connectedWorld()
    const access = decryptToken(w.conn.accessTokenEnc)
    const refresh = decryptToken(w.conn.refreshTokenEnc!)
    const cookie = await cookieFor(w.creatorUser)
    const r = await call(() => connectionsRoute.action({ request: makeRequest(`/c/${w.creator.id}/connections`, { form: { intent: 'disconnect', platform: 'youtube' }, cookie }), params: { creator: w.creator.id }, context: ctx }))
    expect(r.status).toBe(302)
    expect(fake.refresh.get(refresh)!.revoked).toBe(true)
    expect(fake.access.get(access)!.revoked).toBe(true)
    const [audit] = await db().select().from(schema.auditEvents).where(and(eq(schema.auditEvents.entityId, w.conn.id), eq(schema.auditEvents.action, 'connection.disconnected')))
    expect(audit!.after).toMatchObject({ revokedAtPlatform: 'revoked' })
  })
})

describe('the connectors.sync job against the fake YouTube', () => {
  it('renews the 1-hour token on every hourly run with the same refresh token (Google does not rotate it)', async () => {
    const w = await connectedWorld()
    const refresh = decryptToken(w.conn.refreshTokenEnc!)
    let now = new Date(Date.now() + 3_600_000)
    for (let run = 0; run < 3; run++) {
      fake.now = now.getTime()
      const s = await syncAllConnections(now, { connectionIds: [w.conn.id] })
      expect([s.refreshed, s.lost, s.errors]).toEqual([1, 0, []])
      const c = (await connRow(w.creator.id))!
      expect(c.accessExpiresAt!.getTime()).toBe(now.getTime() + 3_599_000)
      expect(decryptToken(c.refreshTokenEnc!)).toBe(refresh)
      now = new Date(now.getTime() + 3_600_000)
    }
    fake.now = Date.now()
  })

  it('access removed in the Google account: invalid_grant on refresh expires the connection and emails the creator', async () => {
    const w = await connectedWorld()
    for (const m of [fake.access, fake.refresh]) for (const g of m.values()) if (g.googleUser === w.googleUser) g.revoked = true
    const s = await syncAllConnections(new Date(), { connectionIds: [w.conn.id] })
    expect(s.lost).toBe(1)
    const c = (await connRow(w.creator.id))!
    expect(c.status).toBe('expired')
    expect(c.statusReason).toMatch(/YouTube refused to renew the access.*Token has been expired or revoked/)
    const mail = await db().select().from(schema.outboxMessages).where(eq(schema.outboxMessages.template, 'connection-lost'))
    expect(mail.filter((m) => m.toAddresses.includes(w.creator.email))).toHaveLength(1)
  })

  it('backs off on 403 quotaExceeded', async () => {
    const w = await connectedWorld()
    const now = new Date()
    fake.quota = { remaining: 1 }
    const s = await syncAllConnections(now, { connectionIds: [w.conn.id] })
    expect(s.rateLimited).toBe(1)
    const c = (await connRow(w.creator.id))!
    expect(c.status).toBe('connected')
    expect(c.rateLimitedUntil!.getTime()).toBe(now.getTime() + 15 * 60_000)
  })

  it('pages through the uploads playlist (50 a page) to find the post and stores views, likes and comments', async () => {
    const w = await connectedWorld()
    const now = new Date()
    const postedAt = new Date(now.getTime() - 3 * DAY)
    const target = fake.addVideo(w.ch.id, { id: `v${uid()}`, title: 'Race day #ad', publishedAt: iso(postedAt), viewCount: 48_210, likeCount: 2_305, commentCount: 118 })
    for (let i = 0; i < 60; i++) fake.addVideo(w.ch.id, { id: `o${i}${uid()}`, title: `other ${i}`, publishedAt: iso(new Date(now.getTime() - (i + 1) * 60_000)) })
    const post = await insertPost({ brandId: w.brand.id, creatorId: w.creator.id, deliverableId: w.deliverable.id, platform: 'youtube', url: `https://www.youtube.com/watch?v=${target.id}`, postedAt, status: 'submitted' })
    const callsBefore = fake.calls.length
    const s = await syncAllConnections(now, { connectionIds: [w.conn.id] })
    expect(s.errors).toEqual([])
    expect(fake.calls.slice(callsBefore).filter((c) => c.path === '/youtube/v3/playlistItems').map((c) => Boolean(c.query.pageToken))).toEqual([false, true])
    const snaps = await db().select().from(schema.metricSnapshots).where(eq(schema.metricSnapshots.postId, post.id))
    expect(snaps.map((x) => [x.source, x.views, x.likes, x.comments, x.shares])).toEqual([['api', 48_210, 2_305, 118, null]])
  })

  it('measures a post whose link was pasted as youtu.be or /shorts/', async () => {
    const w = await connectedWorld()
    const a = fake.addVideo(w.ch.id, { id: `a${uid()}`, title: '#ad one', publishedAt: iso(new Date(Date.now() - DAY)), viewCount: 310 })
    const b = fake.addVideo(w.ch.id, { id: `b${uid()}`, title: '#ad two', publishedAt: iso(new Date(Date.now() - DAY - 60_000)), viewCount: 720 })
    const w2 = await createCollaboration({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: w.creator.id, platform: 'youtube', format: 'video' })
    const pa = await insertPost({ brandId: w.brand.id, creatorId: w.creator.id, deliverableId: w.deliverable.id, platform: 'youtube', url: `https://youtu.be/${a.id}?si=Xy12`, postedAt: new Date(Date.now() - DAY), status: 'submitted' })
    const pb = await insertPost({ brandId: w.brand.id, creatorId: w.creator.id, deliverableId: w2.deliverable.id, platform: 'youtube', url: `https://www.youtube.com/shorts/${b.id}`, postedAt: new Date(Date.now() - DAY), status: 'submitted' })
    await syncAllConnections(new Date(), { connectionIds: [w.conn.id] })
    const views = async (postId: string) => (await db().select().from(schema.metricSnapshots).where(eq(schema.metricSnapshots.postId, postId))).map((x) => x.views)
    expect([await views(pa.id), await views(pb.id)]).toEqual([[310], [720]])
  })

  it('a deleted video and one made private are skipped; a hidden subscriber count is not recorded', async () => {
    const w = await connectedWorld(9_000, { hidden: true })
    const gone = fake.addVideo(w.ch.id, { id: `d${uid()}`, title: '#ad', publishedAt: iso(new Date(Date.now() - 3_600_000)) })
    const priv = fake.addVideo(w.ch.id, { id: `p${uid()}`, title: '#ad', publishedAt: iso(new Date(Date.now() - 7_200_000)) })
    const w2 = await createCollaboration({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: w.creator.id, platform: 'youtube', format: 'video' })
    const mk = (deliverableId: string, id: string) =>
      insertPost({ brandId: w.brand.id, creatorId: w.creator.id, deliverableId, platform: 'youtube', url: `https://www.youtube.com/watch?v=${id}`, postedAt: new Date(Date.now() - DAY), status: 'submitted' })
    const posts = [await mk(w.deliverable.id, gone.id), await mk(w2.deliverable.id, priv.id)]
    fake.beforeAnswer = (path) => {
      if (path !== '/youtube/v3/videos') return
      w.ch.videos = w.ch.videos.filter((v) => v.id !== gone.id)
      priv.privacyStatus = 'private'
    }
    const s = await syncAllConnections(new Date(), { connectionIds: [w.conn.id] }).finally(() => (fake.beforeAnswer = null))
    expect(s.lost).toBe(0)
    expect(s.errors.filter((e) => e.includes('deleted or not public any more on youtube'))).toHaveLength(2)
    for (const p of posts) expect(await db().select().from(schema.metricSnapshots).where(eq(schema.metricSnapshots.postId, p.id))).toEqual([])
    expect(await db().select().from(schema.followerSnapshots).where(eq(schema.followerSnapshots.socialAccountId, w.conn.socialAccountId!))).toEqual([])
  })

  it('proposes the video in the window whose title or description carries the approved hashtags', async () => {
    const w = await connectedWorld()
    const today = new Date().toISOString().slice(0, 10)
    const collab = await createCollaboration({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: w.creator.id, platform: 'youtube', format: 'video', postWindowStart: today, postWindowEnd: null, caption: '#ad Race day with #AcmeRunning' })
    const right = fake.addVideo(w.ch.id, { id: `r${uid()}`, title: 'Race day vlog #ad', description: 'Thanks #AcmeRunning', publishedAt: iso(new Date(Date.now() - 60_000)) })
    await syncAllConnections(new Date(), { connectionIds: [w.conn.id] })
    const [read] = await db().select().from(schema.platformPostReads).where(eq(schema.platformPostReads.deliverableId, collab.deliverable.id))
    expect(read).toMatchObject({ externalId: right.id, permalink: `https://www.youtube.com/watch?v=${right.id}`, caption: 'Race day vlog #ad\nThanks #AcmeRunning', status: 'proposed' })
  })
})
