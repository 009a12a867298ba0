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
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
}
