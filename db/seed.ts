/** `npm run db:seed`: migrate, then create the demo program (idempotent) and print the demo logins. */
import { openDatabase } from './index.ts'
import { seed } from './seed-program.ts'
import { demoBannerText } from './seed-data.ts'

const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, pgliteDir: process.env.PGLITE_DIR || undefined })
await handle.migrate()
const { seeded } = await seed(handle.db)
await handle.close()
console.info(seeded ? 'Demo data created.' : 'Demo data already present: nothing changed.')
console.info(demoBannerText(process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`))
