import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm'
import { schema, type Db } from '#db/index.ts'
import { newId } from '#db/ids.ts'
import { db as appDb } from '#app/db.server.ts'
import { jobBackoffMs } from '#app/domain/jobs.ts'
import { jobDefinitions, recurringSchedules, type JobDefinition, type RecurringSchedule } from './define-job.server.ts'
import { knownJobNames } from './registry.server.ts'

const j = schema.jobs

export type JobOutcome = 'done' | 'failed' | 'dead'

export interface JobRunSummary {
  ran: number
  done: number
  failed: number
  dead: number
  /** Every attempt in order: which job, how it ended. */
  runs: { id: string; name: string; attempt: number; outcome: JobOutcome; error?: string }[]
}

export interface RunOptions {
  db?: Db
  now?: Date
  /** Only these jobs (definitions or names); default: every job defined in this process. */
  only?: readonly (JobDefinition<never> | JobDefinition<any> | string)[]
}

function namesFor(only: RunOptions['only']): string[] {
  if (!only) return knownJobNames()
  return only.map((o) => (typeof o === 'string' ? o : o.name))
}

/**
 * Write (or update) the row of every recurring schedule defined in this process. Idempotent and safe
 * from several processes at once: the schedule key is unique.
 */
export async function ensureRecurringJobs(database: Db, now: Date, names?: string[]) {
  const schedules: RecurringSchedule[] = [...recurringSchedules.values()].filter((s) => !names || names.includes(s.job.name))
  for (const s of schedules) {
    const everyMs = typeof s.everyMs === 'function' ? s.everyMs() : s.everyMs
    await database
      .insert(j)
      .values({ name: s.job.name, key: s.key, payload: {}, maxAttempts: s.job.maxAttempts, leaseMs: s.job.leaseMs, everyMs, runAt: now })
      .onConflictDoUpdate({
        target: j.key,
        set: { name: s.job.name, everyMs, maxAttempts: s.job.maxAttempts, leaseMs: s.job.leaseMs },
        setWhere: sql`${j.everyMs} is distinct from ${everyMs} or ${j.name} <> ${s.job.name} or ${j.maxAttempts} <> ${s.job.maxAttempts} or ${j.leaseMs} <> ${s.job.leaseMs}`,
      })
  }
}

/**
 * Claim the next due job this process can run: queued or failed with run_at ≤ now, or running with an
 * expired lease (its process died). FOR UPDATE SKIP LOCKED, so concurrent claimers take different rows;
 * the claim token in locked_by makes the finishing update apply only to this claim.
 */
export async function claimNextJob(database: Db, now: Date, names: string[]) {
  if (names.length === 0) return undefined
  const due = database
    .select({ id: j.id })
    .from(j)
    .where(
      and(
        inArray(j.name, names),
        or(and(inArray(j.status, ['queued', 'failed']), lte(j.runAt, now)), and(eq(j.status, 'running'), lt(j.lockedUntil, now))),
      ),
    )
    .orderBy(j.runAt)
    .limit(1)
    .for('update', { skipLocked: true })
  const token = newId()
  const [row] = await database
    .update(j)
    .set({
      status: 'running',
      attempts: sql`${j.attempts} + 1`,
      lockedBy: token,
      lockedUntil: sql`${now.toISOString()}::timestamptz + ${j.leaseMs} * interval '1 millisecond'`,
      startedAt: now,
      updatedAt: now,
    })
    .where(inArray(j.id, due))
    .returning()
  return row
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return (message || 'failed').slice(0, 2000)
}

/** Run one claimed job and record how it ended. */
async function runClaimed(database: Db, row: typeof j.$inferSelect, now: Date) {
  const def = jobDefinitions.get(row.name) as JobDefinition<unknown> | undefined
  const ctx = { jobId: row.id, attempt: row.attempts, now }
  const mine = and(eq(j.id, row.id), eq(j.lockedBy, row.lockedBy!))
  let error: string | undefined
  if (!def) error = `No job definition named ${row.name} in this process`
  else if (row.attempts > row.maxAttempts) error = 'The process running it stopped before it finished (lease expired)'
  else {
    // While it runs, keep extending the lease: only a process that stopped loses its claim.
    const heartbeat = setInterval(() => {
      const until = new Date(Date.now() + row.leaseMs)
      database
        .update(j)
        .set({ lockedUntil: sql`greatest(${j.lockedUntil}, ${until.toISOString()}::timestamptz)` })
        .where(mine)
        .then(
          () => undefined,
          () => undefined, // the next beat or the finish will tell
        )
    }, Math.max(250, Math.floor(row.leaseMs / 3)))
    heartbeat.unref?.()
    try {
      await def.run(row.payload, ctx)
    } catch (e) {
      error = errorText(e)
    } finally {
      clearInterval(heartbeat)
    }
  }
  const finishedAt = new Date(Math.max(Date.now(), now.getTime()))
  if (error === undefined) {
    if (row.everyMs) {
      await database
        .update(j)
        .set({ status: 'queued', attempts: 0, runAt: new Date(now.getTime() + row.everyMs), lockedBy: null, lockedUntil: null, lastError: null, finishedAt, updatedAt: finishedAt })
        .where(mine)
    } else {
      await database.update(j).set({ status: 'done', lockedBy: null, lockedUntil: null, lastError: null, finishedAt, updatedAt: finishedAt }).where(mine)
    }
    return { outcome: 'done' as const }
  }
  const exhausted = row.attempts >= row.maxAttempts
  if (row.everyMs && exhausted) {
    // A recurring job is never dead-lettered: the error stays visible and it runs again next interval.
    await database
      .update(j)
      .set({ status: 'queued', attempts: 0, runAt: new Date(now.getTime() + row.everyMs), lockedBy: null, lockedUntil: null, lastError: error, finishedAt, updatedAt: finishedAt })
      .where(mine)
    return { outcome: 'failed' as const, error }
  }
  if (exhausted) {
    const [dead] = await database
      .update(j)
      .set({ status: 'dead', lockedBy: null, lockedUntil: null, lastError: error, finishedAt, updatedAt: finishedAt })
      .where(mine)
      .returning({ id: j.id })
    if (dead && def?.onDead) {
      try {
        await def.onDead(row.payload, error, ctx)
      } catch {
        // the job is dead-lettered either way; its error is on the row
      }
    }
    return { outcome: 'dead' as const, error }
  }
  await database
    .update(j)
    .set({
      status: 'failed',
      runAt: new Date(now.getTime() + jobBackoffMs(row.attempts, def?.backoffMs)),
      lockedBy: null,
      lockedUntil: null,
      lastError: error,
      updatedAt: finishedAt,
    })
    .where(mine)
  return { outcome: 'failed' as const, error }
}

/** Claim and run one due job; undefined when nothing is due. */
export async function runNextJob(database: Db, now: Date, names: string[]) {
  const row = await claimNextJob(database, now, names)
  if (!row) return undefined
  const result = await runClaimed(database, row, now)
  return { id: row.id, name: row.name, attempt: row.attempts, ...result }
}

/**
 * Run due jobs in this process until none is due (tests, scripts). A failed job waits for its backoff,
 * a recurring one for its next interval, so this always ends. Returns what ran.
 */
export async function runJobsUntilIdle(opts: RunOptions = {}): Promise<JobRunSummary> {
  const database = opts.db ?? appDb()
  const now = opts.now ?? new Date()
  const names = namesFor(opts.only)
  await ensureRecurringJobs(database, now, names)
  const summary: JobRunSummary = { ran: 0, done: 0, failed: 0, dead: 0, runs: [] }
  for (let i = 0; i < 10_000; i++) {
    const run = await runNextJob(database, now, names)
    if (!run) break
    summary.ran++
    summary[run.outcome]++
    summary.runs.push(run)
  }
  return summary
}
