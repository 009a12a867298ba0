/**
 * Remix's <RemixServer> (@remix-run/react 2.17.5, dist/server.js) with the per-build work done once per
 * build instead of once per page (issue #18, DECISIONS.md "The empty page's CPU").
 *
 * Remix rebuilds, for every document request, the whole route tree of the app (createServerRoutes: a
 * React element per route for all ~75 routes), converts it again for React Router (createStaticRouter ->
 * convertRoutesToDataRoutes), and then React Router's <DataRoutes> matches the URL against every route
 * once more (flatten, rank, compile a RegExp per path tried) although the static handler has just done
 * so. Together that was ~22% of the CPU of /login. Here:
 *  - the server route tree and its data routes are built once per build (keyed on the manifest object, so
 *    a rebuilt app in development gets a fresh tree) and only read afterwards;
 *  - the router handed to the render has the same state as createStaticRouter's (its matches mapped onto
 *    the cached data routes) and the full route tree in `router.routes` (PrefetchPageLinks matches on it);
 *  - <DataRoutes> matches the URL against the matched branch only: the chain of routes the static handler
 *    matched, each with just the next one as its child. Its branches are a subset of the whole tree's,
 *    and the handler's match is the best-ranked one of the whole tree, so it is the best-ranked of the
 *    subset too (the same routes, params and pathnames; tests/unit/remix-server.test.tsx renders both).
 * Everything else (the hydrate-fallback loaderData rule, RemixContext, the error boundary, the single-fetch
 * stream) is Remix's own code, imported. Keep in step with @remix-run/react when it is upgraded: the test
 * compares this render with Remix's own <RemixServer> byte for byte.
 */
import { Action, IDLE_BLOCKER, IDLE_FETCHER, IDLE_NAVIGATION, type Router as DataRouter, type StaticHandlerContext } from '@remix-run/router'
import { UNSAFE_RemixContext as RemixContext, type RemixServerProps } from '@remix-run/react'
import { RemixErrorBoundary } from '@remix-run/react/dist/errorBoundaries.js'
import { createServerRoutes, shouldHydrateRouteLoader } from '@remix-run/react/dist/routes.js'
import { StreamTransfer } from '@remix-run/react/dist/single-fetch.js'
import { Suspense } from 'react'
import {
  Router,
  UNSAFE_DataRouterContext as DataRouterContext,
  UNSAFE_DataRouterStateContext as DataRouterStateContext,
  UNSAFE_FetchersContext as FetchersContext,
  UNSAFE_ViewTransitionContext as ViewTransitionContext,
  createPath,
  type DataRouteObject,
} from 'react-router-dom'
import { createStaticRouter } from 'react-router-dom/server.js'
import { UNSAFE_useRoutesImpl as useRoutesImpl } from 'react-router'

type EntryContext = RemixServerProps['context']
type Tree = { dataRoutes: DataRouteObject[]; byId: Map<string, DataRouteObject>; branches: Map<string, DataRouteObject[]> }

const trees = new WeakMap<object, Tree>()

/** The app's route tree for React Router, built once per build. */
function treeFor(context: EntryContext): Tree {
  const key = context.manifest.routes
  let tree = trees.get(key)
  if (!tree) {
    const serverRoutes = createServerRoutes(context.manifest.routes, context.routeModules, context.future, context.isSpaMode)
    // createStaticRouter is only used to convert the tree the way React Router does (mapRouteProperties);
    // no request's state is read from this router.
    const dataRoutes = createStaticRouter(serverRoutes, { matches: [] } as unknown as StaticHandlerContext).routes as DataRouteObject[]
    const byId = new Map<string, DataRouteObject>()
    const walk = (routes: DataRouteObject[]) => {
      for (const route of routes) {
        byId.set(route.id, route)
        if (route.children) walk(route.children)
      }
    }
    walk(dataRoutes)
    tree = { dataRoutes, byId, branches: new Map() }
    trees.set(key, tree)
  }
  return tree
}

/**
 * The matched chain as a route tree of its own: each matched route with only the next one as its child
 * (the last with none), taken from `byId` (the full tree's routes) where it is there.
 *
 * Not when a route has an optional segment (`a?`, Remix's `($lang)`): React Router explodes those into one
 * path per combination and ranks them among their siblings, so in a pruned tree the same routes can match
 * with another split of the URL between them (another pathnameBase, so relative links would resolve
 * elsewhere). Then the whole tree is returned, and matching costs what it did before. Greenroom's routes
 * have none today.
 */
export function matchedBranch<R extends { id: string; path?: string; children?: R[] }>(
  matches: readonly { route: { id: string } }[],
  byId: ReadonlyMap<string, R>,
  whole: R[],
): R[] {
  for (const route of byId.values()) if (route.path?.includes('?')) return whole
  let child: R | undefined
  for (let i = matches.length - 1; i >= 0; i--) {
    const route = byId.get(matches[i]!.route.id) ?? (matches[i]!.route as R)
    child = { ...route, children: child ? [child] : undefined }
  }
  return child ? [child] : []
}

/** matchedBranch, kept per build: at most one per chain of route ids (the key is made of ids, not of the URL). */
function branchOf(tree: Tree, matches: StaticHandlerContext['matches']): DataRouteObject[] {
  const key = matches.map((m) => m.route.id).join('\u0000')
  let branch = tree.branches.get(key)
  if (!branch) {
    branch = matchedBranch(matches, tree.byId, tree.dataRoutes)
    tree.branches.set(key, branch)
  }
  return branch
}

export function RemixServer({ context, url, abortDelay, nonce }: RemixServerProps) {
  if (typeof url === 'string') url = new URL(url)
  const { manifest, routeModules, criticalCss, serverHandoffString } = context
  const tree = treeFor(context)

  // As Remix does: a shallow clone of loaderData, with the data of routes that hydrate through a
  // clientLoader (and show a HydrateFallback, or have no server loader) cleared for the server render.
  const staticContext = context.staticHandlerContext
  staticContext.loaderData = { ...staticContext.loaderData }
  for (const match of staticContext.matches) {
    const routeId = match.route.id
    const route = routeModules[routeId]
    const manifestRoute = manifest.routes[routeId]
    if (route && manifestRoute && shouldHydrateRouteLoader(manifestRoute, route, context.isSpaMode) && (route.HydrateFallback || !manifestRoute.hasLoader)) {
      staticContext.loaderData[routeId] = undefined
    }
  }

  const router = staticRouter(tree, staticContext, context.future.v3_relativeSplatPath === true)
  return (
    <>
      <RemixContext.Provider
        value={{
          manifest,
          routeModules,
          criticalCss,
          serverHandoffString,
          future: context.future,
          isSpaMode: context.isSpaMode,
          serializeError: context.serializeError,
          abortDelay,
          renderMeta: context.renderMeta,
        }}
      >
        <RemixErrorBoundary location={router.state.location}>
          <StaticRouterProvider router={router} context={staticContext} routes={branchOf(tree, staticContext.matches)} />
        </RemixErrorBoundary>
      </RemixContext.Provider>
      {context.future.v3_singleFetch && context.serverHandoffStream ? (
        <Suspense>
          <StreamTransfer context={context} identifier={0} reader={context.serverHandoffStream.getReader()} textDecoder={new TextDecoder()} nonce={nonce} />
        </Suspense>
      ) : null}
    </>
  )
}

/** react-router-dom/server's createStaticRouter (6.30.4), on the cached data routes. */
function staticRouter(tree: Tree, context: StaticHandlerContext, relativeSplatPath: boolean): DataRouter {
  const matches = context.matches.map((match) => ({ ...match, route: tree.byId.get(match.route.id) ?? match.route }))
  const msg = (method: string) => `You cannot use router.${method}() on the server because it is a stateless environment`
  const fail = (method: string) => () => {
    throw msg(method)
  }
  return {
    get basename() {
      return context.basename
    },
    get future() {
      return {
        v7_fetcherPersist: false,
        v7_normalizeFormMethod: false,
        v7_partialHydration: true,
        v7_prependBasename: false,
        v7_relativeSplatPath: relativeSplatPath,
        v7_skipActionErrorRevalidation: false,
      }
    },
    get state() {
      return {
        historyAction: Action.Pop,
        location: context.location,
        matches,
        loaderData: context.loaderData,
        actionData: context.actionData,
        errors: context.errors,
        initialized: true,
        navigation: IDLE_NAVIGATION,
        restoreScrollPosition: null,
        preventScrollReset: false,
        revalidation: 'idle',
        fetchers: new Map(),
        blockers: new Map(),
      }
    },
    get routes() {
      return tree.dataRoutes
    },
    get window() {
      return undefined
    },
    initialize: fail('initialize'),
    subscribe: fail('subscribe'),
    enableScrollRestoration: fail('enableScrollRestoration'),
    navigate: fail('navigate'),
    fetch: fail('fetch'),
    revalidate: fail('revalidate'),
    createHref,
    encodeLocation,
    getFetcher: () => IDLE_FETCHER,
    deleteFetcher: fail('deleteFetcher'),
    dispose: fail('dispose'),
    getBlocker: () => IDLE_BLOCKER,
    deleteBlocker: fail('deleteBlocker'),
    patchRoutes: fail('patchRoutes'),
    _internalFetchControllers: new Map(),
    _internalActiveDeferreds: new Map(),
    _internalSetRoutes: fail('_internalSetRoutes'),
  } as unknown as DataRouter
}

/** react-router-dom/server's StaticRouterProvider (hydrate off, as Remix renders it), matching on `routes`. */
function StaticRouterProvider({ router, context, routes }: { router: DataRouter; context: StaticHandlerContext; routes: DataRouteObject[] }) {
  const dataRouterContext = { router, navigator: statelessNavigator, static: true, staticContext: context, basename: context.basename || '/' }
  const { state } = router
  // The same element tree as react-router's (a fragment with the providers and the hydrate script's
  // empty slot): useId's ids depend on it, and the browser hydrates against them.
  return (
    <>
      <DataRouterContext.Provider value={dataRouterContext}>
        <DataRouterStateContext.Provider value={state}>
          <FetchersContext.Provider value={new Map()}>
            <ViewTransitionContext.Provider value={{ isTransitioning: false }}>
              <Router
                basename={dataRouterContext.basename}
                location={state.location}
                navigationType={state.historyAction}
                navigator={dataRouterContext.navigator}
                static={dataRouterContext.static}
                future={{ v7_relativeSplatPath: router.future.v7_relativeSplatPath }}
              >
                <DataRoutes routes={routes} future={router.future} state={state} />
              </Router>
            </ViewTransitionContext.Provider>
          </FetchersContext.Provider>
        </DataRouterStateContext.Provider>
      </DataRouterContext.Provider>
      {null}
    </>
  )
}

function DataRoutes({ routes, future, state }: { routes: DataRouteObject[]; future: DataRouter['future']; state: DataRouter['state'] }) {
  return useRoutesImpl(routes, undefined, state, future)
}

function createHref(to: Parameters<typeof createPath>[0] | string) {
  return typeof to === 'string' ? to : createPath(to)
}

const ABSOLUTE_URL_REGEX = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i
function encodeLocation(to: Parameters<typeof createPath>[0] | string) {
  let href = typeof to === 'string' ? to : createPath(to)
  href = href.replace(/ $/, '%20')
  const encoded = ABSOLUTE_URL_REGEX.test(href) ? new URL(href) : new URL(href, 'http://localhost')
  return { pathname: encoded.pathname, search: encoded.search, hash: encoded.hash }
}

const statelessNavigator = {
  createHref,
  encodeLocation,
  push(to: unknown) {
    throw new Error(
      `You cannot use navigator.push() on the server because it is a stateless environment. This error was probably triggered when you did a \`navigate(${JSON.stringify(to)})\` somewhere in your app.`,
    )
  },
  replace(to: unknown) {
    throw new Error(
      `You cannot use navigator.replace() on the server because it is a stateless environment. This error was probably triggered when you did a \`navigate(${JSON.stringify(to)}, { replace: true })\` somewhere in your app.`,
    )
  },
  go(delta: number) {
    throw new Error(`You cannot use navigator.go() on the server because it is a stateless environment. This error was probably triggered when you did a \`navigate(${delta})\` somewhere in your app.`)
  },
  back() {
    throw new Error('You cannot use navigator.back() on the server because it is a stateless environment.')
  },
  forward() {
    throw new Error('You cannot use navigator.forward() on the server because it is a stateless environment.')
  },
}
