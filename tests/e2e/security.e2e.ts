import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { expect, test } from '@playwright/test'
import { login } from './helpers.ts'

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

test('a page is sent whole: its length, not chunks; gzip when asked, the same page', async ({ baseURL }) => {
  // entry.server.tsx renders the whole page before it answers (issue #18): one body with Content-Length.
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .request(new URL(path, baseURL), { method, headers }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
        })
        .on('error', reject)
        .end()
    })
  const plain = await get('/login')
  expect(plain.status).toBe(200)
  expect(plain.headers['transfer-encoding']).toBeUndefined()
  expect(Number(plain.headers['content-length'])).toBe(plain.body.length)
  const html = plain.body.toString('utf8')
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
  expect(html).toContain('</html>')
  // The loader data Remix streams after the document is all there, closed, so the browser can hydrate.
  expect(html).toContain('window.__remixContext.streamController.enqueue(')
  expect(html).toContain('window.__remixContext.streamController.close()')
  // HEAD (monitors, link checkers): the same status and length, no body.
  const head = await get('/login', {}, 'HEAD')
  expect(head.status).toBe(200)
  expect(head.headers['transfer-encoding']).toBeUndefined()
  expect(head.body.length).toBe(0)
  expect(Number(head.headers['content-length'])).toBe(plain.body.length)
  // A route that answers 404 is a whole page too, with its status.
  const missing = await get('/this/does/not/exist')
  expect(missing.status).toBe(404)
  expect(Number(missing.headers['content-length'])).toBe(missing.body.length)
  const zipped = await get('/login', { 'Accept-Encoding': 'gzip' })
  expect(zipped.headers['content-encoding']).toBe('gzip')
  const unzipped = gunzipSync(zipped.body).toString('utf8')
  // The same page but for the per-response nonce.
  const noNonce = (s: string) => s.replace(/nonce="[^"]+"/g, 'nonce=""')
  expect(noNonce(unzipped)).toBe(noNonce(html))
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

test('a POST without an Origin or Referer, or with Origin null, is refused', async ({ playwright, baseURL }) => {
  // A bare API context sends no Origin by itself.
  const ctx = await playwright.request.newContext({ baseURL })
  const bare = await ctx.post('/login', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, data: 'email=a%40b.co&password=x', maxRedirects: 0 })
  expect(bare.status()).toBe(403)
  const nullOrigin = await ctx.post('/login', { headers: { Origin: 'null', 'Content-Type': 'application/x-www-form-urlencoded' }, data: 'email=a%40b.co&password=x', maxRedirects: 0 })
  expect(nullOrigin.status()).toBe(403)
  const lookalike = await ctx.post('/login', {
    headers: { Origin: `${baseURL}.evil.example`, 'Content-Type': 'application/x-www-form-urlencoded' },
    data: 'email=a%40b.co&password=x',
    maxRedirects: 0,
  })
  expect(lookalike.status()).toBe(403)
  await ctx.dispose()
})

test('error pages and files get the same headers, with their own nonce', async ({ request }) => {
  const missing = await request.get('/this/does/not/exist')
  const page = await request.get('/login')
  const nonce = (r: typeof page) => /'nonce-([^']+)'/.exec(r.headers()['content-security-policy'] ?? '')?.[1]
  expect(missing.status()).toBe(404)
  expect(nonce(missing)).toBeTruthy()
  expect(nonce(missing)).not.toEqual(nonce(page))
  expect(missing.headers()['x-content-type-options']).toBe('nosniff')
  expect(missing.headers()['x-frame-options']).toBe('DENY')
  const file = await request.get('/files/nothing-here')
  expect(file.headers()['content-security-policy']).toContain("object-src 'none'")
})

test('stored text is escaped where it is shown (no HTML injection)', async ({ page }) => {
  const hostile = `<img src=x onerror="window.__xss=1">Gates "quoted" & <script>window.__xss=2</script>`
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await login(page, 'marco@acme.test')
  await page.goto('/b/acme-running/campaigns/new')
  await page.getByLabel('Name').fill(hostile.slice(0, 120))
  await page.getByLabel('Budget').fill('1000')
  await page.getByRole('button', { name: /create/i }).click()
  await page.waitForURL(/\/campaigns\/[^/]+\/brief/)
  // The text shows as text...
  await expect(page.getByText('Gates "quoted" &', { exact: false }).first()).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
  expect(await page.locator('img[src="x"]').count()).toBe(0)
  // ...and the HTML the server sent has it escaped, on the campaign page and in the list.
  const briefHtml = await (await page.request.get(page.url())).text()
  expect(briefHtml).not.toContain('<img src=x onerror')
  expect(briefHtml).toContain('&lt;img src=x onerror')
  const list = await (await page.request.get('/b/acme-running/campaigns')).text()
  expect(list).not.toContain('<img src=x onerror')
  expect(dialogs).toEqual([])
})

test('production mode sends HSTS, hides the development mail viewer, and lets a request in flight finish on SIGTERM', async () => {
  test.setTimeout(120_000)
  const port = 3400 + (Number(process.env.E2E_PORT ?? 3123) % 500)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gates-prod-'))
  const server = spawn('node', ['build/server.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      GREENROOM_DEMO: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_URL: `https://127.0.0.1:${port}`,
      SESSION_SECRET: 'gates-production-secret-0123456789abcdef',
      OUTBOX_WORKER: '0',
      MAIL_DIR: path.join(dir, 'mail'),
      UPLOAD_DIR: path.join(dir, 'uploads'),
      ...(process.env.DATABASE_URL ? {} : { PGLITE_DIR: path.join(dir, 'db') }),
    },
    stdio: 'ignore',
  })
  try {
    const base = `http://127.0.0.1:${port}`
    await expect.poll(async () => (await fetch(`${base}/healthz`).catch(() => null))?.status ?? 0, { timeout: 90_000, intervals: [500] }).toBe(200)
    const res = await fetch(`${base}/login`)
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/)
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    // The dev mail viewer does not exist in production.
    expect((await fetch(`${base}/dev/mail`)).status).toBe(404)
    // A failed sign-in starts no session.
    const flash = await fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email=nobody%40example.test&password=not-the-password',
    })
    expect(flash.status).toBe(400)
    expect(flash.headers.get('set-cookie') ?? '').not.toContain('gr_session=')

    // A restart (SIGTERM) lets a request in flight finish before the database closes: a sign-in whose body is
    // still arriving when the signal comes gets its answer (400: wrong password), not a reset or a 500; then
    // the process exits cleanly and takes no new connection.
    const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)))
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${base}/login`, { method: 'POST', headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked' } }, (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      })
      req.on('error', reject)
      req.write('email=nobody%40example.test&pass')
      setTimeout(() => {
        server.kill('SIGTERM')
        setTimeout(() => req.end('word=not-the-password'), 500)
      }, 300)
    })
    const got = await answer
    expect(got.status).toBe(400)
    expect(got.body).toContain('</html>')
    expect(await exited).toBe(0)
    expect(await fetch(`${base}/healthz`).then((r) => r.status, () => 'refused')).toBe('refused')
  } finally {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM')
      await new Promise((r) => server.once('exit', r))
    }
    rmSync(dir, { recursive: true, force: true })
  }
})

// Issue #14: redirectTo accepts only a same-origin path after normalisation. Each hostile form is typed into a
// real browser's address bar, the person signs in, and the browser must still be on this origin.
test('sign-in never sends the browser to another site, however redirectTo is written', async ({ browser, baseURL }) => {
  test.setTimeout(300_000) // a fresh browser context and a real sign-in per form
  const hostile = [
    '//evil.example/x',
    'https://evil.example/x',
    '/\\evil.example/x',
    '\\\\evil.example/x',
    '/\t/evil.example/x',
    '/\n/evil.example/x',
    '%2F%2Fevil.example/x',
    '/%2F%2Fevil.example/x',
    '/%5Cevil.example/x',
    'javascript:alert(document.domain)',
    '///evil.example/x',
    ' //evil.example/x',
  ]
  for (const value of hostile) {
    const context = await browser.newContext()
    const page = await context.newPage()
    const left: string[] = []
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) left.push(f.url())
    })
    await page.goto(`/login?${new URLSearchParams({ redirectTo: value })}`)
    await page.getByLabel('Email').fill('ava@acme.test')
    await page.getByLabel('Password').fill('greenroom-demo-2026')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL((u) => !u.pathname.startsWith('/login'))
    await page.waitForLoadState('load')
    const origin = new URL(baseURL!).origin
    expect(new URL(page.url()).origin, `redirectTo=${JSON.stringify(value)}`).toBe(origin)
    expect(left.filter((u) => !u.startsWith(origin) && u !== 'about:blank'), `redirectTo=${JSON.stringify(value)}`).toEqual([])
    await context.close()
  }
})
