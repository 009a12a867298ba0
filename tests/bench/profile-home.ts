/**
 * Profiles a brand page's loader services on a bench database (DATABASE_URL, after `npm run bench:seed`):
 * every SQL statement they send, with EXPLAIN (ANALYZE, BUFFERS) execution time and shared buffers, and
 * the wall time of a sequential loop. `npx tsx tests/bench/profile-home.ts [loops]`; PROFILE_PAGE=report
 * profiles the Reports page's first view (brand-wide, undated: getReportPage from the kept totals) instead of the home; PROFILE_PAGE=report-whole the whole report computed from the facts.
 * (PROFILE_PAGE=invoices, payables, layout, queue, posts, budget and creator: the invoices list, the payables desk, the brand layout's areas and review count,
 * the review queue, live posts, the budget, the creator home bc000000's to-dos and money.)
 * PROFILE_GENERIC=1 runs the loops on generic plans. PROFILE_SHOW=N prints statement N with its plan. Not a test.
 */
import { readFileSync } from 'node:fs'
import postgres from 'postgres'
import { drizzle } from 'drizzle-orm/postgres-js'
import { schema, type Db } from '#db/index.ts'
import { preparing } from '#db/prepared.ts'
import { setDbHandle } from '#app/db.server.ts'
import { getBrandOverview } from '#app/services/brands/get-brand-overview.server.ts'
import { getAtRiskTop } from '#app/services/brands/get-at-risk.server.ts'
import { getProgramSummary } from '#app/services/brands/get-program-summary.server.ts'
import { getPerformanceReport } from '#app/services/reports/get-performance-report.server.ts'
import { getReportPage } from '#app/services/reports/get-report-page.server.ts'
import { reportQuerySchema } from '#app/validation/report-filters.ts'
import { listBrandInvoices, listPayables } from '#app/services/invoices/list-invoices.server.ts'
import { getUserAreasAndWaitingDrafts } from '#app/services/areas/get-user-areas.server.ts'
import { listReviewQueue } from '#app/services/content/list-review-queue.server.ts'
import { listBrandPosts } from '#app/services/posts/list-brand-posts.server.ts'
import { getBudget } from '#app/services/budget/get-budget.server.ts'
import { getCreatorTodos } from '#app/services/creators/get-creator-todos.server.ts'
import { getCreatorMoney } from '#app/services/invoices/get-creator-money.server.ts'

const url = process.env.DATABASE_URL!
const loops = Number(process.argv[2] ?? 50)
// One connection, so one PostgreSQL backend runs every statement and its CPU time (/proc/<pid>/stat) is the
// page's database CPU, whatever else the machine is doing.
// jit off as the app's pool has it (db/index.ts). PROFILE_GENERIC=1: prepared statements always use their generic plan (what PostgreSQL may settle on after five runs).
const client = postgres(url, { max: 1, onnotice: () => {}, connection: { TimeZone: 'UTC', jit: 'off', ...(process.env.PROFILE_GENERIC ? { plan_cache_mode: 'force_generic_plan' } : {}) } })
const logged: { text: string; params: unknown[] }[] = []
let capture = true
const db = drizzle(preparing(client), {
  schema,
  casing: 'snake_case',
  logger: { logQuery: (text: string, params: unknown[]) => void (capture && logged.push({ text, params })) },
}) as unknown as Db
setDbHandle({ db, driver: 'postgres', close: () => client.end(), migrate: async () => {}, queryCount: () => 0 } as never)

const [brand] = await client<{ id: string; currency: string; settings: Record<string, unknown> }[]>`select id, currency, settings from brands where slug = 'bench-01'`
const [manager] = await client<{ id: string }[]>`select id from users where email = 'manager@bench-01.bench'`
// the bench's creator home (bc000000, the creator of creator0@bench.test)
const [creator] = await client<{ id: string }[]>`select id from creators where id = 'bc000000'`
const [{ pid }] = (await client`select pg_backend_pid() as pid`) as unknown as [{ pid: number }]
/** CPU time (user + system) of the backend so far, in ms (clock ticks of 10 ms). */
const backendCpu = () => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(f[11]) + Number(f[12])) * 10
}
const pages = {
  home: () => Promise.all([getBrandOverview(brand!.id), getAtRiskTop(brand!.id, 25), getProgramSummary({ brand: brand! } as never, '90d')]),
  report: () => getReportPage(brand!, reportQuerySchema.parse({}), undefined),
  'report-whole': () => getPerformanceReport(brand!, {}),
  invoices: () => listBrandInvoices({ brand: brand! } as never),
  payables: () => listPayables({ brand: brand! } as never),
  layout: () => getUserAreasAndWaitingDrafts(manager!.id, brand!.id),
  queue: () => listReviewQueue(brand!.id),
  posts: () => listBrandPosts(brand!.id),
  budget: () => getBudget({ brand: brand! } as never),
  creator: () => Promise.all([getCreatorTodos(creator!.id), getCreatorMoney(creator!.id)]),
} as const
const home: () => Promise<unknown> = pages[(process.env.PROFILE_PAGE ?? 'home') as keyof typeof pages]
const first = await home()
capture = false
console.info(`statements: ${logged.length}`)
let total = 0
for (const [i, q] of logged.entries()) {
  // begin / set local / commit around a statement run on its generic plan (onGenericPlan): nothing to explain.
  // (The statement itself is timed below on custom plans; the sequential loop at the end runs it as the app does.)
  if (!/^\s*(select|with)\b/i.test(q.text)) {
    console.info(`${String(i + 1).padStart(2)} ${q.text}`)
    continue
  }
  // The fastest of 7 runs: the machine is shared, and a preempted run says nothing about the statement.
  type Plan = { 'Execution Time': number; 'Planning Time': number; Plan: { 'Shared Hit Blocks': number; 'Shared Read Blocks': number; 'Actual Rows': number } }
  let best: Plan | undefined
  for (let k = 0; k < 7; k++) {
    const plan = await client.unsafe(`explain (analyze, buffers, timing off, format json) ${q.text}`, q.params as never[])
    const one = (plan[0] as unknown as { 'QUERY PLAN': Plan[] })['QUERY PLAN'][0]!
    if (!best || one['Execution Time'] < best['Execution Time']) best = one
  }
  const p = best!
  const c0 = backendCpu()
  for (let k = 0; k < 20; k++) await client.unsafe(q.text, q.params as never[], { prepare: true })
  const cpuMs = (backendCpu() - c0) / 20
  total += p['Execution Time']
  if (process.env.PROFILE_SHOW === String(i + 1)) {
    console.info(q.text, JSON.stringify(q.params))
    for (const r of await client.unsafe(`explain (analyze, buffers) ${q.text}`, q.params as never[])) console.info((r as Record<string, string>)['QUERY PLAN'])
  }
  console.info(`${String(i + 1).padStart(2)} [${q.text.length} chars, ${q.params.length} params] cpu ${cpuMs.toFixed(1).padStart(5)} ms exec ${p['Execution Time'].toFixed(2).padStart(7)} ms plan ${p['Planning Time'].toFixed(2).padStart(6)} ms buffers ${String(p.Plan['Shared Hit Blocks'] + p.Plan['Shared Read Blocks']).padStart(6)} rows ${String(p.Plan['Actual Rows']).padStart(5)}  ${q.text.replace(/\s+/g, ' ').slice(0, 110)}`)
}
console.info(`sum of execution times: ${total.toFixed(1)} ms`)
const t0 = performance.now()
const n0 = process.cpuUsage()
const b0 = backendCpu()
for (let i = 0; i < loops; i++) await home()
const node = process.cpuUsage(n0)
console.info(
  `sequential, ${loops} loops, per page (services only): wall ${((performance.now() - t0) / loops).toFixed(1)} ms, database CPU ${((backendCpu() - b0) / loops).toFixed(1)} ms, node CPU ${((node.user + node.system) / 1000 / loops).toFixed(1)} ms`,
)
if (process.env.PROFILE_DUMP) console.info(JSON.stringify(first, null, 1))
await client.end()
