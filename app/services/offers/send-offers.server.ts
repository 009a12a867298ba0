import { and, eq, inArray } from 'drizzle-orm'
import { atOnIsoDay, isoDayMessage, isoDayProblem } from '#app/domain/dates.ts'
import { createElement } from 'react'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { config } from '#app/config.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { deliverableLabel, effectiveOfferStatus, moneyWords } from '#app/domain/offer-terms.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { getCommitted } from '#app/services/budget/get-committed.server.ts'
import { getAgentEmails } from '#app/services/creators/get-agent-emails.server.ts'
import { enqueueEmail } from '#app/services/outbox/enqueue-email.server.ts'
import { ConflictError, InvalidInputError, NotFoundError } from '#app/utils/errors.ts'
import type { OfferInput } from '#app/validation/campaigns.ts'
import { OfferReceivedEmail } from '#emails/offer-received.tsx'
import { LIVE_OFFER_STATUSES } from '#app/domain/state-machines.ts'

export type SendOffersResult =
  | { sent: number; overBudget: null }
  | { sent: 0; overBudget: { budgetMinor: number; committedMinor: number; offeredMinor: number; currency: string } }

/**
 * Send the same offer to one or many roster creators of the brand. If accepting all of them would take
 * committed fees over the campaign budget, nothing is sent and the caller must confirm (`confirmOverBudget`).
 */
export async function sendOffers(actor: BrandActor, campaignId: string, input: OfferInput, now = new Date()): Promise<SendOffersResult> {
  return db().transaction(async (tx) => {
    const [row] = await tx
      .select({ campaign: schema.campaigns, briefVersion: schema.briefs.currentVersion })
      .from(schema.campaigns)
      .leftJoin(schema.briefs, eq(schema.briefs.campaignId, schema.campaigns.id))
      .where(and(eq(schema.campaigns.id, campaignId), eq(schema.campaigns.brandId, actor.brand.id)))
    if (!row) throw new NotFoundError('That campaign')
    const { campaign } = row
    if (campaign.status !== 'active') throw new ConflictError(`Offers go out from active campaigns. This one is ${campaign.status}: start it first.`)
    if (!row.briefVersion) throw new ConflictError('Publish the brief first: creators accept the brief with the offer.')
    // Accept copies these days into date columns: a day that is not one would make Accept fail later.
    const dayErrors: Record<string, string[]> = {}
    const expiryProblem = isoDayProblem(input.expiresOn)
    if (expiryProblem) dayErrors.expiresOn = [isoDayMessage(input.expiresOn, expiryProblem)]
    input.deliverables.forEach((d, i) => {
      for (const f of ['draftDueOn', 'postWindowStart', 'postWindowEnd'] as const) {
        const day = d[f]
        const problem = day === null ? null : isoDayProblem(day)
        if (problem) dayErrors[`d${i}_${f}`] = [isoDayMessage(day!, problem)]
      }
    })
    if (Object.keys(dayErrors).length) throw new InvalidInputError('Please correct the highlighted fields.', dayErrors)
    const expiresAt = atOnIsoDay(input.expiresOn, 86_400_000 - 1)
    if (expiresAt.getTime() <= now.getTime()) throw new InvalidInputError('Please correct the highlighted fields.', { expiresOn: ['The expiry must be in the future.'] })

    const roster = await tx
      .select({ id: schema.creators.id, name: schema.creators.name, email: schema.creators.email, status: schema.rosterEntries.status })
      .from(schema.rosterEntries)
      .innerJoin(schema.creators, eq(schema.creators.id, schema.rosterEntries.creatorId))
      .where(and(eq(schema.rosterEntries.brandId, actor.brand.id), inArray(schema.rosterEntries.creatorId, input.creatorIds)))
    if (roster.length !== input.creatorIds.length) throw new InvalidInputError('Please correct the highlighted fields.', { creatorIds: ['Pick creators from your roster.'] })
    const blocked = roster.filter((r) => r.status === 'do_not_work')
    if (blocked.length) throw new InvalidInputError('Please correct the highlighted fields.', { creatorIds: [`${blocked.map((b) => b.name).join(', ')} is marked do-not-work.`] })
    const existing = await tx
      .select({ creatorId: schema.offers.creatorId, status: schema.offers.status, expiresAt: schema.offers.expiresAt })
      .from(schema.offers)
      .where(and(eq(schema.offers.brandId, actor.brand.id), eq(schema.offers.campaignId, campaignId), inArray(schema.offers.creatorId, input.creatorIds)))
    const live = new Set(
      existing.filter((o) => (LIVE_OFFER_STATUSES as readonly string[]).includes(effectiveOfferStatus(o, now))).map((o) => o.creatorId),
    )
    const dupes = roster.filter((r) => live.has(r.id))
    if (dupes.length) {
      throw new ConflictError(`${dupes.map((d) => d.name).join(', ')} already ${dupes.length === 1 ? 'has' : 'have'} an open or accepted offer in this campaign.`, {
        creatorIds: ['Withdraw the earlier offer first, or leave them out.'],
      })
    }

    const committedMinor = await getCommitted(tx, actor.brand.id, campaignId)
    const offeredMinor = input.feeMinor * roster.length
    if (committedMinor + offeredMinor > campaign.budgetMinor && !input.confirmOverBudget) {
      return { sent: 0 as const, overBudget: { budgetMinor: campaign.budgetMinor, committedMinor, offeredMinor, currency: campaign.currency } }
    }

    for (const c of roster) {
      const [offer] = await tx
        .insert(schema.offers)
        .values({
          brandId: actor.brand.id,
          campaignId,
          creatorId: c.id,
          status: 'invited',
          connectionType: input.connectionType,
          feeMinor: input.feeMinor,
          currency: campaign.currency,
          paymentNetDays: input.paymentNetDays,
          paymentClockStart: input.paymentClockStart,
          usageRights: input.usageRights,
          usageMonths: input.usageMonths,
          usageTerritory: input.usageTerritory,
          exclusivityCategory: input.exclusivityCategory,
          exclusivityMonths: input.exclusivityMonths,
          revisionRounds: input.revisionRounds,
          giftDescription: input.giftDescription,
          deliverableSpecs: input.deliverables.map((d) => ({ ...d })),
          message: input.message,
          expiresAt,
          sentByUserId: actor.user.id,
          sentAt: now,
        })
        .returning()
      await recordAudit(tx, actor.audit, {
        brandId: actor.brand.id,
        action: 'offer.sent',
        entityType: 'offer',
        entityId: offer!.id,
        after: { creatorId: c.id, campaignId, feeMinor: input.feeMinor, expiresAt: expiresAt.toISOString(), overBudget: committedMinor + offeredMinor > campaign.budgetMinor },
      })
      await enqueueEmail(tx, {
        template: 'offer-received',
        to: [c.email],
        cc: await getAgentEmails(tx, c.id),
        subject: `${actor.brand.name} sent you an offer for ${campaign.name}`,
        element: createElement(OfferReceivedEmail, {
          creatorName: c.name,
          brandName: actor.brand.name,
          campaignName: campaign.name,
          fee: moneyWords(input.feeMinor, campaign.currency),
          deliverables: input.deliverables.map(deliverableLabel),
          expiresOn: input.expiresOn,
          url: `${config().appUrl}/c/${c.id}/offers/${offer!.id}`,
        }),
      })
    }
    return { sent: roster.length, overBudget: null }
  })
}
