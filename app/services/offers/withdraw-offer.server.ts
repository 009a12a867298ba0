import { and, eq, inArray } from 'drizzle-orm'
import { createElement } from 'react'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { getAgentEmails } from '#app/services/creators/get-agent-emails.server.ts'
import { enqueueEmail } from '#app/services/outbox/enqueue-email.server.ts'
import { OfferWithdrawnEmail } from '#emails/offer-withdrawn.tsx'
import { ConflictError, NotFoundError } from '#app/utils/errors.ts'
import { offerMachine } from '#app/domain/state-machines.ts'

/** Withdraw an offer the creator has not accepted yet (invited or countered). */
export async function withdrawOffer(actor: BrandActor, campaignId: string, offerId: string, now = new Date()) {
  return db().transaction(async (tx) => {
    const [offer] = await tx
      .select({ status: schema.offers.status, creatorId: schema.offers.creatorId, creatorName: schema.creators.name, email: schema.creators.email, campaignName: schema.campaigns.name })
      .from(schema.offers)
      .innerJoin(schema.creators, eq(schema.creators.id, schema.offers.creatorId))
      .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.offers.campaignId))
      .where(and(eq(schema.offers.id, offerId), eq(schema.offers.brandId, actor.brand.id), eq(schema.offers.campaignId, campaignId)))
    if (!offer) throw new NotFoundError('That offer')
    const refused = `This offer is ${offer.status}: only an offer that is not yet accepted can be withdrawn.`
    const to = offerMachine.next(offer.status, 'withdraw', refused)
    const [updated] = await tx
      .update(schema.offers)
      .set({ status: to, respondedAt: now, updatedAt: now })
      .where(and(eq(schema.offers.id, offerId), inArray(schema.offers.status, offerMachine.sources('withdraw'))))
      .returning({ id: schema.offers.id })
    if (!updated) throw new ConflictError('This offer changed just now. Reload the page.')
    await recordAudit(tx, actor.audit, {
      brandId: actor.brand.id,
      action: 'offer.withdrawn',
      entityType: 'offer',
      entityId: offerId,
      before: { status: offer.status },
      after: { status: to },
    })
    await enqueueEmail(tx, {
      template: 'offer-withdrawn',
      to: [offer.email],
      cc: await getAgentEmails(tx, offer.creatorId),
      subject: `${actor.brand.name} withdrew its offer for ${offer.campaignName}`,
      element: createElement(OfferWithdrawnEmail, { creatorName: offer.creatorName, brandName: actor.brand.name, campaignName: offer.campaignName }),
    })
  })
}
