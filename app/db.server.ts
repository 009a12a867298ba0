/**
 * The app's database handle, kept on globalThis so `remix dev` rebuilds and tests share one.
 * `initDb()` opens it (and applies migrations); `db()` returns it.
 */
import { openDatabase, type Db, type DbHandle } from '#db/index.ts'
import { sql } from 'drizzle-orm'
import { queryCounter } from '#db/query-count.ts'
import { config } from './config.server.ts'

const g = globalThis as unknown as { __greenroomDb?: DbHandle; __greenroomDbInit?: Promise<DbHandle> }

export async function initDb(opts: { migrate?: boolean } = {}): Promise<DbHandle> {
  if (g.__greenroomDb) return g.__greenroomDb
  g.__greenroomDbInit ??= (async () => {
    const c = config()
    const handle = await openDatabase({
      databaseUrl: c.DATABASE_URL,
      pgliteDir: c.PGLITE_DIR,
      poolSize: c.DB_POOL_SIZE,
    })
    if (opts.migrate !== false) await handle.migrate()
    g.__greenroomDb = handle
    return handle
  })()
  return g.__greenroomDbInit
}

export function db(): Db {
  if (!g.__greenroomDb) throw new Error('Database not initialised: call initDb() at start-up')
  return g.__greenroomDb.db
}

export function dbHandle(): DbHandle {
  if (!g.__greenroomDb) throw new Error('Database not initialised')
  return g.__greenroomDb
}

/** Tests: install a handle made elsewhere. */
export function setDbHandle(handle: DbHandle | undefined) {
  g.__greenroomDb = handle
  g.__greenroomDbInit = handle ? Promise.resolve(handle) : undefined
}

/**
 * Run `fn` with PostgreSQL told to use the prepared statement's generic plan (planned once per connection)
 * instead of planning it anew for each call's values. For the few long statements whose planning costs
 * more than running them, and only ones whose generic plan was checked at 1x and 10x (tests/bench/
 * profile-home.ts PROFILE_GENERIC=1): PostgreSQL otherwise keeps re-planning whenever its estimate for the
 * generic plan is worse than for the custom ones, at 3.5 ms a call for the brand home's at-risk list.
 * Read-only work, outside any transaction: `fn` gets the pool's generic-plan connections (their
 * plan_cache_mode set when they open, db/index.ts), so the statement goes alone. A pool too small to spare
 * them runs `fn` in a transaction with `set local`, so the setting ends with it; PGlite (one connection)
 * runs `fn` as it is.
 */
export async function onGenericPlan<T>(fn: (d: Db) => Promise<T>): Promise<T> {
  const handle = dbHandle()
  if (handle.driver !== 'postgres') return fn(handle.db)
  if (handle.genericPlanDb) return fn(handle.genericPlanDb)
  return handle.db.transaction(async (tx) => {
    await tx.execute(sql`set local plan_cache_mode = force_generic_plan`)
    return fn(tx as unknown as Db)
  })
}

let preparedCount = 0

/**
 * A query built once per database handle with drizzle's `.prepare()`, for the statements every page
 * runs (the session, the guards, the creator home): drizzle's builder cost ~0.2 ms of CPU a statement,
 * the largest part of a small page's time (tests/bench), and on PostgreSQL a prepared query runs as a
 * named statement, parsed and planned once per connection. Values are passed as `sql.placeholder(name)`.
 */
export function preparedQuery<Q>(build: (db: Db, name: string) => Q): () => Q {
  const name = `q${++preparedCount}`
  const cache = new WeakMap<Db, Q>()
  return () => {
    const d = db()
    let q = cache.get(d)
    if (!q) {
      q = build(d, name)
      cache.set(d, q)
    }
    return q
  }
}

let perRequestCount = 0

/**
 * Memoize `fn` for one incoming GET/HEAD request: the root, layout and page loaders of one document
 * request run in parallel and each guards itself, so without this the session and the creator or
 * brand were read three times per page. Remix gives each loader its own Request object, so the memo
 * lives in the per-request store app/server.ts opens (db/query-count.ts); without one (tests calling
 * a loader directly) nothing is memoized. Other methods never are: an action may change what a later
 * read must see.
 */
export function perRequest<A extends unknown[], R>(fn: (request: Request, ...args: A) => Promise<R>, key: (...args: A) => string = () => ''): (request: Request, ...args: A) => Promise<R> {
  const id = `m${++perRequestCount}:`
  return (request, ...args) => {
    const store = queryCounter.getStore()
    if (!store || (request.method !== 'GET' && request.method !== 'HEAD')) return fn(request, ...args)
    const memo = (store.memo ??= new Map())
    const k = id + key(...args)
    let p = memo.get(k) as Promise<R> | undefined
    if (!p) {
      p = fn(request, ...args)
      memo.set(k, p)
      // A failure is not remembered: a retry within the same request tries again.
      p.catch(() => memo.delete(k))
    }
    return p
  }
}
