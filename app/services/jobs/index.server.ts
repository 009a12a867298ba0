/**
 * The job runner's API (issue #19). Job definition files import defineJob from here (or from
 * define-job.server.ts) and are listed in registry.server.ts.
 */
import type { JobRunSummary, RunOptions } from './run-jobs.server.ts'

export { defineJob, scheduleRecurring, type JobContext, type JobDefinition } from './define-job.server.ts'
export { enqueueJob, type EnqueueOptions } from './enqueue-job.server.ts'
export type { JobRunSummary, RunOptions } from './run-jobs.server.ts'

/** Tests and scripts: run due jobs in this process until none is due (loaded lazily: it imports the registry). */
export async function runJobsUntilIdle(opts: RunOptions = {}): Promise<JobRunSummary> {
  const runner = await import('./run-jobs.server.ts')
  return runner.runJobsUntilIdle(opts)
}
