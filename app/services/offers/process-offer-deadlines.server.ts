import { and, eq, gt, inArray, isNull, lte } from 'drizzle-orm'
import { createElement } from 'react'
import { schema, type Db } from '#db/index.ts'
import { config } from '#app/config.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { getAgentEmails } from '#app/services/creators/get-agent-emails.server.ts'
import { enqueueEmail } from '#app/services/outbox/enqueue-email.server.ts'
import { OfferExpiringEmail } from '#emails/offer-expiring.tsx'
import { offerMachine } from '#app/domain/state-machines.ts'

const HOURS_48 = 48 * 3600_000
const EXPIRED = offerMachine.next('invited', 'expire')

/**
 * Recurring job (offers.deadlines, app/services/offers/offer-deadlines-job.server.ts): marks open offers past their expiry as expired,
 * and emails a reminder once for offers expiring within 48 hours. Safe to run from several processes:
 * status updates are compare-and-set and reminders use an outbox dedupe key.
 */
export async function processOfferDeadlines(database: Db, now = new Date()) {
  let expired = 0
  let reminded = 0
  await database.transaction(async (tx) => {
    const gone = await tx
      .update(schema.offers)
      .set({ status: EXPIRED, updatedAt: now })
      .where(and(inArray(schema.offers.status, offerMachine.sources('expire')), lte(schema.offers.expiresAt, now)))
      .returning({ id: schema.offers.id, brandId: schema.offers.brandId, status: schema.offers.status })
    for (const o of gone) {
      await recordAudit(tx, { userId: null }, { brandId: o.brandId, action: 'offer.expired', entityType: 'offer', entityId: o.id, after: { status: EXPIRED } })
    }
    expired = gone.length
  })
  await database.transaction(async (tx) => {
    const soon = await tx
      .select({
        id: schema.offers.id,
        expiresAt: schema.offers.expiresAt,
        creatorId: schema.creators.id,
        creatorName: schema.creators.name,
        email: schema.creators.email,
        campaign: schema.campaigns.name,
        brand: schema.brands.name,
      })
      .from(schema.offers)
      .innerJoin(schema.creators, eq(schema.creators.id, schema.offers.creatorId))
      .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.offers.campaignId))
      .innerJoin(schema.brands, eq(schema.brands.id, schema.offers.brandId))
      .where(
        and(
          eq(schema.offers.status, 'invited'),
          isNull(schema.offers.expiryReminderSentAt),
          gt(schema.offers.expiresAt, now),
          lte(schema.offers.expiresAt, new Date(now.getTime() + HOURS_48)),
        ),
      )
      .limit(200)
    for (const o of soon) {
      const marked = await tx
        .update(schema.offers)
        .set({ expiryReminderSentAt: now })
        .where(and(eq(schema.offers.id, o.id), isNull(schema.offers.expiryReminderSentAt)))
        .returning({ id: schema.offers.id })
      if (!marked[0]) continue
      await enqueueEmail(tx, {
        template: 'offer-expiring',
        to: [o.email],
        cc: await getAgentEmails(tx, o.creatorId),
        subject: `${o.brand}'s offer for ${o.campaign} expires soon`,
        element: createElement(OfferExpiringEmail, {
          creatorName: o.creatorName,
          brandName: o.brand,
          campaignName: o.campaign,
          expiresAt: `${o.expiresAt!.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
          url: `${config().appUrl}/c/${o.creatorId}/offers/${o.id}`,
        }),
        dedupeKey: `offer-expiring:${o.id}`,
      })
      reminded++
    }
  })
  return { expired, reminded }
}
