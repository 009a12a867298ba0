/**
 * Session and sign-in gates beyond tests/integration/auth.test.ts: fixation with a planted cookie,
 * replaying a cookie after logout against a real guarded route, a password reset ending every session,
 * and throttling that stops a guesser without locking the real user out (and answers the same for an
 * unknown email).
 */
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { getSessionUser } from '#app/auth/session.server.ts'
import { MAX_FAILURES_PER_ACCOUNT_AND_IP, MAX_FAILURES_PER_IP } from '#app/services/auth/login.server.ts'
import * as loginRoute from '#app/routes/_auth+/login.tsx'
import * as logoutRoute from '#app/routes/_auth+/logout.tsx'
import { processAuthMailRequests } from '#app/services/auth/auth-mail-queue.server.ts'
import * as forgotRoute from '#app/routes/_auth+/forgot-password.tsx'
import * as resetRoute from '#app/routes/_auth+/reset-password.$token.tsx'
import * as accountRoute from '#app/routes/account.tsx'
import { call, cookieFor, createUser, makeRequest, TEST_PASSWORD, uid } from '#tests/factories.ts'

let ipSeq = 0
const freshIp = () => `10.77.${Math.floor(Math.random() * 200)}.${ipSeq++ % 250}`

async function signIn(email: string, password: string, ip: string, cookie?: string) {
  const request = makeRequest('/login', { form: { email, password }, cookie })
  return call(() => loginRoute.action({ request, params: {}, context: { requestId: 't', ip } }))
}
const cookieOf = (r: { response: Response | null }) => r.response?.headers.get('Set-Cookie')?.split(';')[0] ?? null
const who = async (cookie: string) => (await getSessionUser(makeRequest('/', { cookie }))).user?.id ?? null

describe('sessions', () => {
  it('fixation: signing in with a planted cookie issues a new session; the planted one never becomes the victim', async () => {
    const attacker = await createUser()
    const victim = await createUser()
    const planted = (await cookieFor(attacker))!
    const unknownToken = `gr_session=${'A'.repeat(43)}`
    for (const cookie of [planted, unknownToken]) {
      const r = await signIn(victim.email, TEST_PASSWORD, freshIp(), cookie)
      expect(r.status).toBe(302)
      const issued = cookieOf(r)!
      expect(issued).not.toBe(cookie)
      expect(await who(issued)).toBe(victim.id)
      expect(await who(cookie)).not.toBe(victim.id)
    }
  })

  it('after logout the old cookie is anonymous on a guarded page (login redirect)', async () => {
    const user = await createUser()
    const r = await signIn(user.email, TEST_PASSWORD, freshIp())
    const cookie = cookieOf(r)!
    const account = () => call(() => accountRoute.loader({ request: makeRequest('/account', { cookie }), params: {}, context: {} }))
    expect((await account()).status).toBe(200)
    const out = await call(() => logoutRoute.action({ request: makeRequest('/logout', { form: {}, cookie }), params: {}, context: {} }))
    expect(out.response!.headers.get('Set-Cookie')).toMatch(/gr_session=;|Max-Age=0|Expires=Thu, 01 Jan 1970/i)
    const replay = await account()
    expect(replay.status).toBe(302)
    expect(replay.location).toMatch(/^\/login/)
  })

  it('a password reset ends every session of the account', async () => {
    const user = await createUser()
    const phone = (await cookieFor(user))!
    const laptop = (await cookieFor(user))!
    await call(() => forgotRoute.action({ request: makeRequest('/forgot-password', { form: { email: user.email } }), params: {}, context: {} }))
    await processAuthMailRequests()
    const mail = (await db().select().from(schema.outboxMessages)).filter((m) => m.toAddresses.includes(user.email)).at(-1)!
    const token = /reset-password\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!
    const form = { password: 'a fresh password 42', confirm: 'a fresh password 42' }
    const r = await call(() => resetRoute.action({ request: makeRequest(`/reset-password/${token}`, { form }), params: { token }, context: { ip: freshIp() } }))
    expect(r.status).toBe(302)
    expect(await who(phone)).toBeNull()
    expect(await who(laptop)).toBeNull()
    expect(await who(cookieOf(r)!)).toBe(user.id)
  })
})

describe('sign-in throttling', () => {
  it('stops a guesser at one IP; the real user elsewhere still gets in; the lock ends with the window', async () => {
    const user = await createUser()
    const attackerIp = freshIp()
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_IP; i++) expect((await signIn(user.email, `guess number ${i}!`, attackerIp)).status).toBe(400)
    // Even the right password from the guesser's IP is refused now.
    expect((await signIn(user.email, TEST_PASSWORD, attackerIp)).status).toBe(429)
    // Many more guesses keep the guesser out...
    for (let i = 0; i < 10; i++) expect((await signIn(user.email, `more guessing ${i}`, attackerIp)).status).toBe(429)
    // ...but never lock the real user out: from their own network they sign in at once.
    expect((await signIn(user.email, TEST_PASSWORD, freshIp())).status).toBe(302)
    // Time passes: the guesser's lock ends too (nothing is locked for good).
    await db().update(schema.loginThrottle).set({ windowStartedAt: new Date(Date.now() - 16 * 60_000) })
    expect((await signIn(user.email, TEST_PASSWORD, attackerIp)).status).toBe(302)
  })

  it('answers the same for an unknown email as for a real one, attempt after attempt', async () => {
    const user = await createUser()
    const ipA = freshIp()
    const ipB = freshIp()
    const real: unknown[] = []
    const ghost: unknown[] = []
    const ghostEmail = `ghost-${uid()}@example.test`
    for (let i = 0; i <= MAX_FAILURES_PER_ACCOUNT_AND_IP; i++) {
      const a = await signIn(user.email, 'wrong password here', ipA)
      const b = await signIn(ghostEmail, 'wrong password here', ipB)
      // The answer without the echoed email (each sees what they typed).
      const answer = (d: unknown) => ({ ...(d as object), values: undefined })
      real.push([a.status, answer(a.data)])
      ghost.push([b.status, answer(b.data)])
    }
    expect(ghost).toEqual(real)
    expect((real.at(-1) as [number])[0]).toBe(429)
  })

  it('one IP trying many accounts is stopped; other IPs are not', async () => {
    const ip = freshIp()
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await signIn(`spray-${i}-${uid()}@example.test`, 'password123!', ip)
    const user = await createUser()
    expect((await signIn(user.email, TEST_PASSWORD, ip)).status).toBe(429)
    expect((await signIn(user.email, TEST_PASSWORD, freshIp())).status).toBe(302)
    const [row] = await db().select().from(schema.users).where(eq(schema.users.id, user.id))
    expect(row).toBeDefined()
  })
})

describe('sign-in throttling is one atomic step', () => {
  it('40 parallel wrong guesses from one IP: at most the limit are tried, the rest are refused before the password check', async () => {
    const user = await createUser()
    const ip = freshIp()
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn(user.email, `parallel guess ${i}!`, ip)))
    const tried = results.filter((r) => r.status === 400).length
    const refused = results.filter((r) => r.status === 429).length
    expect(tried).toBe(MAX_FAILURES_PER_ACCOUNT_AND_IP)
    expect(refused).toBe(40 - MAX_FAILURES_PER_ACCOUNT_AND_IP)
  })

  it('40 parallel guesses at 40 accounts from one IP: at most the per-IP limit are tried', async () => {
    const ip = freshIp()
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn(`spray-par-${i}-${uid()}@example.test`, 'password123!', ip)))
    expect(results.filter((r) => r.status === 400).length).toBe(MAX_FAILURES_PER_IP)
    expect(results.filter((r) => r.status === 429).length).toBe(40 - MAX_FAILURES_PER_IP)
  })
})
