import { eq } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import type { JobDefinition } from './define-job.server.ts'

export interface EnqueueOptions {
  /** Not before this time (default: now). */
  runAt?: Date
  /** Idempotency key: enqueuing the same key again (even after the job ran) adds nothing. */
  key?: string
  /** The brand the job belongs to (shown on its jobs page); defaults to payload.brandId when that is a string. */
  brandId?: string | null
}

/**
 * Queue a job inside the caller's transaction: it exists if and only if the change commits.
 * Returns the job's id and whether this call created it (false: the key was already used).
 */
export async function enqueueJob<P>(
  tx: DbOrTx,
  job: JobDefinition<P>,
  payload: P,
  opts: EnqueueOptions = {},
): Promise<{ id: string; created: boolean }> {
  const fromPayload = (payload as { brandId?: unknown } | null)?.brandId
  const brandId = opts.brandId !== undefined ? opts.brandId : typeof fromPayload === 'string' ? fromPayload : null
  const [row] = await tx
    .insert(schema.jobs)
    .values({
      name: job.name,
      key: opts.key ?? null,
      brandId,
      payload: (payload ?? {}) as unknown,
      maxAttempts: job.maxAttempts,
      leaseMs: job.leaseMs,
      ...(opts.runAt ? { runAt: opts.runAt } : {}),
    })
    .onConflictDoNothing({ target: schema.jobs.key })
    .returning({ id: schema.jobs.id })
  if (row) return { id: row.id, created: true }
  const [existing] = await tx.select({ id: schema.jobs.id }).from(schema.jobs).where(eq(schema.jobs.key, opts.key!))
  return { id: existing!.id, created: false }
}
