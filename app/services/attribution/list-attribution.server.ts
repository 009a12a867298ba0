import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { linkDeliverableLabel } from '#app/domain/utm.ts'
import { COLLABORATION_STATUSES } from './get-collaboration.server.ts'
import { loadOrderTotals } from './order-totals.server.ts'

export interface AttributionLink {
  code: string
  destinationUrl: string
  clicks: number
  /** The post it is for ("Instagram reel 1"); null: an older link for the whole collaboration. */
  label: string | null
}

/**
 * Every collaboration of the brand with its tracked links (one per deliverable, plus any older link for
 * the whole collaboration) and their clicks, the posts still without a link, promo codes, and the orders
 * credited to it (order-totals.server.ts). The collaboration's clicks are the sum over its links.
 */
export async function listAttribution(brandId: string) {
  const rows = await db()
    .select({
      offerId: schema.offers.id,
      creatorName: schema.creators.name,
      campaignName: schema.campaigns.name,
      codes: sql<string[]>`coalesce((select array_agg(p.code order by p.code) from ${schema.promoCodes} p where p.offer_id = ${schema.offers.id}), '{}')`,
      currency: schema.offers.currency,
    })
    .from(schema.offers)
    .innerJoin(schema.creators, eq(schema.creators.id, schema.offers.creatorId))
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.offers.campaignId))
    .where(and(eq(schema.offers.brandId, brandId), inArray(schema.offers.status, [...COLLABORATION_STATUSES])))
    .orderBy(asc(schema.campaigns.name), asc(schema.creators.name))
  const offerIds = rows.map((r) => r.offerId)
  const [orders, links, deliverables] = await Promise.all([
    loadOrderTotals(brandId, { offerIds }),
    offerIds.length
      ? db()
          .select({
            offerId: schema.trackingLinks.offerId,
            deliverableId: schema.trackingLinks.deliverableId,
            code: schema.trackingLinks.code,
            destinationUrl: schema.trackingLinks.destinationUrl,
            clicks: sql<number>`(select count(*) from ${schema.linkClicks} c where c.link_id = "tracking_links"."id")`.mapWith(Number),
          })
          .from(schema.trackingLinks)
          .where(and(eq(schema.trackingLinks.brandId, brandId), inArray(schema.trackingLinks.offerId, offerIds)))
          .orderBy(asc(schema.trackingLinks.createdAt), asc(schema.trackingLinks.code))
      : [],
    offerIds.length
      ? db()
          .select({ id: schema.deliverables.id, offerId: schema.deliverables.offerId, platform: schema.deliverables.platform, format: schema.deliverables.format, position: schema.deliverables.position })
          .from(schema.deliverables)
          .where(and(eq(schema.deliverables.brandId, brandId), inArray(schema.deliverables.offerId, offerIds)))
          .orderBy(asc(schema.deliverables.createdAt), asc(schema.deliverables.position))
      : [],
  ])
  const label = new Map(deliverables.map((d) => [d.id, linkDeliverableLabel(d)]))
  return rows.map((r) => {
    const o = orders.get(r.offerId)
    const mine = links.filter((l) => l.offerId === r.offerId)
    const linked = new Set(mine.map((l) => l.deliverableId))
    // The posts in order; the older collaboration-wide link (no deliverable) last.
    const ordered = [...deliverables.filter((d) => d.offerId === r.offerId).flatMap((d) => mine.filter((l) => l.deliverableId === d.id)), ...mine.filter((l) => !l.deliverableId)]
    return {
      ...r,
      currency: r.currency.trim(),
      links: ordered.map((l): AttributionLink => ({ code: l.code, destinationUrl: l.destinationUrl, clicks: l.clicks, label: l.deliverableId ? (label.get(l.deliverableId) ?? null) : null })),
      clicks: mine.reduce((n, l) => n + l.clicks, 0),
      /** Posts of the collaboration without a link of their own yet ("Create links" makes them). */
      unlinked: deliverables.filter((d) => d.offerId === r.offerId && !linked.has(d.id)).map((d) => label.get(d.id)!),
      orders: o?.orders ?? 0,
      grossMinor: o?.grossMinor ?? 0,
      refundsMinor: o?.refundsMinor ?? 0,
      netMinor: o?.netMinor ?? 0,
      notCounted: o?.notCounted ?? 0,
      outsideWindow: o?.outsideWindow ?? 0,
      apart: o?.unconverted ?? [],
    }
  })
}
