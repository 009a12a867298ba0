import { and, eq, gt, inArray, isNull, or } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { CreatorActor } from '#app/auth/guards.server.ts'
import { effectiveOfferStatus, isCommitted, moneyWords } from '#app/domain/offer-terms.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ConflictError } from '#app/utils/errors.ts'
import { commitOffer, termsSnapshot } from './commit-offer.server.ts'
import { lockCreatorOffer } from './lock-creator-offer.server.ts'
import { notifyBrandOfAnswer } from './notify-brand-of-answer.server.ts'
import { generateContract } from '#app/services/contracts/generate-contract.server.ts'
import { offerMachine } from '#app/domain/state-machines.ts'

export const REFUSED_ACCEPT: Record<string, string> = {
  expired: 'This offer has expired and can no longer be accepted. Ask the brand to send a new one.',
  withdrawn: 'The brand withdrew this offer, so it can no longer be accepted.',
  declined: 'This offer was declined.',
  countered: 'You sent a counter-offer: wait for the brand to answer it.',
}

/**
 * Accept an offer: records the exact terms and brief version, who clicked, on whose behalf, when and
 * from where; creates the deliverables and the committed fee. Compare-and-set on the status: a second
 * accept (double click, two tabs, creator and agent at once) changes nothing and says so.
 */
export async function acceptOffer(actor: CreatorActor, offerId: string, now = new Date()) {
  return db().transaction(async (tx) => {
    const row = await lockCreatorOffer(tx, actor.creator.id, offerId)
    const { offer } = row
    const status = effectiveOfferStatus(offer, now)
    if (isCommitted(status)) return { alreadyAccepted: true }
    const to = offerMachine.next(status, 'accept', REFUSED_ACCEPT[status] ?? `This offer is ${status} and can no longer be accepted.`)
    const terms = termsSnapshot(offer, offer.feeMinor, row.briefVersion)
    const [updated] = await tx
      .update(schema.offers)
      .set({
        status: to,
        acceptedAt: now,
        respondedAt: now,
        acceptedByUserId: actor.user.id,
        acceptedOnBehalfOfCreatorId: actor.via.kind === 'agent' ? actor.creator.id : null,
        acceptedIp: actor.meta.ip,
        acceptedTerms: terms,
        acceptedBriefVersion: row.briefVersion,
        acknowledgedBriefVersion: row.briefVersion,
        updatedAt: now,
      })
      .where(and(eq(schema.offers.id, offer.id), inArray(schema.offers.status, offerMachine.sources('accept')), or(isNull(schema.offers.expiresAt), gt(schema.offers.expiresAt, now))))
      .returning()
    if (!updated) return { alreadyAccepted: true }
    const { deliverables } = await commitOffer(tx, updated, updated.feeMinor, actor.user.id)
    await generateContract(tx, updated, actor.audit, { now, reason: 'accepted' })
    await recordAudit(tx, actor.audit, {
      brandId: offer.brandId,
      action: 'offer.accepted',
      entityType: 'offer',
      entityId: offer.id,
      before: { status: offer.status },
      after: { status: 'accepted', terms, agencyId: actor.via.kind === 'agent' ? actor.via.agencyId : null },
    })
    await notifyBrandOfAnswer(
      tx,
      actor,
      { offerId: offer.id, brandId: offer.brandId, brandSlug: row.brandSlug, campaignId: offer.campaignId, campaignName: row.campaignName, creatorName: row.creatorName },
      'accepted',
      `Fee ${moneyWords(offer.feeMinor, offer.currency)}; ${deliverables} deliverable${deliverables === 1 ? '' : 's'} are now on the plan (brief version ${row.briefVersion}).`,
    )
    return { alreadyAccepted: false, deliverables }
  })
}
