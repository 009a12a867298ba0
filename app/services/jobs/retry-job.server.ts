import { and, eq, inArray } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { RETRYABLE_JOB_STATUSES } from '#app/domain/jobs.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ConflictError, NotFoundError } from '#app/utils/errors.ts'

/**
 * A brand admin retries one of the brand's failed or dead-lettered jobs: it is queued to run now with
 * a fresh set of attempts (the last error stays until it runs). One audit event, same transaction.
 */
export async function retryJob(actor: BrandActor, jobId: string, now = new Date()) {
  const j = schema.jobs
  return db().transaction(async (tx) => {
    const [job] = await tx.select().from(j).where(and(eq(j.id, jobId), eq(j.brandId, actor.brand.id))).for('update')
    if (!job) throw new NotFoundError('That job')
    if (!(RETRYABLE_JOB_STATUSES as readonly string[]).includes(job.status)) {
      throw new ConflictError(job.status === 'done' ? 'That job has finished since; nothing to retry.' : 'That job is already queued or running.')
    }
    await tx
      .update(j)
      .set({ status: 'queued', attempts: 0, runAt: now, finishedAt: null, lockedBy: null, lockedUntil: null, updatedAt: now })
      .where(and(eq(j.id, job.id), inArray(j.status, [...RETRYABLE_JOB_STATUSES])))
    await recordAudit(tx, actor.audit, {
      brandId: actor.brand.id,
      action: 'job.retried',
      entityType: 'job',
      entityId: job.id,
      before: { status: job.status, attempts: job.attempts, lastError: job.lastError },
      after: { status: 'queued', attempts: 0 },
    })
    return { id: job.id, name: job.name }
  })
}
