import { expect, test } from '@playwright/test'

test('every page gets a fresh CSP nonce and the security headers', async ({ request }) => {
  const a = await request.get('/login')
  const b = await request.get('/login')
  const cspA = a.headers()['content-security-policy']!
  const cspB = b.headers()['content-security-policy']!
  const nonce = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1]
  expect(nonce(cspA)).toBeTruthy()
  expect(nonce(cspA)).not.toEqual(nonce(cspB))
  expect(cspA).toContain("object-src 'none'")
  expect(cspA).toContain("base-uri 'none'")
  expect(cspA).toContain("frame-ancestors 'none'")
  expect(a.headers()['x-content-type-options']).toBe('nosniff')
  expect(a.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin')
  expect(a.headers()['x-request-id']).toMatch(/^[\w-]{8,}$/)
  // The inline scripts Remix writes carry the nonce of this response.
  const html = await a.text()
  expect(html).toContain(`nonce="${nonce(cspA)}"`)
})

test('a POST from another origin is refused before it reaches the app', async ({ request, baseURL }) => {
  const foreign = await request.post('/login', {
    headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
    data: 'email=ava%40acme.test&password=greenroom-demo-2026',
    maxRedirects: 0,
  })
  expect(foreign.status()).toBe(403)
  expect(foreign.headers()['set-cookie'] ?? '').not.toContain('gr_session')
  const same = await request.post('/login', {
    headers: { Origin: baseURL!, 'Content-Type': 'application/x-www-form-urlencoded' },
    data: 'email=ava%40acme.test&password=greenroom-demo-2026',
    maxRedirects: 0,
  })
  expect(same.status()).toBe(302)
  expect(same.headers()['set-cookie']).toContain('gr_session=')
  expect(same.headers()['set-cookie']).toMatch(/HttpOnly/i)
})

test('healthz reports the database', async ({ request }) => {
  const res = await request.get('/healthz')
  expect(res.status()).toBe(200)
  const body = await res.json()
  expect(body.status).toBe('ok')
  expect(body.database.ok).toBe(true)
})

test('404 and 403 pages say what to do', async ({ page }) => {
  const res = await page.goto('/this/does/not/exist')
  expect(res?.status()).toBe(404)
  await expect(page.getByRole('link', { name: 'Go to my home page' })).toBeVisible()
})
