import { type LoaderFunctionArgs } from '@remix-run/node'
import { ping } from '#db/index.ts'
import { db, dbHandle } from '#app/db.server.ts'

// Public: load balancers ask whether this process can reach its database.
export async function loader(_args: LoaderFunctionArgs) {
  const started = performance.now()
  try {
    await ping(db())
    const ms = Math.round((performance.now() - started) * 10) / 10
    return Response.json({ status: 'ok', database: { driver: dbHandle().driver, ok: true, ms } }, { headers: { 'Cache-Control': 'no-store' } })
  } catch {
    return Response.json({ status: 'error', database: { ok: false } }, { status: 503, headers: { 'Cache-Control': 'no-store' } })
  }
}
