/**
 * The report queries over 1M metric snapshots, measured where they run: the real report service
 * (getPerformanceReport) on a handle whose logger captures every statement it sends. Each captured
 * statement is then timed (median of several runs) and EXPLAINed, and compared with a full-scan
 * aggregate of metric_snapshots in the same database.
 */
import { drizzle } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { schema, type Db, type DbHandle } from '../../db/index.ts'
import { setDbHandle } from '../../app/db.server.ts'
import { preparing, shouldPrepare } from '../../db/prepared.ts'
import { getPerformanceReport } from '../../app/services/reports/get-performance-report.server.ts'

interface PlanNode {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  Plans?: PlanNode[]
}

export interface PlanResult {
  name: string
  ms: number
  statements: number
  /**
   * How the statements read the post counters, metric_snapshots or post_metrics_latest (the latest
   * snapshot per post, kept by triggers): 'post_metrics_latest: Index Scan using …', 'metric_snapshots: Seq Scan'…
   */
  snapshotAccess: string[]
  usesIndexes: boolean
  /** The slowest statement (median ms) and where it starts, to know what to fix next. */
  slowest: { ms: number; sql: string }
  /** Sum of the statements' medians (they run in parallel in the service). */
  sqlMs: number
  /** Median ms of the statements that read the post counters (the query that sums the posts' numbers). */
  snapshotSqlMs: number
}

const COUNTER_TABLES = new Set(['metric_snapshots', 'post_metrics_latest'])

function walk(node: PlanNode, out: string[]) {
  const rel = node['Relation Name']
  if (rel && COUNTER_TABLES.has(rel)) out.push(`${rel}: ${node['Index Name'] ? `${node['Node Type']} using ${node['Index Name']}` : node['Node Type']}`)
  for (const child of node.Plans ?? []) walk(child, out)
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

export async function measureReportPlans(url: string, runs = 7): Promise<{ fullScanMs: number; results: PlanResult[] }> {
  // The app's own setup: its default pool (DB_POOL_SIZE 10) and prepared statements (db/prepared.ts).
  const client = postgres(url, { max: 10, onnotice: () => {}, connection: { TimeZone: 'UTC' } })
  let captured: { sql: string; params: unknown[] }[] = []
  const db = drizzle(preparing(client), {
    schema,
    casing: 'snake_case',
    logger: { logQuery: (q, params) => captured.push({ sql: q, params }) },
  }) as unknown as Db
  const handle: DbHandle = { db, driver: 'postgres', close: () => client.end(), migrate: async () => {}, queryCount: () => captured.length }
  setDbHandle(handle)
  try {
    const time = async (fn: () => Promise<unknown>) => {
      await fn() // warm the cache and the plan
      const ms: number[] = []
      for (let i = 0; i < runs; i++) {
        const t = performance.now()
        await fn()
        ms.push(performance.now() - t)
      }
      return median(ms)
    }
    const fullScanMs = await time(() => client.unsafe('select count(*), sum(impressions), sum(likes), max(captured_at) from metric_snapshots'))

    const [brand] = await client<{ id: string; currency: string; settings: Record<string, unknown> }[]>`
      select id, currency, settings from brands where slug = 'bench-01'`
    if (!brand) throw new Error('bench-01 is missing: run npm run bench:seed')
    const [busiest] = await client<{ creator_id: string }[]>`
      select creator_id from posts where brand_id = ${brand.id} group by creator_id order by count(*) desc, creator_id limit 1`

    const results: PlanResult[] = []
    for (const [name, filters] of [
      ['brand-wide per-creator report', {}],
      ["one creator's report", { creatorId: busiest!.creator_id }],
    ] as const) {
      captured = []
      await getPerformanceReport(brand, filters)
      const statements = [...captured]
      const ms = await time(() => getPerformanceReport(brand, filters))
      const access: string[] = []
      let slowest = { ms: 0, sql: '' }
      let sqlMs = 0
      let snapshotSqlMs = 0
      for (const s of statements) {
        const sms = await time(() => client.unsafe(s.sql, s.params as never[], { prepare: shouldPrepare(s.sql, s.params) }))
        sqlMs += sms
        if (sms > slowest.ms) slowest = { ms: sms, sql: s.sql.replace(/\s+/g, ' ').slice(0, 160) }
        const [row] = await client.unsafe(`explain (format json) ${s.sql}`, s.params as never[])
        const plan = (row as Record<string, unknown>)['QUERY PLAN'] as { Plan: PlanNode }[]
        const before = access.length
        walk(plan[0]!.Plan, access)
        if (access.length > before) snapshotSqlMs += sms
        if (process.env.BENCH_VERBOSE) console.info(`  ${sms.toFixed(2)} ms  ${s.sql.replace(/\s+/g, ' ').slice(0, 120)}`)
      }
      results.push({ name, ms, statements: statements.length, snapshotAccess: access, usesIndexes: access.length > 0 && access.every((a) => !a.includes('Seq Scan')), slowest, sqlMs, snapshotSqlMs })
    }
    return { fullScanMs, results }
  } finally {
    setDbHandle(undefined)
    await client.end({ timeout: 5 })
  }
}
