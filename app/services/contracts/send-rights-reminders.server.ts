import { createElement } from 'react'
import { and, eq, gte, isNotNull, isNull } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { config } from '#app/config.server.ts'
import { deliverableLabel } from '#app/domain/offer-terms.ts'
import { adsOutlivesLicence, addDays, dueReminders, rightsStatus } from '#app/domain/rights.ts'
import type { AdsPermissionKind } from '#app/domain/contracts.ts'
import { getBrandManagerEmails } from '#app/services/brands/get-brand-manager-emails.server.ts'
import { enqueueEmail } from '#app/services/outbox/enqueue-email.server.ts'
import { RightsEndingEmail } from '#emails/rights-ending.tsx'

/**
 * Emails the brand's managers and admins 30 and 7 days before a licence ends. Idempotent per item,
 * threshold and end date (rights_reminders' unique key, and the outbox dedupe key): running it twice,
 * or from two processes, sends each reminder once; an extended licence gets its own reminders.
 * A licence first seen with 5 days left gets the 7-day reminder only (the 30-day one is past).
 */
export async function sendRightsReminders(now = new Date()): Promise<{ sent: number }> {
  const horizon = addDays(now.toISOString().slice(0, 10), 32)
  const candidates = await db()
    .select({ item: schema.rightsItems, deliverable: schema.deliverables, creatorName: schema.creators.name, campaignName: schema.campaigns.name, brand: { name: schema.brands.name, slug: schema.brands.slug } })
    .from(schema.rightsItems)
    .innerJoin(schema.deliverables, eq(schema.deliverables.id, schema.rightsItems.deliverableId))
    .innerJoin(schema.creators, eq(schema.creators.id, schema.rightsItems.creatorId))
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.deliverables.campaignId))
    .innerJoin(schema.brands, eq(schema.brands.id, schema.rightsItems.brandId))
    .where(and(isNotNull(schema.rightsItems.endsOn), eq(schema.rightsItems.perpetual, false), gte(schema.rightsItems.endsOn, addDays(now.toISOString().slice(0, 10), -2))))
  let sent = 0
  for (const c of candidates) {
    const item = c.item
    if (!item.endsOn || item.endsOn > horizon) continue
    const due = dueReminders(item, now)
    // Only the smallest threshold reached: a licence first seen inside 7 days is not told "30 days".
    const threshold = due[due.length - 1]
    if (threshold === undefined) continue
    const status = rightsStatus(item, now)
    await db().transaction(async (tx) => {
      const [row] = await tx.insert(schema.rightsReminders).values({ rightsItemId: item.id, thresholdDays: threshold, endsOn: item.endsOn! }).onConflictDoNothing().returning()
      if (!row) return
      const perms = await tx
        .select({ kind: schema.adsPermissions.kind, expiresOn: schema.adsPermissions.expiresOn, revokedAt: schema.adsPermissions.revokedAt })
        .from(schema.adsPermissions)
        .where(and(eq(schema.adsPermissions.deliverableId, item.deliverableId), isNull(schema.adsPermissions.revokedAt)))
      const to = await getBrandManagerEmails(tx, item.brandId)
      if (!to.length) return
      await enqueueEmail(tx, {
        template: 'rights-ending',
        to,
        subject: `Usage rights end in ${status.daysLeft} days: ${c.creatorName}, ${deliverableLabel(c.deliverable)}`,
        dedupeKey: `rights-ending:${item.id}:${threshold}:${item.endsOn}`,
        element: createElement(RightsEndingEmail, {
          brandName: c.brand.name,
          creatorName: c.creatorName,
          deliverable: deliverableLabel(c.deliverable),
          campaignName: c.campaignName,
          endsOn: item.endsOn!,
          daysLeft: status.daysLeft ?? 0,
          paidAds: item.paidAds,
          adsStillOpen: perms.some((p) => adsOutlivesLicence({ ...p, kind: p.kind as AdsPermissionKind }, item)),
          url: `${config().appUrl}/b/${c.brand.slug}/rights`,
        }),
      })
      sent++
    })
  }
  return { sent }
}
