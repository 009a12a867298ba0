/**
 * Background jobs (issue #19): the statuses a job row goes through and the retry schedule. One
 * definition each; the runner (app/services/jobs) and the admin jobs page both use these.
 *
 *   queued ──claim──▶ running ──ok──▶ done            (a recurring job goes back to queued for its next run)
 *                        │
 *                        └─error──▶ failed (waits for its backoff, then is claimed again)
 *                                     └─ after maxAttempts ─▶ dead (dead letter: kept, with the error, until retried)
 *
 * A running job whose lease ran out (the process died) is claimed again like a queued one.
 */
export const JOB_STATUSES = ['queued', 'running', 'failed', 'dead', 'done'] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

/** The statuses an admin may retry by hand. */
export const RETRYABLE_JOB_STATUSES: readonly JobStatus[] = ['failed', 'dead']

export const DEFAULT_MAX_ATTEMPTS = 8
export const DEFAULT_BACKOFF_MS = 5_000
export const MAX_BACKOFF_MS = 3_600_000
export const DEFAULT_LEASE_MS = 5 * 60_000

/** Exponential backoff after failed attempt `attempt` (1-based): base, 2·base, 4·base … capped at an hour. */
export function jobBackoffMs(attempt: number, baseMs = DEFAULT_BACKOFF_MS): number {
  return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempt - 1))
}

export function isRetryableJobStatus(status: string): boolean {
  return (RETRYABLE_JOB_STATUSES as readonly string[]).includes(status)
}

export const JOB_STATUS_LABEL: Record<JobStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  failed: 'Failed, will retry',
  dead: 'Gave up',
  done: 'Done',
}
export const JOB_STATUS_TONE: Record<JobStatus, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = {
  queued: 'neutral',
  running: 'info',
  failed: 'warning',
  dead: 'danger',
  done: 'success',
}
