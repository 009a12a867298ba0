import { and, eq } from 'drizzle-orm'
import { describe, expect, it, vi } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { getSessionUser } from '#app/auth/session.server.ts'
import { ACCOUNT_MAX_DELAY_MS, ACCOUNT_SLOWDOWN_AFTER, accountDelayMs, BAD_CREDENTIALS, loginThrottleClock } from '#app/services/auth/login.server.ts'
import * as loginRoute from '#app/routes/_auth+/login.tsx'
import * as logoutRoute from '#app/routes/_auth+/logout.tsx'
import { processAuthMailRequests } from '#app/services/auth/auth-mail-queue.server.ts'
import * as signInLinkRoute from '#app/routes/_auth+/sign-in-link.tsx'
import * as signInLinkTokenRoute from '#app/routes/_auth+/sign-in-link_.$token.tsx'
import { SIGN_IN_LINK_TTL_MINUTES } from '#app/services/auth/sign-in-link.server.ts'
import { queryCounter } from '#db/query-count.ts'
import { authMailJob } from '#app/services/auth/auth-mail-job.server.ts'
import { JOBS } from '#app/services/jobs/registry.server.ts'
import { recurringSchedules } from '#app/services/jobs/define-job.server.ts'
import * as forgotRoute from '#app/routes/_auth+/forgot-password.tsx'
import * as resetRoute from '#app/routes/_auth+/reset-password.$token.tsx'
import * as accountRoute from '#app/routes/account.tsx'
import { call, cookieFor, createUser, makeRequest, TEST_PASSWORD, uid } from '#tests/factories.ts'

const ctx = (ip = `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`) => ({ requestId: 't', ip })

async function signIn(email: string, password: string, ip?: string) {
  const request = makeRequest('/login', { form: { email, password } })
  return call(() => loginRoute.action({ request, params: {}, context: ctx(ip) }))
}

function sessionCookie(r: { response: Response | null }) {
  return r.response?.headers.get('Set-Cookie')?.split(';')[0] ?? null
}

describe('login', () => {
  it('signs in with the right password, with a new session id every time (no fixation)', async () => {
    const user = await createUser()
    const first = await signIn(user.email, TEST_PASSWORD)
    const second = await signIn(user.email, TEST_PASSWORD)
    expect(first.status).toBe(302)
    const c1 = sessionCookie(first)
    const c2 = sessionCookie(second)
    expect(c1).toMatch(/^gr_session=/)
    expect(c1).not.toEqual(c2)
    const who = await getSessionUser(makeRequest('/', { cookie: c1! }))
    expect(who.user?.id).toBe(user.id)
    const header = first.response!.headers.get('Set-Cookie')!
    expect(header).toMatch(/HttpOnly/i)
    expect(header).toMatch(/SameSite=Lax/i)
  })

  it('stores only a hash of the session token', async () => {
    const user = await createUser()
    const r = await signIn(user.email, TEST_PASSWORD)
    const token = sessionCookie(r)!.split('=')[1]!
    const rows = await db().select().from(schema.sessions).where(eq(schema.sessions.userId, user.id))
    expect(rows.length).toBe(1)
    expect(rows[0]!.id).not.toBe(token)
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/)
  })

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const user = await createUser()
    const wrong = await signIn(user.email, 'not the password at all')
    const unknown = await signIn(`nobody-${uid()}@example.test`, 'not the password at all')
    expect(wrong.status).toBe(400)
    expect(unknown.status).toBe(400)
    // The same answer; only the echoed email differs (each sees what they typed).
    const { values: typedWrong, ...answerWrong } = wrong.data as { values: Record<string, string> }
    const { values: typedUnknown, ...answerUnknown } = unknown.data as { values: Record<string, string> }
    expect(answerWrong).toEqual(answerUnknown)
    expect(typedWrong.email).toBe(user.email)
    expect(typedUnknown.email).toMatch(/^nobody-/)
    // The password never comes back.
    expect(typedWrong).not.toHaveProperty('password')
    expect((wrong.data as { formError: string }).formError).toBe(BAD_CREDENTIALS)
  })

  it('per account (from many addresses) attempts are only slowed down, never refused: the real user gets in', async () => {
    const user = await createUser()
    const waits: number[] = []
    const spy = vi.spyOn(loginThrottleClock, 'sleep').mockImplementation(async (ms) => void waits.push(ms))
    try {
      // A handful of addresses, each staying under its own per-IP and per-account+IP limits.
      for (let i = 0; i < 25; i++) {
        expect((await signIn(user.email, 'wrong password!!', `10.9.${i % 5}.${i}`)).status).toBe(400)
      }
      // Attempts beyond the soft limit waited, growing and capped (250 ms, 500 ms, ... 8 s).
      expect(waits.slice(0, 6)).toEqual([250, 500, 1000, 2000, 4000, ACCOUNT_MAX_DELAY_MS])
      expect(waits.length).toBe(25 - ACCOUNT_SLOWDOWN_AFTER)
      // The real user is slowed too, but signs in: no 429.
      const real = await signIn(user.email, TEST_PASSWORD, '10.9.1.1')
      expect(real.status).toBe(302)
      expect(waits.at(-1)).toBe(ACCOUNT_MAX_DELAY_MS)
      // A success starts the account's count again: the next sign-in waits no more.
      waits.length = 0
      expect((await signIn(user.email, TEST_PASSWORD, '10.9.1.2')).status).toBe(302)
      expect(waits).toEqual([])
    } finally {
      spy.mockRestore()
    }
  })

  it('accountDelayMs: nothing up to the soft limit, then doubling from 250 ms, capped', () => {
    expect(accountDelayMs(0)).toBe(0)
    expect(accountDelayMs(ACCOUNT_SLOWDOWN_AFTER - 1)).toBe(0)
    expect(accountDelayMs(ACCOUNT_SLOWDOWN_AFTER)).toBe(250)
    expect(accountDelayMs(ACCOUNT_SLOWDOWN_AFTER + 2)).toBe(1000)
    expect(accountDelayMs(1000)).toBe(ACCOUNT_MAX_DELAY_MS)
  })

  it('refuses hostile input with a 4xx and a message, never a 500', async () => {
    const cases: Record<string, string | string[]>[] = [
      {},
      { email: '', password: '' },
      { email: 'x'.repeat(10_000), password: 'y'.repeat(10_000) },
      { email: 'a@b.co', password: 'p'.repeat(300) },
      { email: ['a@b.co', 'c@d.co'], password: 'whatever123' },
      { email: 'a@b.co', password: 'whatever123', isAdmin: 'true' },
      { email: "' or 1=1 --", password: '<script>alert(1)</script>' },
    ]
    for (const form of cases) {
      const request = makeRequest('/login', { form })
      const r = await call(() => loginRoute.action({ request, params: {}, context: ctx() }))
      expect(r.status, JSON.stringify(form).slice(0, 80)).toBeGreaterThanOrEqual(400)
      expect(r.status).toBeLessThan(500)
      expect((r.data as { formError: string }).formError.length).toBeGreaterThan(5)
    }
  })

  it('never redirects off-site after login', async () => {
    const user = await createUser()
    const request = makeRequest('/login', { form: { email: user.email, password: TEST_PASSWORD, redirectTo: '//evil.example/x' } })
    const r = await call(() => loginRoute.action({ request, params: {}, context: ctx() }))
    expect(r.location).not.toContain('evil')
  })
})

describe('logout and sessions', () => {
  it('logout ends the session: replaying the old cookie is anonymous', async () => {
    const user = await createUser()
    const cookie = await cookieFor(user)
    expect((await getSessionUser(makeRequest('/', { cookie }))).user?.id).toBe(user.id)
    await call(() => logoutRoute.action({ request: makeRequest('/logout', { form: {}, cookie }), params: {}, context: {} }))
    expect((await getSessionUser(makeRequest('/', { cookie }))).user).toBeNull()
  })

  it('a password change ends every other session', async () => {
    const user = await createUser()
    const phone = await cookieFor(user)
    const laptop = await cookieFor(user)
    const request = makeRequest('/account', {
      cookie: laptop,
      form: { currentPassword: TEST_PASSWORD, password: 'a brand new password', confirm: 'a brand new password' },
    })
    const r = await call(() => accountRoute.action({ request, params: {}, context: ctx() }))
    expect(r.status).toBe(302)
    expect((await getSessionUser(makeRequest('/', { cookie: phone }))).user).toBeNull()
    expect((await getSessionUser(makeRequest('/', { cookie: laptop }))).user).toBeNull()
    const fresh = r.response!.headers.get('Set-Cookie')!.split(';')[0]!
    expect((await getSessionUser(makeRequest('/', { cookie: fresh }))).user?.id).toBe(user.id)
    const audit = await db()
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.entityId, user.id), eq(schema.auditEvents.action, 'user.password_changed')))
    expect(audit.length).toBe(1)
  })
})

describe('forgot password', () => {
  it('emails a one-time link that sets a new password and expires after use', async () => {
    const user = await createUser()
    const r = await call(() => forgotRoute.action({ request: makeRequest('/forgot-password', { form: { email: user.email } }), params: {}, context: {} }))
    expect(r.status).toBe(200)
    await processAuthMailRequests()
    const queued = await db().select().from(schema.outboxMessages)
    const mail = queued.filter((m) => m.toAddresses.includes(user.email)).at(-1)!
    expect(mail.subject).toBe('Reset your Greenroom password')
    const token = /reset-password\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!

    const form = { password: 'my new password 1', confirm: 'my new password 1' }
    const ok = await call(() => resetRoute.action({ request: makeRequest(`/reset-password/${token}`, { form }), params: { token }, context: ctx() }))
    expect(ok.status).toBe(302)
    expect((await signIn(user.email, 'my new password 1')).status).toBe(302)
    const again = await call(() => resetRoute.action({ request: makeRequest(`/reset-password/${token}`, { form }), params: { token }, context: ctx() }))
    expect(again.status).toBe(410)
  })

  it('answers the same for an unknown email and queues nothing', async () => {
    const email = `ghost-${uid()}@example.test`
    const r = await call(() => forgotRoute.action({ request: makeRequest('/forgot-password', { form: { email } }), params: {}, context: {} }))
    expect(r.status).toBe(200)
    expect(r.data).toEqual({ ok: true, email })
    const queued = await db().select().from(schema.outboxMessages)
    expect(queued.some((m) => m.toAddresses.includes(email))).toBe(false)
  })

  it('refuses an expired link', async () => {
    const user = await createUser()
    await call(() => forgotRoute.action({ request: makeRequest('/forgot-password', { form: { email: user.email } }), params: {}, context: {} }))
    await processAuthMailRequests()
    await db().update(schema.passwordResets).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.passwordResets.userId, user.id))
    const [msg] = await db().select().from(schema.outboxMessages).where(eq(schema.outboxMessages.subject, 'Reset your Greenroom password'))
    expect(msg).toBeDefined()
    const rows = await db().select().from(schema.outboxMessages)
    const mine = rows.find((m) => m.toAddresses.includes(user.email))!
    const token = /reset-password\/([A-Za-z0-9_-]+)/.exec(mine.text)![1]!
    const form = { password: 'my new password 1', confirm: 'my new password 1' }
    const r = await call(() => resetRoute.action({ request: makeRequest(`/reset-password/${token}`, { form }), params: { token }, context: ctx() }))
    expect(r.status).toBe(410)
  })
})

/** How many SQL statements fn sends (the same counter as the request log line). */
async function statementsOf(fn: () => Promise<unknown>) {
  const store = { queries: 0 }
  await queryCounter.run(store, async () => {
    await fn()
  })
  return { count: store.queries }
}

describe('the same work for a known and an unknown email', () => {
  for (const [path, route] of [
    ['/forgot-password', forgotRoute],
    ['/sign-in-link', signInLinkRoute],
  ] as const) {
    it(`${path}: the same statements, the same answer, nothing looked up or emailed in the request`, async () => {
      const user = await createUser()
      const ghost = `ghost-${uid()}@example.test`
      const before = await db().select().from(schema.outboxMessages)
      const post = (email: string) => call(() => route.action({ request: makeRequest(path, { form: { email } }), params: {}, context: {} }))
      let known: Awaited<ReturnType<typeof post>> | undefined
      let unknown: Awaited<ReturnType<typeof post>> | undefined
      const a = await statementsOf(async () => (known = await post(user.email)))
      const b = await statementsOf(async () => (unknown = await post(ghost)))
      expect(a.count).toBe(b.count)
      expect(a.count).toBe(1) // one insert into the queue, no account lookup
      expect(known!.status).toBe(200)
      expect(unknown!.status).toBe(200)
      expect({ ...(known!.data as object), email: '' }).toEqual({ ...(unknown!.data as object), email: '' })
      // Nothing reached the outbox during the request, for either.
      expect((await db().select().from(schema.outboxMessages)).length).toBe(before.length)
      const queued = await db().select().from(schema.authMailRequests)
      expect(queued.filter((q) => q.email === user.email || q.email === ghost).map((q) => q.email).sort()).toEqual([ghost, user.email].sort())
      // The worker emails the account and nobody for the unknown address.
      await processAuthMailRequests()
      const after = await db().select().from(schema.outboxMessages)
      expect(after.filter((m) => m.toAddresses.includes(user.email)).length).toBe(1)
      expect(after.some((m) => m.toAddresses.includes(ghost))).toBe(false)
    })
  }
})

describe('sign-in link by email', () => {
  async function linkFor(email: string) {
    await call(() => signInLinkRoute.action({ request: makeRequest('/sign-in-link', { form: { email } }), params: {}, context: {} }))
    await processAuthMailRequests()
    const mail = (await db().select().from(schema.outboxMessages)).filter((m) => m.toAddresses.includes(email) && m.template === 'sign-in-link').at(-1)!
    return /sign-in-link\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!
  }
  const useLink = (token: string, ip = '10.8.0.1') =>
    call(() => signInLinkTokenRoute.action({ request: makeRequest(`/sign-in-link/${token}`, { form: {} }), params: { token }, context: ctx(ip) }))

  it('signs the real user in while their account is under attack, once, and stores only a hash', async () => {
    const user = await createUser()
    const token = await linkFor(user.email)
    // Opening the link (GET) does not use it: a mail scanner cannot burn it.
    const page = await call(() => signInLinkTokenRoute.loader({ request: makeRequest(`/sign-in-link/${token}`), params: { token }, context: {} }))
    expect(page.data).toEqual({ valid: true })
    const [row] = await db().select().from(schema.signInLinks).where(eq(schema.signInLinks.userId, user.id))
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(row!.tokenHash).not.toBe(token)
    expect(Math.abs(row!.expiresAt.getTime() - row!.createdAt.getTime() - SIGN_IN_LINK_TTL_MINUTES * 60_000)).toBeLessThan(5_000)
    // The attacker's IP is blocked for the password; the link still works from there.
    const ip = '10.8.3.3'
    for (let i = 0; i < 6; i++) await signIn(user.email, `guess ${i} guess`, ip)
    expect((await signIn(user.email, TEST_PASSWORD, ip)).status).toBe(429)
    const r = await useLink(token, ip)
    expect(r.status).toBe(302)
    expect((await getSessionUser(makeRequest('/', { cookie: sessionCookie(r)! }))).user?.id).toBe(user.id)
    // Single use.
    expect((await useLink(token)).status).toBe(410)
  })

  it('two clicks at once give one session; an expired link is refused', async () => {
    const user = await createUser()
    const token = await linkFor(user.email)
    const both = await Promise.all([useLink(token), useLink(token)])
    expect(both.map((r) => r.status).sort()).toEqual([302, 410])
    const late = await linkFor(user.email)
    await db().update(schema.signInLinks).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.signInLinks.userId, user.id))
    expect((await useLink(late)).status).toBe(410)
  })
})

describe('the auth mail requests job', () => {
  it('is in the registry, recurs, and sends the links queued by the web', async () => {
    expect(JOBS).toContain(authMailJob)
    expect([...recurringSchedules.values()].some((s) => s.job === authMailJob)).toBe(true)
    const user = await createUser()
    await call(() => forgotRoute.action({ request: makeRequest('/forgot-password', { form: { email: user.email } }), params: {}, context: {} }))
    await authMailJob.run({} as never, { jobId: 'test', attempt: 1, now: new Date() })
    const mails = (await db().select().from(schema.outboxMessages)).filter((m) => m.toAddresses.includes(user.email))
    expect(mails.map((m) => m.subject)).toEqual(['Reset your Greenroom password'])
  })
})
