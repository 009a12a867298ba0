import { DEFAULT_BACKOFF_MS, DEFAULT_LEASE_MS, DEFAULT_MAX_ATTEMPTS } from '#app/domain/jobs.ts'

export interface JobContext {
  jobId: string
  /** 1 for the first try, 2 for the first retry … */
  attempt: number
  /** The runner's clock for this run (tests pass their own). */
  now: Date
}

export interface JobDefinition<P = unknown> {
  name: string
  /** What the jobs page calls it ("Send emails"); defaults to the name. */
  label?: string
  run: (payload: P, ctx: JobContext) => Promise<unknown> | unknown
  /** Tries before the job is dead-lettered (default 8). */
  maxAttempts: number
  /** Base of the exponential backoff between tries, in ms (default 5 s: 5 s, 10 s, 20 s … capped at 1 h). */
  backoffMs: number
  /**
   * How long a claim holds the job without a heartbeat; the runner renews it every leaseMs/3 while the job
   * runs, so it runs out only when the process died, and then the job is claimed again.
   */
  leaseMs: number
  /** Called once when the job is dead-lettered (e.g. mark the email it was sending as dead). */
  onDead?: (payload: P, error: string, ctx: JobContext) => Promise<unknown> | unknown
}

export interface JobDefinitionInput<P> {
  name: string
  label?: string
  run: (payload: P, ctx: JobContext) => Promise<unknown> | unknown
  maxAttempts?: number
  backoffMs?: number
  leaseMs?: number
  onDead?: (payload: P, error: string, ctx: JobContext) => Promise<unknown> | unknown
}

export interface RecurringSchedule {
  job: JobDefinition<never>
  /** A number, or a function read when the runner starts (e.g. from config, which is not read at import time). */
  everyMs: number | (() => number)
  key: string
}

const g = globalThis as unknown as {
  __greenroomJobDefs?: Map<string, JobDefinition<never>>
  __greenroomRecurring?: Map<string, RecurringSchedule>
}
/** Every job definition loaded in this process, by name (a process only claims jobs it can run). */
export const jobDefinitions = (g.__greenroomJobDefs ??= new Map())
export const recurringSchedules = (g.__greenroomRecurring ??= new Map())

/**
 * Define a job. The name is what is stored in the database, so keep it stable ('outbox.deliver').
 * Defining registers it in this process; app/services/jobs/registry.server.ts imports every definition.
 */
export function defineJob<P = void>(input: JobDefinitionInput<P>): JobDefinition<P> {
  if (!/^[a-z][\w.:-]{0,99}$/i.test(input.name)) throw new Error(`Bad job name: ${input.name}`)
  const def: JobDefinition<P> = {
    name: input.name,
    ...(input.label ? { label: input.label } : {}),
    run: input.run,
    maxAttempts: Math.max(1, input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
    backoffMs: Math.max(0, input.backoffMs ?? DEFAULT_BACKOFF_MS),
    leaseMs: Math.max(1000, input.leaseMs ?? DEFAULT_LEASE_MS),
    ...(input.onDead ? { onDead: input.onDead } : {}),
  }
  // Re-defining (a dev rebuild re-evaluates modules) replaces the old definition.
  jobDefinitions.set(def.name, def as unknown as JobDefinition<never>)
  return def
}

/**
 * Run `job` every `everyMs`, in whichever process claims it first (one row, keyed by `key`, so
 * several processes never run it twice for one interval). The row is written when a runner starts.
 */
export function scheduleRecurring<P>(job: JobDefinition<P>, opts: { everyMs: number | (() => number); key: string }) {
  if (typeof opts.everyMs === 'number' && (!Number.isInteger(opts.everyMs) || opts.everyMs < 1)) throw new Error(`Bad interval for ${job.name}`)
  recurringSchedules.set(opts.key, { job: job as unknown as JobDefinition<never>, everyMs: opts.everyMs, key: opts.key })
}
