/** `npm run db:migrate`: apply db/migrations to DATABASE_URL (or the embedded PGlite folder). */
import { openDatabase } from './index.ts'

const handle = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  pgliteDir: process.env.PGLITE_DIR || undefined,
})
await handle.migrate()
await handle.close()
console.info(`Migrations applied (${handle.driver}).`)
