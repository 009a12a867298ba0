import { and, eq, inArray } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { CreatorActor } from '#app/auth/guards.server.ts'
import { effectiveOfferStatus, moneyWords } from '#app/domain/offer-terms.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ConflictError, InvalidInputError } from '#app/utils/errors.ts'
import { lockCreatorOffer } from './lock-creator-offer.server.ts'
import { notifyBrandOfAnswer } from './notify-brand-of-answer.server.ts'
import { offerMachine } from '#app/domain/state-machines.ts'

/** Ask for a different fee (with a note). The brand accepts the new fee or declines it with a note. */
export async function counterOffer(actor: CreatorActor, offerId: string, input: { feeMinor: number; note: string | null }, now = new Date()) {
  return db().transaction(async (tx) => {
    const row = await lockCreatorOffer(tx, actor.creator.id, offerId)
    const { offer } = row
    const status = effectiveOfferStatus(offer, now)
    if (status === 'countered') throw new ConflictError('You already sent a counter-offer: wait for the brand to answer it.')
    const to = offerMachine.next(status, 'counter', `This offer is ${status}: it can no longer be countered.`)
    if (input.feeMinor === offer.feeMinor) {
      throw new InvalidInputError('Please correct the highlighted fields.', { fee: ['That is the fee already offered: accept the offer instead.'] })
    }
    const [updated] = await tx
      .update(schema.offers)
      .set({ status: to, counterFeeMinor: input.feeMinor, counterNote: input.note, counteredAt: now, counteredByUserId: actor.user.id, updatedAt: now })
      .where(and(eq(schema.offers.id, offer.id), inArray(schema.offers.status, offerMachine.sources('counter'))))
      .returning({ id: schema.offers.id })
    if (!updated) throw new ConflictError('This offer changed just now. Reload the page.')
    await recordAudit(tx, actor.audit, {
      brandId: offer.brandId,
      action: 'offer.countered',
      entityType: 'offer',
      entityId: offer.id,
      before: { status: offer.status, feeMinor: offer.feeMinor },
      after: { status: to, counterFeeMinor: input.feeMinor, note: input.note },
    })
    await notifyBrandOfAnswer(
      tx,
      actor,
      { offerId: offer.id, brandId: offer.brandId, brandSlug: row.brandSlug, campaignId: offer.campaignId, campaignName: row.campaignName, creatorName: row.creatorName },
      'countered',
      `They ask for ${moneyWords(input.feeMinor, offer.currency)} instead of ${moneyWords(offer.feeMinor, offer.currency)}.${input.note ? ` Their note: “${input.note}”` : ''}`,
    )
  })
}
