import { createElement } from 'react'
import { eq, sql } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { config } from '#app/config.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { isExtraRound, revisionsSentence } from '#app/domain/content-review.ts'
import { deliverableLabel } from '#app/domain/offer-terms.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ConflictError, InvalidInputError } from '#app/utils/errors.ts'
import { DraftChangesRequestedEmail } from '#emails/draft-changes-requested.tsx'
import { assertReviewable } from './assert-reviewable.server.ts'
import { loadBrandDraft } from './load-deliverable.server.ts'
import { notifyCreator } from './notify-creator.server.ts'
import { deliverableMachine } from '#app/domain/state-machines.ts'

export interface RequestDraftChangesInput {
  draftId: string
  attestations: string[]
  /** Creator-visible: what to change. */
  comment: string
  /** Brand-only note; never reaches the creator's pages or emails. */
  internalNote: string
  /** The reviewer saw the warning that this round is beyond the contract's included rounds. */
  confirmExtraRound: boolean
}

/**
 * A reviewer requests changes on the waiting draft with a creator-visible comment (and optionally an
 * internal note). Uses one revision round; past the included rounds the reviewer must confirm first.
 * Draft -> changes_requested; deliverable draft_submitted -> changes_requested. Creator and agents emailed.
 */
export async function requestDraftChanges(actor: Pick<BrandActor, 'brand' | 'user' | 'audit'>, input: RequestDraftChangesInput) {
  const comment = input.comment.trim()
  if (comment.length < 3) throw new InvalidInputError('Tell the creator what to change.', { comment: ['Tell the creator what to change.'] })
  return db().transaction(async (tx) => {
    const d = await loadBrandDraft(tx, actor.brand.id, input.draftId, { forUpdate: true })
    assertReviewable(d)
    const included = d.offer.revisionRounds
    const used = d.deliverable.revisionsUsed
    const extra = isExtraRound(included, used)
    if (extra && !input.confirmExtraRound) {
      const msg = `This would be revision round ${used + 1}, but the contract includes ${included}. Tick the box to confirm you want to ask for it anyway (the creator may ask for an extra fee).`
      throw new ConflictError(msg, { confirmExtraRound: [msg] })
    }
    const now = new Date()
    const attestations = Object.fromEntries(d.attestations.map((a) => [a.id, input.attestations.includes(a.id)]))
    await tx
      .update(schema.draftVersions)
      .set({ decision: 'changes_requested', decidedByUserId: actor.user.id, decidedAt: now, attestations })
      .where(eq(schema.draftVersions.id, d.draft.id))
    await tx
      .update(schema.deliverables)
      .set({ status: deliverableMachine.next(d.deliverable.status, 'request_changes'), revisionsUsed: sql`${schema.deliverables.revisionsUsed} + 1`, updatedAt: now })
      .where(eq(schema.deliverables.id, d.deliverable.id))
    const base = { deliverableId: d.deliverable.id, draftVersionId: d.draft.id, brandId: actor.brand.id, authorUserId: actor.user.id }
    await tx.insert(schema.reviewComments).values({ ...base, body: comment, visibility: 'creator' })
    const note = input.internalNote.trim()
    if (note) await tx.insert(schema.reviewComments).values({ ...base, body: note, visibility: 'internal' })
    await recordAudit(tx, actor.audit, {
      brandId: actor.brand.id,
      action: 'draft.changes_requested',
      entityType: 'draft_version',
      entityId: d.draft.id,
      before: { status: d.deliverable.status, decision: null, revisionsUsed: used },
      after: { status: 'changes_requested', decision: 'changes_requested', version: d.draft.version, revisionsUsed: used + 1, included, extraRound: extra },
    })
    await notifyCreator(tx, d.creator, {
      template: 'draft-changes-requested',
      subject: `${actor.brand.name} asked for changes to your draft v${d.draft.version}`,
      element: createElement(DraftChangesRequestedEmail, {
        creatorName: d.creator.name,
        brandName: actor.brand.name,
        campaignName: d.campaign.name,
        deliverable: deliverableLabel(d.deliverable),
        version: d.draft.version,
        comment,
        revisionsSentence: revisionsSentence(included, used + 1),
        url: `${config().appUrl}/c/${d.creator.id}/deliverables/${d.deliverable.id}`,
      }),
    })
    return { extraRound: extra }
  })
}
