import { and, eq, inArray, isNull } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { AdsPermissionKind } from '#app/domain/contracts.ts'
import { deliverableLabel } from '#app/domain/offer-terms.ts'
import { adsOutlivesMessage, rightsStatus, type RightsStatus } from '#app/domain/rights.ts'
import { decodeKeysetCursor, keysetPageOfSorted, LIST_PAGE_SIZE } from '#app/domain/keyset-cursor.ts'

/** The brand's usage-rights ledger: every item with its status at `now`, the creator, the live post and the ads access granted. */
export async function listRights(brandId: string, now = new Date()) {
  const items = await loadLedger(brandId, now)
  return withAds(brandId, items)
}

/**
 * One screen of the ledger (issue #18), in its order (ending soon, active, upcoming, perpetual, expired;
 * by end day), from a cursor on the page's boundary row (app/domain/keyset-cursor.ts); a tampered cursor
 * is the first page. The counts per status are of the whole ledger; the ads access is read for the
 * page's rows only. Each row says whether it is the one its offer's extension form goes on (the first
 * of the offer's items with an end day, in the whole ledger).
 */
export async function listRightsPage(brandId: string, opts: { cursor?: string | null; size?: number } = {}, now = new Date()) {
  const items = await loadLedger(brandId, now)
  const counts: Record<RightsStatus, number> = { ending: 0, active: 0, upcoming: 0, perpetual: 0, expired: 0 }
  for (const i of items) counts[i.status]++
  const list = 'rights'
  const page = keysetPageOfSorted(items, opts.size ?? LIST_PAGE_SIZE, decodeKeysetCursor(opts.cursor, list, ['text']), list, (r) => ({ v: [r.status], id: r.id }))
  return { items: await withAds(brandId, page.rows), counts, total: items.length, nextCursor: page.nextCursor, prevCursor: page.prevCursor }
}

const ORDER: Record<RightsStatus, number> = { ending: 0, active: 1, upcoming: 2, perpetual: 3, expired: 4 }

async function loadLedger(brandId: string, now: Date) {
  const rows = await db()
    .select({ item: schema.rightsItems, deliverable: schema.deliverables, creatorName: schema.creators.name, campaignName: schema.campaigns.name, postUrl: schema.posts.url, currency: schema.campaigns.currency })
    .from(schema.rightsItems)
    .innerJoin(schema.deliverables, eq(schema.deliverables.id, schema.rightsItems.deliverableId))
    .innerJoin(schema.creators, eq(schema.creators.id, schema.rightsItems.creatorId))
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.deliverables.campaignId))
    .leftJoin(schema.posts, eq(schema.posts.deliverableId, schema.rightsItems.deliverableId))
    .where(eq(schema.rightsItems.brandId, brandId))
  const items = rows
    .map((r) => {
      const s = rightsStatus(r.item, now)
      return {
        id: r.item.id,
        contractId: r.item.contractId,
        offerId: r.item.offerId,
        deliverableId: r.item.deliverableId,
        item: r.item,
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
        extendHere: false,
      }
    })
    .sort((a, b) => ORDER[a.status] - ORDER[b.status] || (a.endsOn ?? '9999').localeCompare(b.endsOn ?? '9999') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const extendable = new Set<string>()
  for (const i of items) {
    if (i.endsOn && !extendable.has(i.offerId)) {
      extendable.add(i.offerId)
      i.extendHere = true
    }
  }
  return items
}

type LedgerItem = Awaited<ReturnType<typeof loadLedger>>[number]

async function withAds(brandId: string, items: LedgerItem[]) {
  const ids = items.map((r) => r.deliverableId)
  const perms = ids.length
    ? await db().select().from(schema.adsPermissions).where(and(eq(schema.adsPermissions.brandId, brandId), inArray(schema.adsPermissions.deliverableId, ids), isNull(schema.adsPermissions.revokedAt)))
    : []
  return items.map(({ item, deliverableId, ...r }) => ({
    ...r,
    ads: perms
      .filter((p) => p.deliverableId === deliverableId)
      .map((p) => ({ id: p.id, kind: p.kind as AdsPermissionKind, code: p.code, brandAccount: p.brandAccount, grantedOn: p.grantedOn, expiresOn: p.expiresOn, outlives: adsOutlivesMessage({ ...p, kind: p.kind as AdsPermissionKind }, item) })),
  }))
}
