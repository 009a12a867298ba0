/**
 * Open redirect through the real sign-in action (issue #14): whatever `redirectTo` carries, the browser is
 * sent to a path on our own origin — the one asked for when it is a plain same-origin path, the person's
 * home otherwise. The nasty list is the unit test's (tests/unit/safe-redirect.test.ts); the browser-side
 * proof is tests/e2e/security.e2e.ts.
 */
import { describe, expect, it } from 'vitest'
import * as loginRoute from '#app/routes/_auth+/login.tsx'
import { call, createUser, makeRequest, TEST_PASSWORD } from '#tests/factories.ts'

let ipSeq = 0
const ctx = () => ({ requestId: 't', ip: `10.77.${Math.floor(++ipSeq / 200)}.${ipSeq % 200}` })

async function signIn(email: string, redirectTo?: string) {
  const form: Record<string, string> = { email, password: TEST_PASSWORD }
  if (redirectTo !== undefined) form.redirectTo = redirectTo
  return call(() => loginRoute.action({ request: makeRequest('/login', { form }), params: {}, context: ctx() }))
}

const NASTY = [
  '//evil.example/x',
  '/\\evil.example',
  '\\\\evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/%2F/evil.example',
  '/%2f%2fevil.example',
  '/%5Cevil.example',
  '/%09/evil.example',
  '/%252F%252Fevil.example',
  '/..//evil.example',
  'https://evil.example',
  'javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,x',
  ' //evil.example',
]

describe('sign-in redirectTo goes only to our own origin', () => {
  it('follows a plain same-origin path', async () => {
    const user = await createUser()
    const r = await signIn(user.email, '/account?tab=security')
    expect(r.status).toBe(302)
    expect(r.location).toBe('/account?tab=security')
  })

  it('sends every nasty target to the home page instead', async () => {
    const user = await createUser()
    const home = (await signIn(user.email)).location
    expect(home).toMatch(/^\/[^/\\]/)
    for (const bad of NASTY) {
      const r = await signIn(user.email, bad)
      expect(r.status, JSON.stringify(bad)).toBe(302)
      expect(r.location, JSON.stringify(bad)).toBe(home)
      expect(new URL(r.location!, 'http://greenroom.test').origin).toBe('http://greenroom.test')
    }
  })
})
