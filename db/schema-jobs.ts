/**
 * Background jobs (issue #19): one row per job — outbox delivery, offer expiry, reminders, media
 * analysis, rights alerts. Claimed with FOR UPDATE SKIP LOCKED and a lease, so several app
 * processes never run the same job at once; a job whose lease expired (its process died) is claimed
 * again. `key` is the idempotency key: the same key twice is one job. A recurring job is one row that
 * goes back to `queued` with the next run_at after every run (every_ms set).
 */
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { id, timestamps } from './columns.ts'
import type { JobStatus } from '../app/domain/jobs.ts'

export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    name: text().notNull(),
    key: text(),
    /** The brand the job belongs to, when it belongs to one (shown on that brand's jobs page). */
    brandId: text(),
    payload: jsonb().$type<unknown>().notNull(),
    status: text().$type<JobStatus>().notNull().default('queued'),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull(),
    leaseMs: integer().notNull(),
    /** Recurring jobs: the interval; null for one-off jobs. */
    everyMs: integer(),
    runAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp({ withTimezone: true }),
    /** The claim token of the attempt that holds the lease (a late finisher cannot overwrite a newer claim). */
    lockedBy: text(),
    lastError: text(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('jobs_key_uq').on(t.key),
    index('jobs_due_idx').on(t.status, t.runAt),
    index('jobs_brand_idx').on(t.brandId, t.status),
  ],
)

export type JobRow = typeof jobs.$inferSelect
