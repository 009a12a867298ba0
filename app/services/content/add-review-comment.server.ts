import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { InvalidInputError } from '#app/utils/errors.ts'
import { loadBrandDraft } from './load-deliverable.server.ts'

/**
 * A brand member adds to the conversation of a draft: creator-visible (the creator and agents see it)
 * or internal (brand members only). No email: decisions email the creator.
 */
export async function addReviewComment(actor: Pick<BrandActor, 'brand' | 'user' | 'audit'>, input: { draftId: string; body: string; visibility: 'creator' | 'internal' }) {
  const body = input.body.trim()
  if (!body) throw new InvalidInputError('Write a comment first.', { body: ['Write a comment first.'] })
  return db().transaction(async (tx) => {
    const d = await loadBrandDraft(tx, actor.brand.id, input.draftId)
    const [c] = await tx
      .insert(schema.reviewComments)
      .values({ deliverableId: d.deliverable.id, draftVersionId: d.draft.id, brandId: actor.brand.id, authorUserId: actor.user.id, body, visibility: input.visibility })
      .returning()
    await recordAudit(tx, actor.audit, {
      brandId: actor.brand.id,
      action: 'review.comment_added',
      entityType: 'review_comment',
      entityId: c!.id,
      after: { draftVersionId: d.draft.id, visibility: input.visibility },
    })
    return c!
  })
}
