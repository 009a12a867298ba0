/**
 * The HTTP server: security headers (CSP with a per-response nonce), Origin check on non-GET
 * requests, one log line per request, static files, then Remix. Compiled on its own by esbuild
 * to build/server.js; everything app-specific comes from the Remix build (build/index.js).
 */
import { randomUUID } from 'node:crypto'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import { broadcastDevReady, type ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { queryCounter } from '../db/query-count.ts'
import { NUL_MESSAGE, requestHasNul } from './utils/request-guard.ts'
import { cspNonce } from './utils/crypto.server.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '..')
const production = process.env.NODE_ENV === 'production'

type Entry = {
  boot: (opts?: { worker?: boolean }) => Promise<{ driver: string; appUrl: string; demo: boolean; env: string; host: string; trustProxy: boolean }>
  shutdown: () => Promise<void>
  demoBanner?: () => Promise<string | null>
}

const build = (await import(pathToFileURL(path.join(here, 'index.js')).href)) as ServerBuild
const entry = build.entry.module as unknown as Entry

let info: Awaited<ReturnType<Entry['boot']>>
try {
  info = await entry.boot() // OUTBOX_WORKER (validated in app/config.server.ts) decides whether this process runs jobs
} catch (error) {
  const problems = (error as { problems?: string[] }).problems
  if (problems) {
    console.error(`Greenroom cannot start: the configuration is invalid.\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  } else {
    console.error('Greenroom cannot start:', error)
  }
  process.exit(1)
}

const app = express()
app.disable('x-powered-by')
// TRUST_PROXY=1: exactly one proxy in front; req.ip is then the address it saw (X-Forwarded-For).
app.set('trust proxy', info.trustProxy ? 1 : false)
app.use(compression())

// One log line per request: id, method, path, status, duration.
app.use((req, res, next) => {
  const id = (req.get('x-request-id') ?? '').match(/^[\w-]{8,64}$/)?.[0] ?? randomUUID().slice(0, 8)
  res.locals.requestId = id
  res.setHeader('X-Request-Id', id)
  const start = process.hrtime.bigint()
  const counter = { queries: 0 }
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - start) / 1e6
    if (req.path.startsWith('/build/') && res.statusCode < 400) return
    console.info(
      JSON.stringify({ t: new Date().toISOString(), id, method: req.method, route: req.path.slice(0, 200), status: res.statusCode, ms: Math.round(ms * 10) / 10, queries: counter.queries }),
    )
  })
  queryCounter.run(counter, next)
})

// Security headers, with a fresh CSP nonce per response.
app.use((req, res, next) => {
  const nonce = cspNonce()
  res.locals.cspNonce = nonce
  const secure = production && process.env.GREENROOM_DEMO !== '1'
  const connect = ["'self'", ...(production ? [] : ['ws://localhost:*', 'ws://127.0.0.1:*']), ...(process.env.UPLOADTHING_TOKEN ? ['https://*.uploadthing.com', 'https://*.ingest.uploadthing.com', 'https://utfs.io'] : [])]
  res.setHeader(
    'Content-Security-Policy',
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:" + (process.env.UPLOADTHING_TOKEN ? ' https://utfs.io https://*.ufs.sh' : ''),
      "media-src 'self' blob:" + (process.env.UPLOADTHING_TOKEN ? ' https://utfs.io https://*.ufs.sh' : ''),
      `connect-src ${connect.join(' ')}`,
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
    ].join('; '),
  )
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  if (secure) res.setHeader('Strict-Transport-Security', 'max-age=63072000; includeSubDomains')
  next()
})

// A NUL byte (raw or %00) anywhere in the path or query is refused before any route runs (app/utils/request-guard.ts).
app.use((req, res, next) => {
  if (requestHasNul(req.originalUrl)) {
    res.status(400).type('text/plain').send(NUL_MESSAGE)
    return
  }
  next()
})

// Non-GET requests must come from our own origin (CSRF defence in depth, next to SameSite=Lax).
app.use((req, res, next) => {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next()
  if (req.path.startsWith('/api/uploadthing')) return next() // signed server-to-server callbacks
  if (req.path.startsWith('/hooks/conversions/')) return next() // HMAC-signed store callbacks (record-conversion.server.ts)
  const host = req.get('host')
  const source = req.get('origin') ?? refererOrigin(req.get('referer'))
  let ok = false
  try {
    ok = Boolean(host && source && new URL(source).host === host)
  } catch {
    ok = false
  }
  if (!ok) {
    res.status(403).type('text/plain').send('This request came from another site and was refused.')
    return
  }
  next()
})

function refererOrigin(referer: string | undefined) {
  if (!referer) return undefined
  try {
    return new URL(referer).origin
  } catch {
    return undefined
  }
}

app.use('/build', express.static(path.join(root, 'public/build'), { immutable: true, maxAge: '1y' }))
// The other files of public/ (favicon, README images) are served as they are. Their top-level names are
// read once at start, so a page request (/login, /b/...) is not first looked up on disk: that fs.stat
// per request was ~3% of the empty page's CPU under load (issue #18, README "Performance").
const publicDir = path.join(root, 'public')
const publicNames = new Set(readdirSync(publicDir).filter((name) => name !== 'build'))
const publicFiles = express.static(publicDir, { maxAge: '1h', index: false })
app.use((req, res, next) => (publicNames.has(req.path.split('/')[1] ?? '') ? publicFiles(req, res, next) : next()))

app.all(
  '*',
  createRequestHandler({
    build,
    mode: build.mode,
    getLoadContext: (req, res) => ({ requestId: res.locals.requestId, ip: req.ip ?? null, cspNonce: res.locals.cspNonce }),
  }),
)

const port = Number(process.env.PORT ?? 3000)
const host = info.host
const server = app.listen(port, host, async () => {
  console.info(`Greenroom is running at http://localhost:${port} on ${host} (database: ${info.driver}, mode: ${info.env}${info.demo ? ', demo' : ''})`)
  if (info.demo && entry.demoBanner) {
    const banner = await entry.demoBanner()
    if (banner) console.info(banner)
  }
  if (!production && process.env.NODE_ENV !== 'test') broadcastDevReady(build)
})

/** How long a shutdown waits for requests in flight. */
const SHUTDOWN_GRACE_MS = 10_000
let closing = false
async function close(signal: string) {
  if (closing) return
  closing = true
  console.info(`Received ${signal}, shutting down`)
  // Stop taking connections and let the requests in flight finish before the database closes (a deploy's
  // restart must not turn them into 500s or cut them off), for at most SHUTDOWN_GRACE_MS.
  const drained = new Promise<void>((resolve) => server.close(() => resolve()))
  server.closeIdleConnections()
  const grace = setInterval(() => server.closeIdleConnections(), 100)
  await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS))])
  clearInterval(grace)
  server.closeAllConnections()
  await entry.shutdown().catch(() => {})
  process.exit(0)
}
process.on('SIGTERM', () => void close('SIGTERM'))
process.on('SIGINT', () => void close('SIGINT'))
