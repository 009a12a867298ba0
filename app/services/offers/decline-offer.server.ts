import { and, eq, inArray } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { CreatorActor } from '#app/auth/guards.server.ts'
import { effectiveOfferStatus } from '#app/domain/offer-terms.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ConflictError } from '#app/utils/errors.ts'
import { lockCreatorOffer } from './lock-creator-offer.server.ts'
import { notifyBrandOfAnswer } from './notify-brand-of-answer.server.ts'
import { offerMachine } from '#app/domain/state-machines.ts'

/** Decline an open offer (invited or countered) with a reason the brand sees. */
export async function declineOffer(actor: CreatorActor, offerId: string, reason: string, now = new Date()) {
  return db().transaction(async (tx) => {
    const row = await lockCreatorOffer(tx, actor.creator.id, offerId)
    const { offer } = row
    const status = effectiveOfferStatus(offer, now)
    if (status === 'declined') return { alreadyDeclined: true }
    const to = offerMachine.next(status, 'decline', `This offer is ${status}: there is nothing to decline.`)
    const [updated] = await tx
      .update(schema.offers)
      .set({ status: to, responseNote: reason, respondedAt: now, updatedAt: now })
      .where(and(eq(schema.offers.id, offer.id), inArray(schema.offers.status, offerMachine.sources('decline'))))
      .returning({ id: schema.offers.id })
    if (!updated) throw new ConflictError('This offer changed just now. Reload the page.')
    await recordAudit(tx, actor.audit, {
      brandId: offer.brandId,
      action: 'offer.declined',
      entityType: 'offer',
      entityId: offer.id,
      before: { status: offer.status },
      after: { status: to, reason },
    })
    await notifyBrandOfAnswer(
      tx,
      actor,
      { offerId: offer.id, brandId: offer.brandId, brandSlug: row.brandSlug, campaignId: offer.campaignId, campaignName: row.campaignName, creatorName: row.creatorName },
      'declined',
      `Their reason: “${reason}”`,
    )
    return { alreadyDeclined: false }
  })
}
