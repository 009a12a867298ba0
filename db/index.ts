/**
 * The one database handle. postgres.js when DATABASE_URL is set, otherwise embedded PGlite in
 * ./data/db (PGLITE_DIR overrides; 'memory://' for tests). Services only ever see `Db`.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import { preparing } from './prepared.ts'
import { countQuery } from './query-count.ts'
import * as schema from './schema.ts'

export { schema }
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
/** Anything that can run a query: the handle or an open transaction. */
export type DbOrTx = Db | Tx

export interface DbHandle {
  db: Db
  driver: 'postgres' | 'pglite'
  close: () => Promise<void>
  migrate: () => Promise<void>
  /** Counts statements (for the benchmarks' queries-per-request check). */
  queryCount: () => number
  /**
   * PostgreSQL only, when the pool has room for it: a few connections opened with plan_cache_mode =
   * force_generic_plan, for the read-only statements that must run on their generic plan (onGenericPlan in
   * app/db.server.ts). A connection setting instead of a `set local` per call: the statement goes alone,
   * without a begin, a set and a commit around it.
   */
  genericPlanDb?: Db
}

/** Connections of the pool kept for statements on their generic plan: a fifth, none for a pool under 5. */
export function genericPlanConnections(poolSize: number) {
  return Math.floor(poolSize / 5)
}

export interface OpenOptions {
  databaseUrl?: string | undefined
  pgliteDir?: string | undefined
  /** A pre-migrated PGlite data dir dump (tests): skips initdb and migrations. */
  pgliteLoadDataDir?: Blob | File | undefined
  poolSize?: number
}

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), 'db/migrations')
const MIGRATION_LOCK = 424242

export async function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  let count = 0
  const logger = {
    logQuery: () => {
      count++
      countQuery()
    },
  }
  if (opts.databaseUrl) {
    const poolSize = opts.poolSize ?? 10
    const generic = genericPlanConnections(poolSize)
    // jit off: PostgreSQL compiles a statement it estimates as expensive (jit_above_cost), which on the bench
    // database at 10x cost 50-230 ms per call on report statements that then ran in tens of ms (DECISIONS.md).
    const connection = { TimeZone: 'UTC', jit: 'off' }
    const client = postgres(opts.databaseUrl, { max: poolSize - generic, onnotice: () => {}, connection })
    // DB_POOL_SIZE stays the process's total: the generic-plan connections are carved out of it.
    const genericClient = generic ? postgres(opts.databaseUrl, { max: generic, onnotice: () => {}, connection: { ...connection, plan_cache_mode: 'force_generic_plan' } }) : null
    const drizzleOn = (c: postgres.Sql) => drizzlePostgres(preparing(c), { schema, casing: 'snake_case', logger }) as unknown as Db
    const db = drizzleOn(client)
    const genericPlanDb = genericClient ? drizzleOn(genericClient) : undefined
    return {
      db,
      driver: 'postgres',
      ...(genericPlanDb ? { genericPlanDb } : {}),
      close: async () => {
        await Promise.all([client.end({ timeout: 5 }), genericClient?.end({ timeout: 5 })])
      },
      migrate: async () => {
        // Several app processes may start at once against one server: one migrates, the others wait.
        // One connection (max: 1) so the session-level advisory lock covers every statement.
        const single = postgres(opts.databaseUrl!, { max: 1, onnotice: () => {} })
        try {
          await single`select pg_advisory_lock(${MIGRATION_LOCK})`
          await migratePostgres(drizzlePostgres(single), { migrationsFolder: MIGRATIONS_FOLDER })
          await single`select pg_advisory_unlock(${MIGRATION_LOCK})`
        } finally {
          await single.end({ timeout: 5 })
        }
      },
      queryCount: () => count,
    }
  }
  const dataDir = opts.pgliteDir ?? path.resolve(process.cwd(), 'data/db')
  if (dataDir !== 'memory://') mkdirSync(path.dirname(dataDir), { recursive: true })
  // In memory, pass options only: `new PGlite(undefined, opts)` ignores loadDataDir.
  const client =
    dataDir === 'memory://'
      ? new PGlite({ ...(opts.pgliteLoadDataDir ? { loadDataDir: opts.pgliteLoadDataDir } : {}) })
      : new PGlite(dataDir, { ...(opts.pgliteLoadDataDir ? { loadDataDir: opts.pgliteLoadDataDir } : {}) })
  await client.waitReady
  await client.exec(`set time zone 'UTC'`)
  const db = drizzlePglite(client, { schema, casing: 'snake_case', logger }) as unknown as Db
  return {
    db,
    driver: 'pglite',
    close: () => client.close(),
    migrate: async () => {
      await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER })
    },
    queryCount: () => count,
    // exposed for tests that dump a migrated template
    ...({ pglite: client } as object),
  }
}

export async function ping(db: Db): Promise<boolean> {
  await db.execute(sql`select 1`)
  return true
}
