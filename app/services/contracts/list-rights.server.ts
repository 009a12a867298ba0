import { and, eq, inArray, isNull } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { AdsPermissionKind } from '#app/domain/contracts.ts'
import { deliverableLabel } from '#app/domain/offer-terms.ts'
import { adsOutlivesMessage, rightsStatus, type RightsStatus } from '#app/domain/rights.ts'

/** The brand's usage-rights ledger: every item with its status at `now`, the creator, the live post and the ads access granted. */
export async function listRights(brandId: string, now = new Date()) {
  const rows = await db()
    .select({ item: schema.rightsItems, deliverable: schema.deliverables, creatorName: schema.creators.name, campaignName: schema.campaigns.name, postUrl: schema.posts.url, currency: schema.campaigns.currency })
    .from(schema.rightsItems)
    .innerJoin(schema.deliverables, eq(schema.deliverables.id, schema.rightsItems.deliverableId))
    .innerJoin(schema.creators, eq(schema.creators.id, schema.rightsItems.creatorId))
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.deliverables.campaignId))
    .leftJoin(schema.posts, eq(schema.posts.deliverableId, schema.rightsItems.deliverableId))
    .where(eq(schema.rightsItems.brandId, brandId))
  const ids = rows.map((r) => r.item.deliverableId)
  const perms = ids.length
    ? await db().select().from(schema.adsPermissions).where(and(eq(schema.adsPermissions.brandId, brandId), inArray(schema.adsPermissions.deliverableId, ids), isNull(schema.adsPermissions.revokedAt)))
    : []
  const order: Record<RightsStatus, number> = { ending: 0, active: 1, upcoming: 2, perpetual: 3, expired: 4 }
  return rows
    .map((r) => {
      const s = rightsStatus(r.item, now)
      const ads = perms
        .filter((p) => p.deliverableId === r.item.deliverableId)
        .map((p) => ({ id: p.id, kind: p.kind as AdsPermissionKind, code: p.code, brandAccount: p.brandAccount, grantedOn: p.grantedOn, expiresOn: p.expiresOn, outlives: adsOutlivesMessage({ ...p, kind: p.kind as AdsPermissionKind }, r.item) }))
      return {
        id: r.item.id,
        contractId: r.item.contractId,
        offerId: r.item.offerId,
        currency: r.currency,
        creatorName: r.creatorName,
        campaignName: r.campaignName,
        deliverable: `${deliverableLabel(r.deliverable)}${r.deliverable.position > 1 ? ` #${r.deliverable.position}` : ''}`,
        postUrl: r.postUrl,
        organic: r.item.organic,
        paidAds: r.item.paidAds,
        channels: r.item.channels,
        territory: r.item.territory,
        startsOn: r.item.startsOn,
        endsOn: r.item.endsOn,
        timeZone: r.item.timeZone,
        status: s.status,
        daysLeft: s.daysLeft,
        ads,
      }
    })
    .sort((a, b) => order[a.status] - order[b.status] || (a.endsOn ?? '9999').localeCompare(b.endsOn ?? '9999'))
}
