import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { MatrixContext, RouteAccess } from './actors.ts'

/** A dead-lettered job of brand X (its name has no definition, so nothing ever runs it). */
async function jobParams(ctx: MatrixContext) {
  const [job] = await db()
    .insert(schema.jobs)
    .values({ name: 'gates.unrunnable', brandId: ctx.brandX.id, payload: {}, status: 'dead', attempts: 3, maxAttempts: 3, leaseMs: 60_000, lastError: 'gates: provider down' })
    .returning()
  return { job: job!.id }
}

/** Access rows for the admin jobs page. */
export const JOBS_ACCESS: Record<string, RouteAccess> = {
  'b+/$brand+/jobs.tsx': { loader: ['adminX'], action: ['adminX'], params: jobParams, forms: (ids) => [{ intent: 'retry', jobId: ids.job! }] },
}
