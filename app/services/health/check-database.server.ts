import { ping } from '#db/index.ts'
import { db, dbHandle } from '#app/db.server.ts'

/** Can this process reach its database, and how long does a round trip take? (GET /healthz) */
export async function checkDatabase(): Promise<{ ok: true; driver: string; ms: number } | { ok: false }> {
  const started = performance.now()
  try {
    await ping(db())
    return { ok: true, driver: dbHandle().driver, ms: Math.round((performance.now() - started) * 10) / 10 }
  } catch {
    return { ok: false }
  }
}
