import { defineJob } from '#app/services/jobs/define-job.server.ts'
import { failMediaAnalysis, runMediaAnalysis } from './run-media-analysis.server.ts'

/**
 * Reads the media of one draft version (issue #15). Queued by submitDraft in the upload's transaction,
 * keyed `media:<draftVersionId>` so a version is analysed once; a retry skips the files already done.
 */
export const mediaAnalysisJob = defineJob<{ draftVersionId: string; brandId: string }>({
  name: 'media.analyse',
  label: 'Check draft media for disclosure',
  maxAttempts: 3,
  backoffMs: 10_000,
  leaseMs: 15 * 60_000,
  run: (payload) => runMediaAnalysis(payload.draftVersionId),
  onDead: (payload, error) => failMediaAnalysis(payload.draftVersionId, error),
})
