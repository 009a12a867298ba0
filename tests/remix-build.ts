/**
 * A Remix ServerBuild made from route modules in a test (tests/unit/remix-server.test.tsx,
 * remix-loader-request.test.ts): the route table and the browser manifest entries Remix's request handler
 * reads, with the futures remix.config.js turns on.
 */
import type { ServerBuild } from '@remix-run/node'

export type TestRoute = { parentId?: string; path?: string; index?: boolean; module: Record<string, unknown> }

export function testServerBuild(
  modules: Record<string, TestRoute>,
  entry: ServerBuild['entry']['module'],
  imports: (id: string) => string[] = () => [],
): ServerBuild {
  const routes: ServerBuild['routes'] = {}
  const assets: ServerBuild['assets']['routes'] = {}
  for (const [id, r] of Object.entries(modules)) {
    routes[id] = { id, parentId: r.parentId, path: r.path, index: r.index, caseSensitive: undefined, module: r.module as never }
    assets[id] = {
      id,
      parentId: r.parentId,
      path: r.path,
      index: r.index,
      hasAction: 'action' in r.module,
      hasLoader: 'loader' in r.module,
      hasClientAction: false,
      hasClientLoader: 'clientLoader' in r.module,
      hasErrorBoundary: 'ErrorBoundary' in r.module,
      module: `/build/${id}.js`,
      imports: imports(id),
    }
  }
  return {
    mode: 'production',
    entry: { module: entry },
    routes,
    assets: { entry: { module: '/build/entry.client.js', imports: [] }, routes: assets, url: '/build/manifest-1.js', version: '1' },
    publicPath: '/build/',
    assetsBuildDirectory: 'public/build',
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_singleFetch: true, v3_lazyRouteDiscovery: false, unstable_optimizeDeps: false, v3_routeConfig: false },
    isSpaMode: false,
  } as unknown as ServerBuild
}
