import { createElement } from 'react'
import { db } from '#app/db.server.ts'
import { config } from '#app/config.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { enqueueEmail } from '#app/services/outbox/enqueue-email.server.ts'
import { ConflictError, InvalidInputError } from '#app/utils/errors.ts'
import { PostSentBackEmail } from '#emails/post-sent-back.tsx'
import { loadBrandPost } from './get-brand-post.server.ts'
import { postMachine } from '#app/domain/state-machines.ts'
import { decidePost } from './decide-post.server.ts'

/**
 * A manager sends a live post back with a note ("add #ad to the first line"). Post -> changes_requested,
 * deliverable posted -> post_changes_requested until the creator resubmits. The creator is emailed.
 */
export async function sendBackPost(actor: Pick<BrandActor, 'brand' | 'user' | 'audit'>, input: { postId: string; note: string }) {
  const note = input.note.trim()
  if (note.length < 3) throw new InvalidInputError('Say what the creator needs to change.', { note: ['Say what the creator needs to change.'] })
  return db().transaction(async (tx) => {
    const row = await loadBrandPost(tx, actor.brand.id, input.postId, { forUpdate: true })
    const sentBack = postMachine.next(
      row.post.status,
      'send_back',
      row.post.status === 'verified' ? 'This post is already verified.' : 'This post is already waiting for the creator’s fix.',
    )
    const now = new Date()
    await decidePost(tx, actor, row, { set: { status: sentBack, problemNote: note }, deliverableEvent: 'request_post_changes', action: 'post.changes_requested', after: { status: sentBack, note } }, now)
    await enqueueEmail(tx, {
      template: 'post-sent-back',
      to: [row.creator.email],
      subject: `${actor.brand.name}: a change to your live post`,
      element: createElement(PostSentBackEmail, {
        creatorName: row.creator.name,
        brandName: actor.brand.name,
        campaignName: row.campaign.name,
        note,
        url: `${config().appUrl}/c/${row.creator.id}/posts/${row.deliverable.id}`,
      }),
    })
  })
}
