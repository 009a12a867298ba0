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
