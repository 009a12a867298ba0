import { flatRoutes } from 'remix-flat-routes'

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  // remix-flat-routes gives each area (auth, creator portal, brand side, payables desk) its own folder.
  ignoredRouteFiles: ['**/*'],
  routes: async (defineRoutes) =>
    flatRoutes('routes', defineRoutes, {
      ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}', '**/*.css'],
    }),
  serverModuleFormat: 'esm',
  serverPlatform: 'node',
  // Bundle only our own code reached through package.json "imports" (#app/*, #db/*, #emails/*).
  // Never node_modules: bundling PGlite or @node-rs/argon2 breaks their file/native lookups (STACK.md).
  serverDependenciesToBundle: [/^#(app|db|emails)\//],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // Off (issue #18): with it on, every document request matched the URL against all ~75 routes once more
    // to inline a partial manifest (and client navigations asked /__manifest for routes not yet known).
    // Off, the whole manifest is one immutable file (manifest-*.js, ~3.3 KB gzipped, cached) and /login
    // costs ~0.9 ms less CPU (3.4 -> 2.5 ms through the Remix handler, README "Performance").
    v3_lazyRouteDiscovery: false,
    v3_singleFetch: true,
  },
}
