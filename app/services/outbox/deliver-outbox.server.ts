import { and, eq, sql } from 'drizzle-orm'
import { schema, type Db } from '#db/index.ts'
import { jobBackoffMs } from '#app/domain/jobs.ts'
import type { MailTransport } from './mail-transport.server.ts'

export const MAX_ATTEMPTS = 12

/** Exponential backoff: 5 s, 10 s, 20 s ... capped at one hour (the job runner's schedule). */
export function backoffSeconds(attempts: number): number {
  return jobBackoffMs(attempts, 5_000) / 1000
}

/**
 * Run by the recurring job outbox.deliver (deliver-outbox-job.server.ts).
 * Claim up to `limit` due messages (FOR UPDATE SKIP LOCKED, so two processes never take the same
 * row), send them, and record the outcome. Returns how many were sent and failed.
 */
export async function deliverOutboxBatch(
  db: Db,
  transport: MailTransport,
  opts: { limit?: number; from: string; leaseSeconds?: number; onlyTemplate?: string },
): Promise<{ sent: number; failed: number }> {
  const limit = opts.limit ?? 20
  const lease = opts.leaseSeconds ?? 120
  const claimed = await db.execute<{ id: string }>(sql`
    update outbox_messages set locked_until = now() + make_interval(secs => ${lease}), attempts = attempts + 1
    where id in (
      select id from outbox_messages
      where status = 'pending' and next_attempt_at <= now()
        ${opts.onlyTemplate ? sql`and template = ${opts.onlyTemplate}` : sql``}
        and (locked_until is null or locked_until < now())
      order by next_attempt_at
      limit ${limit}
      for update skip locked
    )
    returning id`)
  const ids = rowsOf<{ id: string }>(claimed).map((r) => r.id)
  let sent = 0
  let failed = 0
  for (const id of ids) {
    const [msg] = await db.select().from(schema.outboxMessages).where(eq(schema.outboxMessages.id, id))
    if (!msg) continue
    try {
      await transport.send({
        id: msg.id,
        from: opts.from,
        to: msg.toAddresses,
        cc: msg.ccAddresses,
        subject: msg.subject,
        html: msg.html,
        text: msg.text,
      })
      await db
        .update(schema.outboxMessages)
        .set({ status: 'sent', sentAt: new Date(), lockedUntil: null, lastError: null })
        .where(and(eq(schema.outboxMessages.id, id), eq(schema.outboxMessages.status, 'pending')))
      sent++
    } catch (error) {
      failed++
      const dead = msg.attempts >= MAX_ATTEMPTS
      await db
        .update(schema.outboxMessages)
        .set({
          status: dead ? 'dead' : 'pending',
          lockedUntil: null,
          lastError: String((error as Error)?.message ?? error).slice(0, 1000),
          nextAttemptAt: new Date(Date.now() + backoffSeconds(msg.attempts) * 1000),
        })
        .where(eq(schema.outboxMessages.id, id))
    }
  }
  return { sent, failed }
}

/** postgres.js returns an array; PGlite returns { rows }. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[]
  return ((result as { rows?: T[] }).rows ?? []) as T[]
}
