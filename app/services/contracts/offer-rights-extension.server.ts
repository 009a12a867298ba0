import { createElement } from 'react'
import { and, eq, inArray } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { config } from '#app/config.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { COMMITTED_OFFER_STATUSES, moneyWords } from '#app/domain/offer-terms.ts'
import { atOnIsoDay, DAY_MS } from '#app/domain/dates.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { getAgentEmails } from '#app/services/creators/get-agent-emails.server.ts'
import { enqueueEmail } from '#app/services/outbox/enqueue-email.server.ts'
import { ConflictError, InvalidInputError, NotFoundError } from '#app/utils/errors.ts'
import { OfferReceivedEmail } from '#emails/offer-received.tsx'

export interface RightsExtensionInput {
  /** The collaboration whose licence is extended (an extension offer's id is read as its collaboration). */
  offerId: string
  months: number
  /** The extension's fee, in the collaboration's currency (minor units): usage money. */
  feeMinor: number
  usageRights: 'organic' | 'paid'
  usageTerritory: string | null
  /** Last day the creator may accept (inclusive, UTC). */
  expiresOn: string
  message: string | null
}

/** Offer statuses that are still waiting for the creator's answer (one such extension at a time per collaboration). */
const OPEN_STATUSES = ['invited', 'countered'] as const

/**
 * The brand offers to extend the usage rights of a signed collaboration: a new offer in the same
 * campaign to the same creator, tied to it by extendsOfferId, with no deliverables and the fee as its
 * usage fee (so it counts as 'usage' of the collaboration in the money figures, and the creator invoices
 * it as a usage line). The creator accepts and signs it like any offer; once countersigned the licence
 * of every dated rights item of the collaboration runs `months` longer (applyRightsFromContract).
 * Refused: another brand's collaboration (404), one without a dated licence or with an open extension (409).
 */
export async function offerRightsExtension(actor: Pick<BrandActor, 'brand' | 'user' | 'audit'>, input: RightsExtensionInput, now = new Date()) {
  return db().transaction(async (tx) => {
    const [first] = await tx.select().from(schema.offers).where(and(eq(schema.offers.id, input.offerId), eq(schema.offers.brandId, actor.brand.id)))
    if (!first) throw new NotFoundError('That collaboration')
    const collabId = first.extendsOfferId ?? first.id
    const [offer] = await tx
      .select()
      .from(schema.offers)
      .where(and(eq(schema.offers.id, collabId), eq(schema.offers.brandId, actor.brand.id)))
      .for('update')
    if (!offer) throw new NotFoundError('That collaboration')
    if (!(COMMITTED_OFFER_STATUSES as readonly string[]).includes(offer.status)) throw new ConflictError('Only an accepted collaboration has usage rights to extend.')
    const items = await tx.select().from(schema.rightsItems).where(eq(schema.rightsItems.offerId, offer.id))
    const dated = items.filter((i) => !i.perpetual && i.endsOn)
    if (!dated.length) {
      throw new ConflictError(items.length ? 'These usage rights are perpetual: there is nothing to extend.' : 'There are no signed usage rights to extend yet: the contract must be signed and countersigned first.')
    }
    const open = await tx
      .select({ id: schema.offers.id })
      .from(schema.offers)
      .where(and(eq(schema.offers.extendsOfferId, offer.id), inArray(schema.offers.status, [...OPEN_STATUSES])))
    if (open.length) throw new ConflictError('An extension of these rights is already waiting for the creator. Withdraw it first, or wait for the answer.')
    const expiresAt = atOnIsoDay(input.expiresOn, DAY_MS - 1)
    if (expiresAt.getTime() <= now.getTime()) throw new InvalidInputError('Please correct the highlighted fields.', { expiresOn: ['The answer deadline must be in the future.'] })
    const [ext] = await tx
      .insert(schema.offers)
      .values({
        brandId: offer.brandId,
        campaignId: offer.campaignId,
        creatorId: offer.creatorId,
        status: 'invited',
        connectionType: 'paid',
        feeMinor: 0,
        usageFeeMinor: input.feeMinor,
        currency: offer.currency,
        paymentNetDays: offer.paymentNetDays,
        paymentClockStart: 'invoice_received',
        usageRights: input.usageRights,
        usageMonths: input.months,
        usageTerritory: input.usageTerritory ?? offer.usageTerritory,
        revisionRounds: 0,
        deliverableSpecs: [],
        message: input.message,
        expiresAt,
        sentByUserId: actor.user.id,
        sentAt: now,
        extendsOfferId: offer.id,
      })
      .returning()
    await recordAudit(tx, actor.audit, {
      brandId: offer.brandId,
      action: 'offer.rights_extension_sent',
      entityType: 'offer',
      entityId: ext!.id,
      after: { extendsOfferId: offer.id, months: input.months, usageFeeMinor: input.feeMinor, usageRights: input.usageRights, expiresAt: expiresAt.toISOString() },
    })
    const [who] = await tx
      .select({ name: schema.creators.name, email: schema.creators.email, campaignName: schema.campaigns.name })
      .from(schema.creators)
      .innerJoin(schema.campaigns, eq(schema.campaigns.id, offer.campaignId))
      .where(eq(schema.creators.id, offer.creatorId))
    if (who) {
      await enqueueEmail(tx, {
        template: 'offer-received',
        to: [who.email],
        cc: await getAgentEmails(tx, offer.creatorId),
        subject: `${actor.brand.name} offers to extend the usage rights for ${who.campaignName}`,
        element: createElement(OfferReceivedEmail, {
          creatorName: who.name,
          brandName: actor.brand.name,
          campaignName: who.campaignName,
          fee: moneyWords(input.feeMinor, offer.currency),
          deliverables: [`Usage rights extended by ${input.months} month${input.months === 1 ? '' : 's'}`],
          expiresOn: input.expiresOn,
          url: `${config().appUrl}/c/${offer.creatorId}/offers/${ext!.id}`,
        }),
      })
    }
    return ext!
  })
}
