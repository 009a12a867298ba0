import { type LoaderFunctionArgs } from '@remix-run/node'
import { checkDatabase } from '#app/services/health/check-database.server.ts'

// Public: load balancers ask whether this process can reach its database.
export async function loader(_args: LoaderFunctionArgs) {
  const database = await checkDatabase()
  return Response.json({ status: database.ok ? 'ok' : 'error', database }, { status: database.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } })
}
