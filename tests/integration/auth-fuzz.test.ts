/**
 * Hostile input on every auth form: random and nasty payloads (missing fields, wrong types, huge
 * strings, unicode, SQL and HTML fragments, unknown fields, repeated fields) always get a 4xx with a
 * message — never a 500, never a session, never a new user.
 */
import fc from 'fast-check'
import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import * as loginRoute from '#app/routes/_auth+/login.tsx'
import * as forgotRoute from '#app/routes/_auth+/forgot-password.tsx'
import * as resetRoute from '#app/routes/_auth+/reset-password.$token.tsx'
import * as inviteRoute from '#app/routes/_auth+/invite.$token.tsx'
import * as accountRoute from '#app/routes/account.tsx'
import { call, cookieFor, createUser, makeRequest } from '#tests/factories.ts'

const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom("' or 1=1 --", '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '\u0000', '%00', '😀'.repeat(50), 'a'.repeat(10_000), '-1', '1e309', 'NaN', ' '),
)
const fieldName = fc.constantFrom('email', 'password', 'confirm', 'name', 'intent', 'currentPassword', 'redirectTo', 'isAdmin', 'role', '__proto__')
const payload = fc.array(fc.tuple(fieldName, nasty), { maxLength: 6 })

function form(pairs: [string, string][]) {
  const out: Record<string, string[]> = Object.create(null)
  for (const [k, v] of pairs) (out[k] ??= []).push(v)
  return out
}

async function counts() {
  const [[u], [s]] = await Promise.all([db().select({ n: count() }).from(schema.users), db().select({ n: count() }).from(schema.sessions)])
  return { users: Number(u!.n), sessions: Number(s!.n) }
}

describe('auth forms refuse hostile input with a 4xx and a message', () => {
  it('login, forgot password, reset, invitation, change password', async () => {
    const user = await createUser()
    const cookie = await cookieFor(user)
    const before = await counts()
    const token = 'A'.repeat(43)
    const actions: [string, (f: Record<string, string[]>) => Promise<{ status: number; data: unknown }>][] = [
      ['login', (f) => call(() => loginRoute.action({ request: makeRequest('/login', { form: f }), params: {}, context: {} }))],
      ['forgot', (f) => call(() => forgotRoute.action({ request: makeRequest('/forgot-password', { form: f }), params: {}, context: {} }))],
      ['reset', (f) => call(() => resetRoute.action({ request: makeRequest(`/reset-password/${token}`, { form: f }), params: { token }, context: {} }))],
      ['invite', (f) => call(() => inviteRoute.action({ request: makeRequest(`/invite/${token}`, { form: f }), params: { token }, context: {} }))],
      ['account', (f) => call(() => accountRoute.action({ request: makeRequest('/account', { form: f, cookie }), params: {}, context: {} }))],
    ]
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...actions), payload, async ([name, act], pairs) => {
        const f = form(pairs)
        // A forgot-password request for a syntactically valid email is allowed to succeed (200, same answer for all).
        const r = await act(f)
        const ok = r.status === 200 && name === 'forgot'
        if (!ok) {
          expect(r.status, `${name} ${JSON.stringify(f).slice(0, 120)}`).toBeGreaterThanOrEqual(400)
          expect(r.status).toBeLessThan(500)
          expect(typeof (r.data as { formError?: unknown })?.formError).toBe('string')
        }
      }),
      { numRuns: 150, seed: 20261125 },
    )
    const after = await counts()
    expect(after.users).toBe(before.users)
  })
})
