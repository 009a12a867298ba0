/**
 * The app's database handle, kept on globalThis so `remix dev` rebuilds and tests share one.
 * `initDb()` opens it (and applies migrations); `db()` returns it.
 */
import { openDatabase, type Db, type DbHandle } from '#db/index.ts'
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
