import { ConflictError } from '#app/utils/errors.ts'

/** Only the latest version, still waiting, of a deliverable in draft_submitted can be decided. */
export function assertReviewable(d: { isLatest: boolean; draft: { decision: string | null; version: number }; deliverable: { status: string } }) {
  if (!d.isLatest) throw new ConflictError(`A newer version of this draft was submitted: review that one instead of v${d.draft.version}.`)
  if (d.draft.decision === 'approved') throw new ConflictError('This draft is already approved.')
  if (d.draft.decision === 'changes_requested') throw new ConflictError('Changes were already requested on this draft; wait for the next version.')
  if (d.deliverable.status !== 'draft_submitted') throw new ConflictError('This deliverable is not waiting for a review.')
}
