import { PassThrough } from 'node:stream'
import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import { Form, Link, Links, Meta, Outlet, RemixServer as RemixOwnServer, Scripts, useLoaderData, useMatches, useParams, useRouteError } from '@remix-run/react'
import { matchRoutes, type RouteObject } from 'react-router-dom'
import fc from 'fast-check'
import { useId } from 'react'
import { renderToPipeableStream } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { matchedBranch, RemixServer } from '#app/utils/remix-server.server.tsx'
import { testServerBuild, type TestRoute } from '#tests/remix-build.ts'

// app/utils/remix-server.server.tsx replaces Remix's <RemixServer> to build the route tree once per build
// and to match <DataRoutes> against the matched branch only. These tests hold it to Remix's own output.

type Node = { id: string; path?: string; index?: boolean; children?: Node[] }
type Shape = { path?: string; index?: boolean; children?: Shape[] }

describe('matching against the matched branch only', () => {
  /** Route trees whose paths are made of these segments (and splats). */
  const treeOf = (...segments: string[]) => {
    const segment = fc.constantFrom(...segments)
    const pathOf = fc.oneof(
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 4, arbitrary: fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.filter(Boolean).join('/')) },
      { weight: 1, arbitrary: fc.array(segment, { minLength: 0, maxLength: 2 }).map((s) => [...s.filter(Boolean), '*'].join('/')) },
    )
    return fc.letrec<{ node: Shape }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record({ index: fc.constant(true) }),
        fc.record({ path: pathOf, children: fc.array(tie('node'), { maxLength: 4 }) }),
      ),
    })).node
  }
  const tree = treeOf('a', 'b', 'c', ':x', ':y', 'a?', ':o?', '')
  const withIds = (n: Shape, id: string): Node => ({ ...n, id, children: n.children?.map((c, i) => withIds(c, `${id}.${i}`)) })
  const url = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'x1', 'a%20b'), { maxLength: 4 }).chain((s) => fc.constantFrom(`/${s.join('/')}`, `/${s.join('/')}/`))

  const shape = (m: ReturnType<typeof matchRoutes>) => m?.map((x) => ({ id: x.route.id, params: x.params, pathname: x.pathname, pathnameBase: x.pathnameBase })) ?? null
  const index = (nodes: Node[], into = new Map<string, Node>()) => {
    for (const n of nodes) {
      into.set(n.id, n)
      if (n.children) index(n.children, into)
    }
    return into
  }

  /** For any tree of `trees` and URL, matching the branch finds what matching the whole tree finds. */
  const sameMatching = (trees: fc.Arbitrary<Shape>, pruned: boolean) =>
    fc.assert(
      fc.property(fc.array(trees, { minLength: 1, maxLength: 4 }), url, (roots, pathname) => {
        const routes = roots.map((r, i) => withIds(r, `r${i}`))
        let full: ReturnType<typeof matchRoutes>
        try {
          full = matchRoutes(routes as RouteObject[], pathname)
        } catch {
          return // a tree React Router itself refuses (e.g. an index route with children): nothing to compare
        }
        // No match: Remix renders the 404 with the first root route as its only match.
        const matched = full ? full.map((m) => ({ route: { id: m.route.id! } })) : [{ route: routes[0]! }]
        const branch = matchedBranch(matched, index(routes), routes)
        if (pruned) expect(branch, "pruned to the matched chain").not.toBe(routes)
        expect(shape(matchRoutes(branch as RouteObject[], pathname))).toEqual(shape(full))
      }),
      { numRuns: 3000 },
    )

  it('finds the same routes, params and pathnames as the whole tree, for any tree and URL', () => {
    sameMatching(tree, false)
  })

  it('prunes every tree without optional segments to the matched chain, and still matches the same way', () => {
    sameMatching(treeOf('a', 'b', 'c', ':x', ':y', ''), true)
  })

  it('keeps the whole tree when a route has an optional segment (a pruned one split the URL differently)', () => {
    // Shrunk by fast-check from a failure of the property above: in the pruned tree, "c/a?" took "/c/a" and its
    // child "a?" nothing; in the whole tree "c/a?" takes "/c" and the child "a".
    const roots: Shape[] = [
      { index: true },
      { path: 'a?/a/a?', children: [{ path: 'c/a?', children: [{ path: 'a?', children: [{ index: true }, { index: true }] }] }, { index: true }] },
    ]
    const routes = roots.map((r, i) => withIds(r, `r${i}`))
    const full = matchRoutes(routes as RouteObject[], '/a/c/a')
    const branch = matchedBranch(full!.map((m) => ({ route: { id: m.route.id! } })), index(routes), routes)
    expect(branch).toBe(routes)
    expect(shape(matchRoutes(branch as RouteObject[], '/a/c/a'))).toEqual(shape(full))
  })

  // .ci/patches/@remix-run+router: matchRoutes keeps its answer per route array and pathname.
  it('answers from its kept results exactly what a first match finds, for any tree and URL', () => {
    const full = (m: ReturnType<typeof matchRoutes>) => m && { shape: shape(m), sharedParams: m.every((x) => x.params === m[0]!.params) }
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 4 }), fc.array(url, { minLength: 1, maxLength: 6 }), (roots, pathnames) => {
        const routes = roots.map((r, i) => withIds(r, `r${i}`)) as RouteObject[]
        for (const pathname of [...pathnames, ...pathnames]) {
          let kept: ReturnType<typeof matchRoutes>
          try {
            kept = matchRoutes(routes, pathname)
          } catch {
            return
          }
          // structuredClone: a new route array, so nothing kept for it yet
          expect(full(kept)).toEqual(full(matchRoutes(structuredClone(routes), pathname)))
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('hands out fresh matches: what a caller changes is not in the next answer', () => {
    const routes = [{ id: 'root', path: '/', children: [{ id: 'b', path: 'b/:brand', children: [{ id: 'p', path: 'posts/:post' }] }] }] as RouteObject[]
    const first = matchRoutes(routes, '/b/acme/posts/7')!
    Object.assign(first[0]!.params, { brand: 'tampered' })
    first[1]!.pathname = '/tampered'
    first.pop()
    const second = matchRoutes(routes, '/b/acme/posts/7')!
    expect(shape(second)).toEqual([
      { id: 'root', params: { brand: 'acme', post: '7' }, pathname: '/', pathnameBase: '/' },
      { id: 'b', params: { brand: 'acme', post: '7' }, pathname: '/b/acme', pathnameBase: '/b/acme' },
      { id: 'p', params: { brand: 'acme', post: '7' }, pathname: '/b/acme/posts/7', pathnameBase: '/b/acme/posts/7' },
    ])
    Object.assign(second[2]!.params, { post: 'tampered' })
    expect(matchRoutes(routes, '/b/acme/posts/7')![2]!.params.post).toBe('7')
    // More pathnames than are kept (2,000), then long ones (not kept): every answer is still the right one.
    for (let i = 0; i < 2_500; i++) expect(matchRoutes(routes, `/b/brand-${i}/posts/${i}`)![2]!.params).toEqual({ brand: `brand-${i}`, post: String(i) })
    const long = 'x'.repeat(600)
    expect(matchRoutes(routes, `/b/${long}/posts/1`)![1]!.params.brand).toBe(long)
    expect(matchRoutes(routes, `/b/${long}/posts/2`)![2]!.params.post).toBe('2')
    expect(matchRoutes(routes, '/nothing/here')).toBeNull()
  })

  it('copies the routes it keeps and leaves the tree as it was', () => {
    const routes: Node[] = [{ id: 'root', children: [{ id: 'a', path: 'a', children: [{ id: 'a1', index: true }, { id: 'a2', path: ':x' }] }, { id: 'b', path: 'b' }] }]
    const before = JSON.stringify(routes)
    const branch = matchedBranch(matchRoutes(routes as RouteObject[], '/a/7')!.map((m) => ({ route: { id: m.route.id! } })), index(routes), routes)
    expect(JSON.stringify(routes)).toBe(before)
    expect(branch).toEqual([{ id: 'root', children: [{ id: 'a', path: 'a', children: [{ id: 'a2', path: ':x', children: undefined }] }] }])
  })
})

describe('the page HTML', () => {
  // React Router's development build warns about the URLs no route matches (the 404 cases below).
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
  })
  afterEach(() => {
    vi.mocked(console.warn).mockRestore()
  })
  function Document({ children }: { children: React.ReactNode }) {
    return (
      <html lang="en">
        <head>
          <Meta />
          <Links />
        </head>
        <body>
          {children}
          <Scripts nonce="n0nce" />
        </body>
      </html>
    )
  }
  function Ids({ name }: { name: string }) {
    const id = useId()
    const matches = useMatches()
    const params = useParams()
    return (
      <p data-id={id} data-name={name}>
        {matches.map((m) => m.id).join(',')} {JSON.stringify(params)} <Link to="../up">up</Link> <Link to="next">next</Link>
        <Form method="post">
          <input name="x" id={`${id}-x`} />
        </Form>
      </p>
    )
  }
  const page = (name: string, extra: Record<string, unknown> = {}) => ({
    default: function Page() {
      const data = useLoaderData<unknown>()
      return (
        <section>
          <Ids name={name} />
          <pre>{JSON.stringify(data ?? null)}</pre>
          <Outlet />
        </section>
      )
    },
    ...extra,
  })
  function Boundary() {
    const error = useRouteError() as { status?: number; message?: string }
    return <p role="alert">{error.status ?? error.message}</p>
  }
  const modules: Record<string, TestRoute> = {
    root: {
      module: {
        default: () => (
          <Document>
            <Outlet />
          </Document>
        ),
        ErrorBoundary: () => (
          <Document>
            <Boundary />
          </Document>
        ),
        loader: () => ({ user: null, when: 1 }),
        meta: () => [{ title: 'T' }],
        links: () => [{ rel: 'stylesheet', href: '/app.css' }],
      },
    },
    'routes/_auth': { parentId: 'root', module: page('auth') },
    'routes/_auth.login': { parentId: 'routes/_auth', path: 'login', module: page('login', { loader: () => null }) },
    'routes/_index': { parentId: 'root', index: true, module: page('home') },
    'routes/b.$brand': { parentId: 'root', path: 'b/:brand', module: page('brand', { loader: ({ params }: { params: Record<string, string> }) => ({ brand: params.brand }), ErrorBoundary: Boundary }) },
    'routes/b.$brand._index': { parentId: 'routes/b.$brand', index: true, module: page('brand home') },
    'routes/b.$brand.roster': { parentId: 'routes/b.$brand', path: 'roster', module: page('roster') },
    'routes/b.$brand.roster.new': { parentId: 'routes/b.$brand', path: 'roster/new', module: page('new') },
    'routes/b.$brand.roster.$id': { parentId: 'routes/b.$brand', path: 'roster/:id', module: page('profile') },
    'routes/b.$brand.gone': {
      parentId: 'routes/b.$brand',
      path: 'gone',
      module: page('gone', {
        loader: () => {
          throw new Response('no', { status: 404 })
        },
      }),
    },
    'routes/b.$brand.broken': {
      parentId: 'routes/b.$brand',
      path: 'broken',
      module: page('broken', {
        loader: () => {
          throw new Error('broken')
        },
      }),
    },
    'routes/c.($lang).docs': { parentId: 'root', path: 'c/:lang?/docs', module: page('docs') },
    'routes/files.$': { parentId: 'root', path: 'files/*', module: page('files') },
    'routes/hydrate': { parentId: 'root', path: 'hydrate', module: page('hydrate', { loader: () => ({ server: true }), clientLoader: () => ({}), HydrateFallback: () => <p>loading</p> }) },
  }

  function build(Server: typeof RemixServer): ServerBuild {
    return testServerBuild(
      modules,
      {
        default: (request, status, headers, context) =>
          new Promise((resolve, reject) => {
            const { pipe } = renderToPipeableStream(<Server context={context} url={request.url} nonce="n0nce" />, {
              nonce: 'n0nce',
              onAllReady() {
                const chunks: Buffer[] = []
                const body = new PassThrough()
                body.on('data', (c: Buffer) => chunks.push(c))
                body.on('end', () => resolve(new Response(Buffer.concat(chunks).toString(), { status, headers })))
                pipe(body)
              },
              onShellError: reject,
              onError() {},
            })
          }),
        handleError() {},
      },
      (id) => [`/build/shared-${id.length}.js`],
    )
  }

  const remix = createRequestHandler(build(RemixOwnServer))
  const ours = createRequestHandler(build(RemixServer))
  const urls = [
    '/',
    '/login',
    '/login/',
    '/b/acme',
    '/b/acme/roster',
    '/b/acme/roster/new',
    '/b/acme/roster/42',
    '/b/a%20b/roster/%C3%A9',
    '/b/acme/gone',
    '/b/acme/broken',
    '/c/docs',
    '/c/fr/docs',
    '/files/a/b/c.pdf',
    '/hydrate',
    '/nope',
    '/b',
    '/login?redirectTo=%2Fb%2Facme',
  ]

  it.each(urls)('%s renders the same bytes and status as Remix', async (path) => {
    const [a, b] = await Promise.all([remix(new Request(`http://x.test${path}`)), ours(new Request(`http://x.test${path}`))])
    expect(b.status).toBe(a.status)
    const html = await b.text()
    expect(html).toBe(await a.text())
    expect(html).toContain('<html')
  })

  it('renders the same after many requests (the cached tree is only read)', async () => {
    for (const path of [...urls, ...urls]) await ours(new Request(`http://x.test${path}`)).then((r) => r.text())
    for (const path of urls) {
      const [a, b] = await Promise.all([remix(new Request(`http://x.test${path}`)), ours(new Request(`http://x.test${path}`))])
      expect(await b.text()).toBe(await a.text())
    }
  })
})
