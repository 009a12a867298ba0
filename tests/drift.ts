/**
 * What the summary drift tests share (tests/integration/*-drift.test.ts: campaign money, program days, at-risk
 * counts, review queue and roster counts): each applies random sequences of row changes to a fresh world and
 * checks that the rows the database triggers keep equal a recomputation from scratch.
 */
import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import postgres from 'postgres'
import { db } from '#app/db.server.ts'
import { rowsOf } from '#app/services/brands/get-at-risk.server.ts'

/** A handle or a transaction: ops run on either (a rolled-back op runs its inner ops in a transaction). */
export type Q = Parameters<Parameters<ReturnType<typeof db>['transaction']>[0]>[0] | ReturnType<typeof db>

/** The `i`-th of `xs`, wrapping around (random indexes over lists that grow and shrink); undefined when empty. */
export const pick = <T,>(xs: readonly T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined)

class RollBack extends Error {}

/**
 * `fn` in a transaction on `q` that is then rolled back, and the world's own bookkeeping (the ids it lists) put
 * back as it was, since the rows `fn` created are gone.
 */
export async function rolledBack<W extends object>(q: Q, w: W, fn: (tx: Q) => Promise<void>): Promise<void> {
  const saved = structuredClone(w)
  await q
    .transaction(async (tx) => {
      await fn(tx)
      throw new RollBack()
    })
    .catch((e) => {
      if (!(e instanceof RollBack)) throw e
    })
  Object.assign(w, saved)
}

/** The property every drift test states: after any sequence of 1–40 ops on a fresh world, nothing drifted. */
export function noDriftAfterAnySequence<W, Op>(o: {
  anyOp: fc.Arbitrary<Op>
  world: () => Promise<W>
  apply: (q: Q, w: W, op: Op) => Promise<void>
  expectNoDrift: (w: W) => Promise<void>
  numRuns: number
}): Promise<void> {
  return fc.assert(
    fc.asyncProperty(fc.array(o.anyOp, { minLength: 1, maxLength: 40 }), async (ops) => {
      const w = await o.world()
      for (const op of ops) await o.apply(db(), w, op)
      await o.expectNoDrift(w)
    }),
    { numRuns: o.numRuns },
  )
}

/**
 * The roster sort keys (roster_entries.top_followers, last_collaboration_at, total_paid_minor, on_time_rate_bp)
 * of these brands' entries as the triggers kept them, and as roster_stats_refresh computes them now for every
 * entry (in a transaction rolled back). Migration 0039 refreshes them only when a column they read changes: a
 * change it wrongly skips leaves `kept` behind `recomputed`.
 */
export async function rosterSortKeys(brandIds: string[]): Promise<{ kept: string[]; recomputed: string[] }> {
  const read = async (q: Q) => {
    const r = await q.execute(sql`select r.id || '|' || r.top_followers || '|' || coalesce(r.last_collaboration_at::text, '-') || '|' || r.total_paid_minor
        || '|' || coalesce(r.on_time_rate_bp::text, '-') as k
      from roster_entries r where r.brand_id in ${brandIds} order by r.id`)
    return rowsOf<{ k: string }>(r).map((x) => x.k)
  }
  const kept = await read(db())
  let recomputed: string[] = []
  await rolledBack(db(), {}, async (tx) => {
    await tx.execute(sql`select roster_stats_refresh(array_agg(brand_id), array_agg(creator_id)) from roster_entries where brand_id in ${brandIds}`)
    recomputed = await read(tx)
  })
  return { kept, recomputed }
}

/**
 * Two transactions at once, each on its own PostgreSQL connection (DATABASE_URL; PGlite has one connection):
 * `first` runs and keeps its transaction open until the second, started then, waits on a lock (its statement
 * in pg_stat_activity starts with `waitingLike`) or 2 s have passed; then the first commits, and both are
 * awaited. What the summary drift tests use to show two writers of one summary row both count.
 */
export async function twoTransactionsAtOnce(
  first: (tx: postgres.TransactionSql) => Promise<unknown>,
  second: (tx: postgres.TransactionSql) => Promise<unknown>,
  waitingLike: string,
): Promise<void> {
  const a = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} })
  const b = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} })
  try {
    let releaseFirst!: () => void
    const firstMayCommit = new Promise<void>((r) => (releaseFirst = r))
    let firstRan!: () => void
    const firstDidRun = new Promise<void>((r) => (firstRan = r))
    const one = a.begin(async (tx) => {
      await first(tx)
      firstRan()
      await firstMayCommit
    })
    await firstDidRun
    const two = b.begin((tx) => second(tx))
    for (let i = 0; i < 200; i++) {
      const [waiting] = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like ${`${waitingLike}%`}`))
      if (waiting!.n > 0) break
      await new Promise((r) => setTimeout(r, 10))
    }
    releaseFirst()
    await Promise.all([one, two])
  } finally {
    await a.end()
    await b.end()
  }
}
