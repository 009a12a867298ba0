import { createRequestHandler } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { testServerBuild, type TestRoute } from '#tests/remix-build.ts'

/**
 * The request a loader or action gets (the @remix-run/server-runtime patch in .ci/patches, issue #18): Remix
 * strips its own `index` and `_routes` search parameters before a loader sees the URL, and built two new
 * Requests per loader call to do it, whether or not the URL carried them. With nothing to strip the loaders
 * now get the request itself; with something to strip they still get a stripped copy.
 */
type Seen = { route: string; request: Request; body?: string }

function app() {
  const seen: Seen[] = []
  const record = (route: string) => ({ request }: { request: Request }) => {
    seen.push({ route, request })
    return { url: request.url }
  }
  const modules: Record<string, TestRoute> = {
    root: { module: { default: () => null, loader: record('root') } },
    'routes/b': { parentId: 'root', path: 'b', module: { default: () => null, loader: record('b') } },
    'routes/b._index': {
      parentId: 'routes/b',
      index: true,
      module: {
        default: () => null,
        loader: record('b._index'),
        action: async ({ request }: { request: Request }) => {
          const form = await request.formData()
          seen.push({ route: 'b._index action', request, body: String(form.get('note')) })
          return { ok: true }
        },
      },
    },
    'routes/api': { parentId: 'root', path: 'api', module: { loader: record('api') } },
  }
  const build = testServerBuild(modules, { default: () => new Response('<html></html>', { headers: { 'Content-Type': 'text/html' } }), handleError() {} } as never)
  return { handle: createRequestHandler(build), seen }
}

describe('the request a loader gets', () => {
  it('is the request itself when the URL carries nothing Remix strips: every loader of the page gets it', async () => {
    const { handle, seen } = app()
    const request = new Request('http://x.test/b?status=open&q=%C3%A9')
    const res = await handle(request)
    expect(res.status).toBe(200)
    expect(seen.map((s) => s.route).sort()).toEqual(['b', 'b._index', 'root'])
    for (const s of seen) {
      expect(s.request).toBe(request)
      expect(s.request.url).toBe('http://x.test/b?status=open&q=%C3%A9')
    }
  })

  it('is the request itself for a resource route, and it aborts with it', async () => {
    const { handle, seen } = app()
    const controller = new AbortController()
    const request = new Request('http://x.test/api', { signal: controller.signal })
    await handle(request)
    expect(seen).toHaveLength(1)
    expect(seen[0]!.request).toBe(request)
    controller.abort()
    expect(seen[0]!.request.signal.aborted).toBe(true)
  })

  it('has ?index and ?_routes taken out, other parameters kept, and a valued index kept', async () => {
    const { handle, seen } = app()
    await handle(new Request('http://x.test/b?a=1&index&b=2'))
    expect(new Set(seen.map((s) => s.request.url))).toEqual(new Set(['http://x.test/b?a=1&b=2']))

    seen.length = 0
    await handle(new Request('http://x.test/b.data?_routes=routes%2Fb&a=1'))
    expect(seen.length).toBeGreaterThan(0)
    for (const s of seen) expect(s.request.url).toBe('http://x.test/b?a=1')

    seen.length = 0
    const controller = new AbortController()
    await handle(new Request('http://x.test/b?index=keep&a=1', { signal: controller.signal }))
    expect(seen.length).toBeGreaterThan(0)
    // Remix's own rule, unchanged: a valued index is kept and moved to the end.
    for (const s of seen) expect(s.request.url).toBe('http://x.test/b?a=1&index=keep')
  })

  it('a stripped copy still follows the original abort signal', async () => {
    const { handle, seen } = app()
    const controller = new AbortController()
    await handle(new Request('http://x.test/api?index&x=1', { signal: controller.signal }))
    expect(seen[0]!.request.url).toBe('http://x.test/api?x=1')
    expect(seen[0]!.request.signal.aborted).toBe(false)
    controller.abort()
    expect(seen[0]!.request.signal.aborted).toBe(true)
  })

  it('lets an action read the posted body, with and without ?index in the URL', async () => {
    for (const url of ['http://x.test/b?index', 'http://x.test/b/?index&x=1']) {
      const { handle, seen } = app()
      const res = await handle(
        new Request(url, { method: 'POST', body: new URLSearchParams({ note: 'hé & <b>' }), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }),
      )
      expect(res.status).toBe(200)
      const action = seen.find((s) => s.route === 'b._index action')
      expect(action?.body).toBe('hé & <b>')
      expect(action?.request.url).not.toContain('index')
    }
  })
})
