/**
 * `npm run bench`: baselines and scenarios in one go on this machine, against PostgreSQL filled by
 * `npm run bench:seed`. Prints absolute figures and ratios to the baselines measured in the same run,
 * SQL statements per page at two data sizes, and JavaScript shipped per area.
 *
 *   BENCH_SECONDS=10 npm run bench     # longer runs (default 5 s per scenario)
 *   BENCH_PORT=3630 npm run bench      # other ports (the app, then the baseline and the upload sink; default 4100)
 *
 * Issue #18's page targets (every brand page >= 0.5x the empty route's req/s, p97.5 <= 4x its; the empty
 * route >= 0.5x the trivial query's) are printed as a table and stored under pageTargets in bench.json.
 */
import { spawn, execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import http from 'node:http'
import path from 'node:path'
import autocannon from 'autocannon'
import postgres from 'postgres'
import { BENCH_PASSWORD } from './constants.ts'
import { measureAreas } from './js-size.ts'
import { measureReportPlans } from './report-plans.ts'
import { startRawSink, streamUpload, type UploadResult } from './upload.ts'
import { approveAll, attestationsByFormat, keepReviewState, resetDrafts, restoreReviewState, reviewUrl } from './approve.ts'

const root = path.resolve(import.meta.dirname, '../..')
const url = process.env.DATABASE_URL
if (!url) {
  console.error('npm run bench needs DATABASE_URL pointing at a database filled by `npm run bench:seed`.')
  process.exit(1)
}
const seconds = Number(process.env.BENCH_SECONDS ?? 5)
/** The app's port; the hello-world baseline and the raw upload sink take the next two (BENCH_PORT moves all three). */
const APP = Number(process.env.BENCH_PORT ?? 4100)
const HELLO = APP + 1
const base = `http://127.0.0.1:${APP}`
/** Direct SQL to the bench database, to put rows back into the state a scenario needs. */
const bench = postgres(url, { max: 2, onnotice: () => {} })

// A run starts from the state autovacuum keeps a live database in. The previous run's scenarios leave dead
// rows behind (the orders import deletes its 200,000 orders, approvals are put back), and on a server with
// autovacuum off (this machine's is) the planner then read the empty redemptions table's 120,000 dead rows on
// every brand home: database CPU per home 4.8 -> 10.8 ms in the next run, a state autovacuum keeps a live
// database out of (DECISIONS.md "A bench run starts vacuumed").
{
  const [setting] = await bench<{ autovacuum: string }[]>`select current_setting('autovacuum') as autovacuum`
  const t = performance.now()
  await bench.unsafe('vacuum analyze')
  console.info(`vacuum analyze before measuring: ${((performance.now() - t) / 1000).toFixed(1)} s (autovacuum on this server: ${setting?.autovacuum})`)
}
// Every run measures the review state the seed left (the approve scenario below approves all of bench-01's drafts, and
// puts them back when it ends; this puts them back too if an earlier run stopped before that).
{
  const waiting = await keepReviewState(bench)
  const changed = await restoreReviewState(bench)
  console.info(`review state as seeded: ${waiting} drafts waiting for bench-01${changed ? ` (${changed} rows put back)` : ''}`)
  if (!waiting) console.warn('bench-01 has no draft waiting in the kept state: this database was benched before the state was kept; drop it and run npm run bench:seed again')
}

if (!process.env.SKIP_BUILD) execFileSync('sh', ['-c', 'flock /tmp/greenroom-build.lock npm run --silent build'], { cwd: root, stdio: 'inherit' })

// ---- baseline 1: bare node:http
const hello = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' })
  res.end('hello world')
})
await new Promise<void>((r) => hello.listen(HELLO, '127.0.0.1', r))

// ---- the app (uploads go to a scratch folder removed at the end)
const uploadDir = mkdtempSync(path.join(os.tmpdir(), 'greenroom-bench-uploads-'))
const app = spawn('node', ['build/server.js'], {
  cwd: root,
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(APP),
    HOST: '127.0.0.1',
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret',
    SECURE_COOKIES: 'never',
    OUTBOX_WORKER: '0',
    BENCH_QUERY_HEADER: '1',
    DB_POOL_SIZE: '20',
    UPLOAD_DIR: uploadDir,
  },
  stdio: ['ignore', 'ignore', 'inherit'],
})
const stop = () => {
  app.kill('SIGTERM')
  hello.close()
  rmSync(uploadDir, { recursive: true, force: true })
}
process.on('exit', stop)
// Start-up applies migrations first (a new one may backfill the 1M-row tables): wait up to 5 minutes.
let up = false
for (let i = 0; i < 1500 && !up; i++) {
  try {
    up = (await fetch(`${base}/healthz`)).ok
  } catch {
    // not yet
  }
  if (!up) await new Promise((r) => setTimeout(r, 200))
}
if (!up) {
  console.error('The app did not answer /healthz within 5 minutes.')
  process.exit(1)
}

async function login(email: string) {
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: BENCH_PASSWORD }),
  })
  const cookie = res.headers.get('set-cookie')?.split(';')[0]
  if (!cookie) throw new Error(`could not sign in as ${email}: ${res.status}. Did you run npm run bench:seed?`)
  return cookie
}
const creator = await login('creator0@bench.test')
const manager = await login('manager@bench-01.bench')
const finance = await login('finance@bench-01.bench')

interface Result {
  name: string
  rps: number
  p50: number
  p975: number
  errors: number
  non2xx: number
  note?: string
}

async function load(name: string, target: string, opts: { cookie?: string; connections?: number; method?: string; body?: string } = {}): Promise<Result> {
  const probe = await fetch(target, { headers: opts.cookie ? { Cookie: opts.cookie } : {}, redirect: 'manual' })
  if (probe.status === 404) return { name, rps: 0, p50: 0, p975: 0, errors: 0, non2xx: 0, note: 'not built yet' }
  const r = await autocannon({
    url: target,
    connections: opts.connections ?? 50,
    duration: seconds,
    method: (opts.method ?? 'GET') as 'GET',
    headers: { ...(opts.cookie ? { Cookie: opts.cookie } : {}), Origin: base },
    body: opts.body,
  })
  return { name, rps: r.requests.average, p50: r.latency.p50, p975: r.latency.p97_5, errors: r.errors, non2xx: r.non2xx }
}

const results: Result[] = []
const run = async (...args: Parameters<typeof load>) => {
  const r = await load(...args)
  results.push(r)
  console.info(`${r.name.padEnd(44)} ${r.note ?? `${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50} ms  p97.5 ${r.p975} ms${r.non2xx ? `  non-2xx ${r.non2xx}` : ''}`}`)
  return r
}

/** The bench brand with this slug's busiest campaign (most collaborations): the campaign page's scenario. */
async function busiestCampaign(slug: string): Promise<string> {
  const [k] = await bench<{ id: string }[]>`
    select k.id from campaigns k join brands b on b.id = k.brand_id
    left join offers o on o.campaign_id = k.id and o.status in ('accepted', 'active', 'completed')
    where b.slug = ${slug} group by k.id order by count(o.id) desc, k.id limit 1`
  if (!k) throw new Error(`${slug} has no campaign. Did you run npm run bench:seed?`)
  return k.id
}
const campaigns: Record<string, string> = { 'bench-01': await busiestCampaign('bench-01'), 'bench-02': await busiestCampaign('bench-02') }
const [{ n: rightsRows } = { n: 0 }] = await bench<{ n: number }[]>`select count(*)::int as n from rights_items r join brands b on b.id = r.brand_id where b.slug = 'bench-01'`

console.info(`\nScenarios (${seconds} s each)`)
const bare = await run('baseline: bare node:http hello world', `http://127.0.0.1:${HELLO}/`)
const empty = await run('baseline: Remix page with no data (/login)', `${base}/login`)
const trivial = await run('baseline: loader with one trivial query', `${base}/healthz`)
const creatorHome = await run('creator home (signed in, 50 conn)', `${base}/c/bc000000`, { cookie: creator })
// What every brand page pays before its own rows: session, brand and role, the person's areas, the shell (3
// statements, no rows). Not a target: it shows how much of the 0.5x budget the shared frame already takes.
const frame = await run('baseline: brand page with no rows (post import)', `${base}/b/bench-01/posts/import`, { cookie: manager })
/** The brand pages issue #18 sets targets for (each against the empty route, in the same run). */
const brandPages: { page: string; result: Result; note?: string }[] = []
const page = async (name: string, target: string, cookie: string, note?: string) => {
  const result = await run(name, target, { cookie })
  brandPages.push({ page: name, result, note })
  return result
}
await page('brand home', `${base}/b/bench-01`, manager)
await page('brand review queue', `${base}/b/bench-01/review`, manager)
await page('brand per-creator report', `${base}/b/bench-01/reports`, manager)
const roster1 = await page('roster page 1', `${base}/b/bench-01/roster`, manager)
const roster500 = await run('roster page 500', await rosterPage(500), { cookie: manager })
await page('payables desk', `${base}/pay/bench-01`, finance)
await page('budget', `${base}/b/bench-01/budget`, manager)
await page('campaign page (busiest campaign)', `${base}/b/bench-01/campaigns/${campaigns['bench-01']}`, manager)
await page('live posts (to verify)', `${base}/b/bench-01/posts`, manager)
await page('usage rights', `${base}/b/bench-01/rights`, manager, rightsRows ? undefined : 'the bench data has no rights items: an empty ledger')
await page('invoices list (to approve)', `${base}/b/bench-01/invoices`, manager)
const approve = await approveScenario()

// ---- SQL statements per page at two data sizes: bench-01 (10,000 roster rows) vs bench-02 (2,000)
console.info('\nSQL statements per request (must not grow with the data)')
const pages = [
  ['creator home', (b: string) => `/c/${b === 'bench-01' ? 'bc000000' : 'bc000001'}`, creator],
  ['brand home', (b: string) => `/b/${b}`, null],
  ['roster', (b: string) => `/b/${b}/roster`, null],
  ['review queue', (b: string) => `/b/${b}/review`, null],
  ['per-creator report', (b: string) => `/b/${b}/reports`, null],
  ['payables desk', (b: string) => `/pay/${b}`, 'finance'],
  ['budget', (b: string) => `/b/${b}/budget`, null],
  ['campaign page', (b: string) => `/b/${b}/campaigns/${campaigns[b]}`, null],
  ['live posts', (b: string) => `/b/${b}/posts`, null],
  ['usage rights', (b: string) => `/b/${b}/rights`, null],
  ['invoices list', (b: string) => `/b/${b}/invoices`, null],
] as const
const queryRows: { page: string; large: string; small: string }[] = []
const small = { finance: await login('finance@bench-02.bench'), creator: await login('creator1@bench.test'), manager: await login('manager@bench-02.bench') }
for (const [page, path_, who] of pages) {
  const counts: string[] = []
  for (const b of ['bench-01', 'bench-02']) {
    const large = b === 'bench-01'
    const cookie = who === 'finance' ? (large ? finance : small.finance) : who ? (large ? creator : small.creator) : large ? manager : small.manager
    const res = await fetch(`${base}${path_(b)}`, { headers: { Cookie: cookie } })
    counts.push(res.ok ? (res.headers.get('x-query-count') ?? '?') : `HTTP ${res.status}`)
  }
  queryRows.push({ page, large: counts[0]!, small: counts[1]! })
  console.info(`${page.padEnd(20)} large data: ${counts[0]!.padStart(3)}  small data: ${counts[1]!.padStart(3)}${counts[0] === counts[1] ? '' : '  (differs)'}`)
}

// ---- JavaScript shipped per area (gzipped), from the browser build's manifest (tests/bench/js-size.ts)
const areas = measureAreas()
const jsRows = areas.map((a) => [a.name, a.bytes] as const)
const brandJs = areas.find((a) => a.prefix === 'routes/b+/')!
const creatorJs = areas.find((a) => a.prefix === 'routes/c+/')!
console.info('\nJavaScript per area (gzipped, all routes of the area)')
for (const [area, bytes] of jsRows) console.info(`${area.padEnd(20)} ${(bytes / 1024).toFixed(1)} KB`)

// ---- the report queries over 1M snapshots: time, and how the plan reads the counters
console.info('\nReport queries over the metric snapshots (median of 7 runs, after a warm-up)')
const plans = await measureReportPlans(url)
console.info(`${'full-scan aggregate of metric_snapshots'.padEnd(44)} ${plans.fullScanMs.toFixed(1).padStart(7)} ms`)
for (const r of plans.results) {
  console.info(
    `${r.name.padEnd(44)} ${r.snapshotSqlMs.toFixed(1).padStart(7)} ms summing the posts' counters, ${r.ms.toFixed(1)} ms the whole report (${r.statements} statements)  plan: ${[...new Set(r.snapshotAccess)].join(', ')}`,
  )
}
const brandPlan = plans.results.find((r) => r.name.startsWith('brand-wide'))!
const creatorPlan = plans.results.find((r) => r.name.startsWith('one creator'))!

// ---- a 1 GB upload: peak RSS growth of the server and MB/s, against a raw pipe-to-disk in this run
const uploadBytes = Number(process.env.BENCH_UPLOAD_MB ?? 1024) * (1 << 20)
console.info(`\nUpload of ${(uploadBytes / (1 << 20)).toFixed(0)} MB`)
const raw = await startRawSink(APP + 2)
const rawUpload = await streamUpload({ url: raw.url, pid: raw.pid, sizeBytes: uploadBytes, fileField: 'file' })
raw.stop()
console.info(`${'raw node:http pipe to disk'.padEnd(44)} ${rawUpload.mbPerSecond.toFixed(0).padStart(7)} MB/s  RSS +${rawUpload.rssGrowthMb.toFixed(0)} MB`)
let appUpload: UploadResult | null = null
const uploadTarget = await findUploadTarget()
if (uploadTarget) {
  appUpload = await streamUpload({ url: uploadTarget.url, pid: app.pid!, sizeBytes: uploadBytes, fileField: uploadTarget.fileField, fields: uploadTarget.fields, headers: { Cookie: creator, Origin: base } })
  const ok = appUpload.status < 400
  console.info(`${'app: draft upload (streamed to UPLOAD_DIR)'.padEnd(44)} ${appUpload.mbPerSecond.toFixed(0).padStart(7)} MB/s  RSS +${appUpload.rssGrowthMb.toFixed(0)} MB  HTTP ${appUpload.status}${ok ? '' : ` ${appUpload.body.slice(0, 200)}`}`)
  if (!ok) appUpload = null
} else {
  console.info('app: draft upload                            not built yet')
}

// ---- targets
const ratio = (a: Result, b: Result) => (b.rps ? a.rps / b.rps : 0)
// ---- orders import (issue #16): a 200,000-order Shopify export streamed through preview and apply, in its own process
console.info('\nOrders import (200,000 orders, 220,000 rows)')
const ordersBench = JSON.parse(
  execFileSync('npx', ['tsx', 'tests/bench/orders-import.ts'], { cwd: root, env: process.env, encoding: 'utf8' }).trim().split('\n').pop()!,
) as { previewRowsPerSecond: number; applyRowsPerSecond: number; rssGrowthMb: number }
console.info(`${'preview (parse, match codes, diff)'.padEnd(44)} ${ordersBench.previewRowsPerSecond.toFixed(0).padStart(7)} rows/s`)
console.info(`${'apply (the same, and write in one transaction)'.padEnd(44)} ${ordersBench.applyRowsPerSecond.toFixed(0).padStart(7)} rows/s  RSS +${ordersBench.rssGrowthMb.toFixed(0)} MB`)
execFileSync('npx', ['tsx', 'tests/bench/media.ts'], { cwd: root, env: process.env, stdio: 'inherit' }) // media analysis (issue #15): prints its own figures and targets

const targets = [
  { what: 'creator home req/s vs empty route', goal: '>= 0.35x', value: ratio(creatorHome, empty), ok: ratio(creatorHome, empty) >= 0.35 },
  { what: 'creator home p97.5 vs empty route', goal: '<= 4x', value: empty.p975 ? creatorHome.p975 / empty.p975 : 0, ok: empty.p975 ? creatorHome.p975 / empty.p975 <= 4 : false },
  {
    what: 'roster page 500 vs page 1 latency',
    goal: '<= 1.5x',
    value: roster1.p50 && roster500.p50 ? roster500.p50 / roster1.p50 : 0,
    ok: Boolean(roster1.p50 && roster500.p50 && roster500.p50 / roster1.p50 <= 1.5),
  },
  { what: 'approve req/s vs empty route', goal: '>= 0.25x', value: ratio(approve, empty), ok: ratio(approve, empty) >= 0.25 },
  { what: 'creator portal JS (gzipped, KB)', goal: `<= ${creatorJs.targetKb}`, value: creatorJs.bytes / 1024, ok: creatorJs.bytes <= creatorJs.targetKb! * 1024 },
  { what: 'brand side JS (gzipped, KB)', goal: `<= ${brandJs.targetKb}`, value: brandJs.bytes / 1024, ok: brandJs.bytes <= brandJs.targetKb! * 1024 },
  { what: "one creator's report query vs full scan", goal: '<= 0.02x', value: creatorPlan.snapshotSqlMs / plans.fullScanMs, ok: creatorPlan.usesIndexes && creatorPlan.snapshotSqlMs / plans.fullScanMs <= 0.02 },
  { what: 'brand-wide report query vs full scan', goal: '<= 0.3x', value: brandPlan.snapshotSqlMs / plans.fullScanMs, ok: brandPlan.usesIndexes && brandPlan.snapshotSqlMs / plans.fullScanMs <= 0.3 },
  { what: 'upload RSS growth (MB)', goal: '<= 64', value: appUpload?.rssGrowthMb ?? 0, ok: Boolean(appUpload && appUpload.rssGrowthMb <= 64) },
  { what: 'orders import preview rows/s', goal: '>= 20000', value: ordersBench.previewRowsPerSecond, ok: ordersBench.previewRowsPerSecond >= 20_000 },
  { what: 'orders import apply rows/s', goal: '>= 20000', value: ordersBench.applyRowsPerSecond, ok: ordersBench.applyRowsPerSecond >= 20_000 },
  { what: 'orders import RSS growth (MB)', goal: '<= 160', value: ordersBench.rssGrowthMb, ok: ordersBench.rssGrowthMb <= 160 },
  { what: 'upload MB/s vs raw pipe', goal: '>= 0.5x', value: appUpload ? appUpload.mbPerSecond / rawUpload.mbPerSecond : 0, ok: Boolean(appUpload && appUpload.mbPerSecond / rawUpload.mbPerSecond >= 0.5) },
]
console.info('\nTargets')
// For context, not a target (the goals are set on the query): the whole report call, its six statements
// in parallel on the app's pool and the rollup in JS, against the same full scan.
const context = [
  { what: "one creator's whole report vs full scan", value: creatorPlan.ms / plans.fullScanMs },
  { what: 'brand-wide whole report vs full scan', value: brandPlan.ms / plans.fullScanMs },
]
for (const t of targets) console.info(`${t.ok ? 'meets ' : 'MISSES'} ${t.what.padEnd(44)} ${t.value.toFixed(2).padStart(8)}  (goal ${t.goal})`)

// ---- issue #18's page targets: every brand page against the empty route of this run, and the empty route against the trivial query
const PAGE_RPS_GOAL = 0.5
const PAGE_P975_GOAL = 4
const EMPTY_VS_TRIVIAL_GOAL = 0.5
const pageTargets = brandPages.map(({ page, result, note }) => {
  const rpsRatio = ratio(result, empty)
  const p975Ratio = empty.p975 ? result.p975 / empty.p975 : 0
  const failed = result.non2xx > 0 || result.errors > 0 || Boolean(result.note)
  return { page, rps: result.rps, p975: result.p975, rpsRatio, rpsVsFrame: ratio(result, frame), rpsOk: !failed && rpsRatio >= PAGE_RPS_GOAL, p975Ratio, p975Ok: !failed && empty.p975 > 0 && p975Ratio <= PAGE_P975_GOAL, note: result.note ?? (failed ? `${result.non2xx} non-2xx, ${result.errors} errors` : note) }
})
const emptyVsTrivial = { rps: ratio(empty, trivial), goal: `>= ${EMPTY_VS_TRIVIAL_GOAL}x`, ok: ratio(empty, trivial) >= EMPTY_VS_TRIVIAL_GOAL }
const mark = (ok: boolean) => (ok ? 'meets ' : 'MISSES')
console.info(`\nPage targets (issue #18): req/s >= ${PAGE_RPS_GOAL}x the empty route's (${empty.rps.toFixed(0)} req/s), p97.5 <= ${PAGE_P975_GOAL}x its (${empty.p975} ms)`)
console.info(`${'page'.padEnd(34)} ${'req/s'.padStart(7)} ${'x empty'.padStart(8)}        ${'p97.5'.padStart(8)} ${'x empty'.padStart(8)}        ${'x frame'.padStart(8)}`)
for (const t of pageTargets) {
  console.info(
    `${t.page.padEnd(34)} ${t.rps.toFixed(0).padStart(7)} ${`${t.rpsRatio.toFixed(2)}x`.padStart(8)} ${mark(t.rpsOk)} ${`${t.p975} ms`.padStart(8)} ${`${t.p975Ratio.toFixed(2)}x`.padStart(8)} ${mark(t.p975Ok)} ${`${t.rpsVsFrame.toFixed(2)}x`.padStart(8)}${t.note ? `  (${t.note})` : ''}`,
  )
}
console.info(`${'empty route vs trivial query'.padEnd(34)} ${empty.rps.toFixed(0).padStart(7)} ${`${emptyVsTrivial.rps.toFixed(2)}x`.padStart(8)} ${mark(emptyVsTrivial.ok)} (goal ${emptyVsTrivial.goal} of ${trivial.rps.toFixed(0)} req/s)`)
console.info(
  `${'(info) brand page with no rows'.padEnd(34)} ${frame.rps.toFixed(0).padStart(7)} ${`${ratio(frame, empty).toFixed(2)}x`.padStart(8)} of the empty route: "x frame" is each page against it`,
)
const pagesMet = pageTargets.filter((t) => t.rpsOk && t.p975Ok).length
console.info(`${pagesMet} of ${pageTargets.length} pages meet both targets`)
for (const c of context) console.info(`(info) ${c.what.padEnd(44)} ${c.value.toFixed(2).padStart(8)}`)
console.info(`\nratios to baselines: empty route = ${(ratio(empty, bare)).toFixed(2)}x of bare node:http; trivial query = ${ratio(trivial, empty).toFixed(2)}x of empty route`)

mkdirSync(path.join(root, 'test-results'), { recursive: true })
writeFileSync(path.join(root, 'test-results/bench.json'), JSON.stringify({ date: new Date().toISOString(), seconds, results, queryRows, pageTargets: { goals: { rpsVsEmpty: PAGE_RPS_GOAL, p975VsEmpty: PAGE_P975_GOAL }, empty: { rps: empty.rps, p975: empty.p975 }, frame: { rps: frame.rps, p975: frame.p975, vsEmpty: ratio(frame, empty) }, pages: pageTargets, emptyVsTrivial }, js: jsRows, plans, upload: { raw: rawUpload, app: appUpload }, targets, context }, null, 2))
stop()
await bench.end({ timeout: 5 })
process.exit(0)

/** The URL of roster page n (keyset pagination: follow the rel="next" links from page 1). */
async function rosterPage(n: number): Promise<string> {
  let next = `${base}/b/bench-01/roster`
  for (let i = 1; i < n; i++) {
    const html = await (await fetch(next, { headers: { Cookie: manager } })).text()
    const a = /<a\b[^>]*\brel="next"[^>]*>/.exec(html)?.[0]
    const href = a && /\bhref="([^"]+)"/.exec(a)?.[1]
    if (!href) throw new Error(`roster page ${i} has no rel="next" link`)
    next = new URL(href.replaceAll('&amp;', '&'), base).toString()
  }
  return next
}

/** Where the app takes a draft upload: a deliverable of creator 0, put back to "changes requested" so a new version is allowed. */
async function findUploadTarget(): Promise<{ url: string; fileField: string; fields: Record<string, string> } | null> {
  const [d] = await bench<{ id: string }[]>`
    update deliverables set status = 'changes_requested'
    where id = (select d.id from deliverables d join offers o on o.id = d.offer_id
                where d.creator_id = 'bc000000' and o.status in ('accepted', 'active') order by d.id limit 1)
    returning id`
  if (!d) return null
  const url = `${base}/c/bc000000/deliverables/${d.id}/upload`
  const probe = await fetch(url, { method: 'POST', headers: { Cookie: creator, Origin: base }, redirect: 'manual' })
  return probe.status === 404 ? null : { url, fileField: 'media', fields: { intent: 'submit-draft', caption: 'Bench upload #ad' } }
}

/**
 * The approve action at 20 connections: every request approves a different waiting draft of bench-01
 * (all its reviewed drafts are put back to waiting first), with the reviewer attestations its format needs.
 */
async function approveScenario(): Promise<Result> {
  const drafts = await resetDrafts(bench)
  const probe = drafts[0] ? await fetch(reviewUrl(base, drafts[0].id), { headers: { Cookie: manager } }) : null
  if (!probe || probe.status === 404) {
    await restoreReviewState(bench)
    return { name: 'approve action (20 conn)', rps: 0, p50: 0, p975: 0, errors: 0, non2xx: 0, note: 'not built yet' }
  }
  const { r, failed } = await approveAll(base, manager, drafts, await attestationsByFormat(base, manager, drafts))
  const result: Result = { name: `approve action (20 conn, ${drafts.length} drafts)`, rps: r.requests.average, p50: r.latency.p50, p975: r.latency.p97_5, errors: r.errors, non2xx: failed }
  results.push(result)
  console.info(`${result.name.padEnd(44)} ${result.rps.toFixed(0).padStart(7)} req/s  p50 ${result.p50} ms  p97.5 ${result.p975} ms${result.non2xx ? `  non-2xx ${result.non2xx}` : ''}`)
  await restoreReviewState(bench)
  return result
}
