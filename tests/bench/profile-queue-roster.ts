/**
 * Profiles the review queue's and the roster's loader services (and the brand layout's waiting count) on a
 * bench database (DATABASE_URL, after `npm run bench:seed`): every SQL statement they send, with EXPLAIN
 * (ANALYZE, BUFFERS) execution time and shared buffers. `npx tsx tests/bench/profile-queue-roster.ts`.
 * PROFILE_SHOW=n prints statement n with its plan. Not a test; read-only.
 */
import postgres from 'postgres'
import { drizzle } from 'drizzle-orm/postgres-js'
import { schema, type Db } from '#db/index.ts'
import { preparing } from '#db/prepared.ts'
import { setDbHandle } from '#app/db.server.ts'
import { countWaitingDrafts } from '#app/services/content/count-waiting-drafts.server.ts'
import { listReviewQueue } from '#app/services/content/list-review-queue.server.ts'
import { listRoster } from '#app/services/roster/list-roster.server.ts'

const url = process.env.DATABASE_URL!
const client = postgres(url, { max: 1, onnotice: () => {}, connection: { TimeZone: 'UTC' } })
const logged: { label: string; text: string; params: unknown[] }[] = []
let label = ''
const db = drizzle(preparing(client), {
  schema,
  casing: 'snake_case',
  logger: { logQuery: (text: string, params: unknown[]) => void logged.push({ label, text, params }) },
}) as unknown as Db
setDbHandle({ db, driver: 'postgres', close: () => client.end(), migrate: async () => {}, queryCount: () => 0 } as never)

const [brand] = await client<{ id: string; currency: string; settings: Record<string, unknown> }[]>`select id, currency, settings from brands where slug = 'bench-01'`
const b = brand!
const [camp] = await client<{ campaign_id: string }[]>`select campaign_id from deliverables where brand_id = ${b.id} and status = 'draft_submitted' group by 1 order by count(*) desc limit 1`
const pages: [string, () => Promise<unknown>][] = [
  ['layout count', () => countWaitingDrafts(b.id)],
  ['review queue', () => listReviewQueue(b.id, {}, {})],
  ['review queue, campaign filter', () => listReviewQueue(b.id, { campaign: camp?.campaign_id ?? null }, {})],
  ['review queue, platform filter', () => listReviewQueue(b.id, { platform: 'tiktok' }, {})],
  ['review queue page 2', async () => listReviewQueue(b.id, {}, { cursor: (await listReviewQueue(b.id, {}, {})).nextCursor })],
  ['roster page 1', () => listRoster(b, {})],
  ['roster page 2', async () => listRoster(b, { cursor: (await listRoster(b, {})).nextCursor })],
  ['roster status filter', () => listRoster(b, { status: 'active' })],
  ['roster followers sort', () => listRoster(b, { sort: 'followers' })],
]
const only = process.env.PROFILE_PAGES?.split(',')
for (const [name, fn] of pages) {
  if (only && !only.some((o) => name.startsWith(o))) continue
  label = name
  await fn()
}
type Plan = { 'Execution Time': number; 'Planning Time': number; Plan: { 'Shared Hit Blocks': number; 'Shared Read Blocks': number; 'Actual Rows': number } }
for (const [i, q] of logged.entries()) {
  let best: Plan | undefined
  for (let k = 0; k < 5; k++) {
    const plan = await client.unsafe(`explain (analyze, buffers, format json) ${q.text}`, q.params as never[])
    const one = (plan[0] as unknown as { 'QUERY PLAN': Plan[] })['QUERY PLAN'][0]!
    if (!best || one['Execution Time'] < best['Execution Time']) best = one
  }
  const p = best!
  // The plan a prepared statement gets after its fifth run if PostgreSQL finds it no worse on average: generic.
  const types = q.params.map((v) => (typeof v === 'number' ? 'int8' : typeof v === 'boolean' ? 'bool' : 'text')).join(', ')
  let generic: Plan | undefined
  try {
    await client.unsafe(`prepare profiled${types ? `(${types})` : ''} as ${q.text}`)
    await client.unsafe('set plan_cache_mode = force_generic_plan')
    const args = q.params.map((v) => `'${String(v).replace(/'/g, "''")}'`).join(', ')
    for (let k = 0; k < 3; k++) {
      const plan = await client.unsafe(`explain (analyze, buffers, format json) execute profiled${args ? `(${args})` : ''}`)
      const one = (plan[0] as unknown as { 'QUERY PLAN': Plan[] })['QUERY PLAN'][0]!
      if (!generic || one['Execution Time'] < generic['Execution Time']) generic = one
    }
    if (process.env.PROFILE_SHOW_GENERIC?.split(',').includes(String(i + 1))) {
      for (const r of await client.unsafe(`explain (analyze, buffers) execute profiled${args ? `(${args})` : ''}`)) console.info((r as Record<string, string>)['QUERY PLAN'])
    }
  } catch {
    // parameter types this guess cannot give (compared with a non-text column): no generic figure
  } finally {
    await client.unsafe('reset plan_cache_mode')
    await client.unsafe('deallocate all')
  }
  const g = generic ?? { 'Execution Time': NaN, Plan: { 'Shared Hit Blocks': NaN, 'Shared Read Blocks': 0 } }
  if (process.env.PROFILE_SHOW?.split(',').includes(String(i + 1))) {
    console.info(q.text, JSON.stringify(q.params))
    for (const r of await client.unsafe(`explain (analyze, buffers) ${q.text}`, q.params as never[])) console.info((r as Record<string, string>)['QUERY PLAN'])
  }
  console.info(
    `${String(i + 1).padStart(2)} ${q.label.padEnd(30)} exec ${p['Execution Time'].toFixed(2).padStart(8)} ms buffers ${String(p.Plan['Shared Hit Blocks'] + p.Plan['Shared Read Blocks']).padStart(7)} rows ${String(p.Plan['Actual Rows']).padStart(6)} | generic ${g['Execution Time'].toFixed(2).padStart(8)} ms ${String(g.Plan['Shared Hit Blocks'] + g.Plan['Shared Read Blocks']).padStart(7)} buf  ${q.text.replace(/\s+/g, ' ').slice(0, 70)}`,
  )
}
await client.end()
