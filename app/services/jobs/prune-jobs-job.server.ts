import { and, eq, isNull, lt } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { defineJob, scheduleRecurring } from './define-job.server.ts'

export const DONE_JOB_RETENTION_DAYS = 30

/**
 * Once a day: delete finished one-off jobs older than 30 days, so the table holds what is pending,
 * failed or recent. Their idempotency keys go with them (a key is remembered for 30 days after its
 * job finished). Failed and dead jobs stay until someone retries them.
 */
export const pruneJobsJob = defineJob({
  name: 'jobs.prune',
  label: 'Clear out old finished jobs',
  maxAttempts: 3,
  backoffMs: 60_000,
  run: async (_payload, ctx) => {
    const j = schema.jobs
    const cutoff = new Date(ctx.now.getTime() - DONE_JOB_RETENTION_DAYS * 86_400_000)
    const gone = await db()
      .delete(j)
      .where(and(eq(j.status, 'done'), isNull(j.everyMs), lt(j.finishedAt, cutoff)))
      .returning({ id: j.id })
    return { deleted: gone.length }
  },
})

scheduleRecurring(pruneJobsJob, { everyMs: 24 * 3_600_000, key: 'recurring:jobs.prune' })
