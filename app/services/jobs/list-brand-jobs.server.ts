import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { isRetryableJobStatus, type JobStatus } from '#app/domain/jobs.ts'
import { jobDefinitionNamed } from './registry.server.ts'

export interface BrandJobView {
  id: string
  name: string
  label: string
  status: JobStatus
  attempts: number
  maxAttempts: number
  runAt: Date
  lastError: string | null
  updatedAt: Date
  canRetry: boolean
}

const LIMIT = 100

/**
 * The jobs page of one brand: its queued, running and failed (incl. dead-lettered) jobs, newest first,
 * with the last error, and how many finished in the last 7 days. Only jobs that carry this brand's id.
 */
export async function listBrandJobs(brandId: string, now = new Date()) {
  const j = schema.jobs
  const rows = await db()
    .select()
    .from(j)
    .where(and(eq(j.brandId, brandId), inArray(j.status, ['queued', 'running', 'failed', 'dead'])))
    .orderBy(desc(j.updatedAt))
    .limit(LIMIT * 3)
  const [done] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(j)
    .where(and(eq(j.brandId, brandId), eq(j.status, 'done'), sql`${j.finishedAt} > ${new Date(now.getTime() - 7 * 86_400_000).toISOString()}::timestamptz`))
  const view = (r: (typeof rows)[number]): BrandJobView => ({
    id: r.id,
    name: r.name,
    label: jobDefinitionNamed(r.name)?.label ?? r.name,
    status: r.status,
    attempts: r.attempts,
    maxAttempts: r.maxAttempts,
    runAt: r.runAt,
    lastError: r.lastError,
    updatedAt: r.updatedAt,
    canRetry: isRetryableJobStatus(r.status),
  })
  const pick = (statuses: JobStatus[]) => rows.filter((r) => statuses.includes(r.status)).slice(0, LIMIT).map(view)
  return {
    queued: pick(['queued']),
    running: pick(['running']),
    failed: pick(['failed', 'dead']),
    doneLastWeek: done?.n ?? 0,
  }
}
