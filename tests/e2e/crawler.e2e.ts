/**
 * Crawler gate: every link a signed-in actor sees resolves. For each demo actor, sign in, fetch their
 * home and follow every same-origin href found in the HTML (breadth first, bounded: a few pages per
 * route shape), without following redirects. Every link answers 200, 302/303 or 403, never 404 or 500;
 * and every signed-in HTML page is `Cache-Control: private, no-store`.
 */
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test'
import { DEMO_PASSWORD } from '../../db/seed-data.ts'

const ACTORS = ['ava@acme.test', 'marco@acme.test', 'fiona@acme.test', 'victor@acme.test', 'maya@creators.test', 'nora@northstar.test', 'gina@glow.test']
const MAX_PAGES = 90
const PER_SHAPE = 2

/** Links the crawler must not follow: they end the session or count as real clicks. */
const SKIP = [/^\/logout/, /^\/r\//, /^\/build\//, /^\/api\//]

/** Route shape: id-like segments become ":id", so /b/x/offers/abc and /b/x/offers/def count as one shape. */
function shape(path: string) {
  const [p, q] = path.split('?')
  const segs = p!.split('/').map((s) => (/\d/.test(s) && s.length >= 8 ? ':id' : s))
  return segs.join('/') + (q ? `?${q.split('&').map((kv) => kv.split('=')[0]).sort().join('&')}` : '')
}

function hrefsOf(html: string, from: string, origin: string): string[] {
  const out: string[] = []
  for (const m of html.matchAll(/\shref="([^"]*)"/g)) {
    const raw = m[1]!.replaceAll('&amp;', '&')
    if (!raw || raw.startsWith('#') || /^(mailto|tel|javascript):/i.test(raw)) continue
    let url: URL
    try {
      url = new URL(raw, origin + from)
    } catch {
      continue
    }
    if (url.origin !== origin) continue
    out.push(url.pathname + url.search)
  }
  return out
}

async function signedIn(baseURL: string, email: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL })
  const r = await ctx.post('/login', {
    headers: { Origin: baseURL },
    form: { email, password: DEMO_PASSWORD, redirectTo: '' },
    maxRedirects: 0,
  })
  expect(r.status(), `sign in as ${email}`).toBe(302)
  return ctx
}

for (const email of ACTORS) {
  test(`crawl as ${email}: every link answers 200, 302 or 403; pages are private, no-store`, async ({ baseURL }) => {
    test.setTimeout(180_000)
    const ctx = await signedIn(baseURL!, email)
    const seen = new Set<string>()
    const shapes = new Map<string, number>()
    const queue: { path: string; from: string }[] = [{ path: '/', from: '(start)' }]
    const broken: string[] = []
    let pages = 0
    while (queue.length && pages < MAX_PAGES) {
      const { path, from } = queue.shift()!
      if (seen.has(path) || SKIP.some((s) => s.test(path))) continue
      seen.add(path)
      const k = shape(path)
      if ((shapes.get(k) ?? 0) >= PER_SHAPE) continue
      shapes.set(k, (shapes.get(k) ?? 0) + 1)
      pages++
      const r = await ctx.get(path, { maxRedirects: 0 })
      const status = r.status()
      if (![200, 302, 303, 403].includes(status)) {
        broken.push(`${status} ${path} (linked from ${from})`)
        continue
      }
      if (status === 302 || status === 303) {
        const to = r.headers()['location']
        const next = to ? new URL(to, baseURL!) : null
        if (next && next.origin === new URL(baseURL!).origin) queue.push({ path: next.pathname + next.search, from: `${path} (redirect)` })
        continue
      }
      const type = r.headers()['content-type'] ?? ''
      if (!type.startsWith('text/html')) continue
      expect(r.headers()['cache-control'], `Cache-Control of ${path}`).toBe('private, no-store')
      for (const next of hrefsOf(await r.text(), path, new URL(baseURL!).origin)) if (!seen.has(next)) queue.push({ path: next, from: path })
    }
    await ctx.dispose()
    expect(broken).toEqual([])
    expect(pages, 'the crawl reached pages beyond the home').toBeGreaterThan(5)
  })
}
