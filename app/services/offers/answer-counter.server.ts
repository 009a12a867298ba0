import { and, eq, inArray } from 'drizzle-orm'
import { createElement } from 'react'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { config } from '#app/config.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { effectiveOfferStatus, moneyWords } from '#app/domain/offer-terms.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { getCommitted } from '#app/services/budget/get-committed.server.ts'
import { getAgentEmails } from '#app/services/creators/get-agent-emails.server.ts'
import { enqueueEmail } from '#app/services/outbox/enqueue-email.server.ts'
import { ConflictError, NotFoundError } from '#app/utils/errors.ts'
import { CounterAnsweredEmail } from '#emails/counter-answered.tsx'
import { commitOffer, termsSnapshot } from './commit-offer.server.ts'
import { offerMachine } from '#app/domain/state-machines.ts'

export type AnswerCounterInput = { accept: true; confirmOverBudget: boolean } | { accept: false; note: string }

/**
 * The brand answers a counter-offer. Accepting takes the creator's fee and makes the collaboration
 * (deliverables + committed fee), with the same over-budget warning as sending; declining puts the
 * original offer back in front of the creator with the brand's note.
 */
export async function answerCounter(actor: BrandActor, campaignId: string, offerId: string, input: AnswerCounterInput, now = new Date()) {
  return db().transaction(async (tx) => {
    const [row] = await tx
      .select({ offer: schema.offers, campaign: schema.campaigns, creator: schema.creators, briefVersion: schema.briefs.currentVersion })
      .from(schema.offers)
      .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.offers.campaignId))
      .innerJoin(schema.creators, eq(schema.creators.id, schema.offers.creatorId))
      .leftJoin(schema.briefs, eq(schema.briefs.campaignId, schema.offers.campaignId))
      .where(and(eq(schema.offers.id, offerId), eq(schema.offers.brandId, actor.brand.id), eq(schema.offers.campaignId, campaignId)))
      .for('update', { of: schema.offers })
    if (!row) throw new NotFoundError('That offer')
    const { offer, campaign, creator } = row
    const status = effectiveOfferStatus(offer, now)
    const event = input.accept ? 'accept_counter' : 'reject_counter'
    const to = offerMachine.next(status, event, `This offer is ${status}: there is no counter-offer to answer.`)
    const from = offerMachine.sources(event)
    const counterFee = offer.counterFeeMinor ?? offer.feeMinor
    const briefVersion = row.briefVersion ?? 0
    if (input.accept) {
      const committed = await getCommitted(tx, actor.brand.id, campaignId)
      if (committed + counterFee > campaign.budgetMinor && !input.confirmOverBudget) {
        return { overBudget: { budgetMinor: campaign.budgetMinor, committedMinor: committed, offeredMinor: counterFee, currency: campaign.currency } }
      }
      const terms = { ...termsSnapshot(offer, counterFee, briefVersion), counteredByUserId: offer.counteredByUserId, counterAcceptedByUserId: actor.user.id }
      const [updated] = await tx
        .update(schema.offers)
        .set({
          status: to,
          feeMinor: counterFee,
          acceptedAt: now,
          respondedAt: now,
          acceptedByUserId: actor.user.id,
          acceptedTerms: terms,
          acceptedIp: actor.meta.ip,
          acceptedBriefVersion: briefVersion,
          acknowledgedBriefVersion: briefVersion,
          updatedAt: now,
        })
        .where(and(eq(schema.offers.id, offerId), inArray(schema.offers.status, from)))
        .returning()
      if (!updated) throw new ConflictError('This offer changed just now. Reload the page.')
      await commitOffer(tx, updated, counterFee, actor.user.id)
      await recordAudit(tx, actor.audit, {
        brandId: actor.brand.id,
        action: 'offer.counter_accepted',
        entityType: 'offer',
        entityId: offerId,
        before: { status: 'countered', feeMinor: offer.feeMinor },
        after: { status: to, feeMinor: counterFee, terms },
      })
    } else {
      const [updated] = await tx
        .update(schema.offers)
        .set({ status: to, responseNote: input.note, respondedAt: now, updatedAt: now })
        .where(and(eq(schema.offers.id, offerId), inArray(schema.offers.status, from)))
        .returning({ id: schema.offers.id })
      if (!updated) throw new ConflictError('This offer changed just now. Reload the page.')
      await recordAudit(tx, actor.audit, {
        brandId: actor.brand.id,
        action: 'offer.counter_declined',
        entityType: 'offer',
        entityId: offerId,
        before: { status: 'countered', counterFeeMinor: offer.counterFeeMinor },
        after: { status: to, note: input.note },
      })
    }
    await enqueueEmail(tx, {
      template: input.accept ? 'counter-accepted' : 'counter-declined',
      to: [creator.email],
      cc: await getAgentEmails(tx, creator.id),
      subject: `${actor.brand.name} ${input.accept ? 'accepted' : 'declined'} the counter-offer for ${campaign.name}`,
      element: createElement(CounterAnsweredEmail, {
        accepted: input.accept,
        creatorName: creator.name,
        brandName: actor.brand.name,
        campaignName: campaign.name,
        fee: moneyWords(input.accept ? counterFee : offer.feeMinor, offer.currency),
        note: input.accept ? null : input.note,
        url: `${config().appUrl}/c/${creator.id}/offers/${offerId}`,
      }),
    })
    return { overBudget: null }
  })
}
