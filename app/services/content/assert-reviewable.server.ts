import { ConflictError } from '#app/utils/errors.ts'
import { deliverableMachine } from '#app/domain/state-machines.ts'

/** Only the latest version, still waiting, of a deliverable in draft_submitted can be decided. */
export function assertReviewable(d: { isLatest: boolean; draft: { decision: string | null; version: number }; deliverable: { status: string } }) {
  if (!d.isLatest) throw new ConflictError(`A newer version of this draft was submitted: review that one instead of v${d.draft.version}.`)
  if (d.draft.decision === 'approved') throw new ConflictError('This draft is already approved.')
  if (d.draft.decision === 'changes_requested') throw new ConflictError('Changes were already requested on this draft; wait for the next version.')
  // approve and request_changes leave the same state (draft_submitted): ask the deliverable machine.
  deliverableMachine.next(d.deliverable.status, 'approve', 'This deliverable is not waiting for a review.')
}
