/**
 * Every job definition, so any process that runs jobs knows them all (a process only claims jobs whose
 * definition it has). Add yours to JOBS: a file that calls defineJob (and scheduleRecurring next to it if
 * it repeats), its definition listed below. A bare `import './x'` is not enough: package.json has
 * "sideEffects": false, so the build drops modules whose exports nobody uses.
 */
import { authMailJob } from '#app/services/auth/auth-mail-job.server.ts'
import { deliverOutboxJob } from '#app/services/outbox/deliver-outbox-job.server.ts'
import { offerDeadlinesJob } from '#app/services/offers/offer-deadlines-job.server.ts'
import { mediaAnalysisJob } from '#app/services/media/media-analysis-job.server.ts'
import { dailyRemindersJob } from '#app/services/reminders/daily-reminders-job.server.ts'
import { jobDefinitions, type JobDefinition } from './define-job.server.ts'
import { pruneJobsJob } from './prune-jobs-job.server.ts'
import { syncConnectionsJob } from '#app/services/connectors/sync-connections-job.server.ts'
import { rightsRemindersJob } from '#app/services/contracts/rights-reminders-job.server.ts'

export const JOBS = [deliverOutboxJob, offerDeadlinesJob, dailyRemindersJob, pruneJobsJob, authMailJob, mediaAnalysisJob, syncConnectionsJob, rightsRemindersJob] as unknown as readonly JobDefinition<never>[]

/** The names of every job this process can run: the registry's and any defined elsewhere (tests). */
export function knownJobNames(): string[] {
  return [...new Set([...JOBS.map((j) => j.name), ...jobDefinitions.keys()])]
}

/** A definition by name (the jobs page's labels). */
export function jobDefinitionNamed(name: string): JobDefinition<never> | undefined {
  return JOBS.find((j) => j.name === name) ?? jobDefinitions.get(name)
}
