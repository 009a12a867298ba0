import { createHmac } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { isbot } from 'isbot'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { config } from '#app/config.server.ts'
import { buildUtmUrl, trackedLinkUtm, type LinkDeliverable } from '#app/domain/utm.ts'
import { clickIdFor } from './record-conversion.server.ts'

/**
 * The visitor key for one day: HMAC(secret + day, IP + user agent). The raw IP is never stored and
 * the key changes every day, so visits cannot be linked across days.
 */
export function visitorHash(day: string, ip: string | null, userAgent: string | null, secret = config().sessionSecret): string {
  return createHmac('sha256', `link-click:${secret}:${day}`)
    .update(`${ip ?? ''}\n${userAgent ?? ''}`)
    .digest('base64url')
    .slice(0, 32)
}

export interface ClickInput {
  code: string
  ip: string | null
  userAgent: string | null
  now?: Date
}

/**
 * Resolve /r/CODE: the destination with UTM parameters (the link's post: trackedLinkUtm), or null for an unknown code. Counts the click
 * unless it is a bot; one row per link, visitor and day (repeat clicks change nothing).
 */
export async function recordLinkClick(input: ClickInput): Promise<{ location: string; counted: boolean } | null> {
  const code = input.code.trim().toUpperCase()
  if (!/^[A-Z0-9]{4,16}$/.test(code)) return null
  const [link] = await db()
    .select({
      id: schema.trackingLinks.id,
      brandId: schema.trackingLinks.brandId,
      destinationUrl: schema.trackingLinks.destinationUrl,
      campaign: schema.campaigns.name,
      creator: schema.creators.name,
      // The link's own deliverable; an older link for the whole collaboration (deliverable_id null) uses
      // the collaboration's first deliverable, as it always did (d.id = null sorts every row alike).
      deliverable: sql<{ platform: string; format: string; position: number } | null>`(select json_build_object('platform', d.platform, 'format', d.format, 'position', d.position) from ${schema.deliverables} d where d.offer_id = ${schema.trackingLinks.offerId} order by (d.id = ${schema.trackingLinks.deliverableId}) desc, d.created_at, d.position limit 1)`,
    })
    .from(schema.trackingLinks)
    .innerJoin(schema.offers, eq(schema.offers.id, schema.trackingLinks.offerId))
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.offers.campaignId))
    .innerJoin(schema.creators, eq(schema.creators.id, schema.offers.creatorId))
    .where(eq(schema.trackingLinks.code, code))
    .limit(1)
  if (!link) return null
  const deliverable = typeof link.deliverable === 'string' ? (JSON.parse(link.deliverable) as LinkDeliverable) : link.deliverable
  const location = buildUtmUrl(link.destinationUrl, trackedLinkUtm({ campaign: link.campaign, creator: link.creator, deliverable }))
  if (isbot(input.userAgent ?? '') || !input.userAgent) return { location, counted: false }
  const now = input.now ?? new Date()
  // The click id a store can send back to /hooks/conversions (record-conversion.server.ts).
  const tagged = new URL(location)
  tagged.searchParams.set('gr_click', clickIdFor(code, now))
  const day = now.toISOString().slice(0, 10)
  const inserted = await db()
    .insert(schema.linkClicks)
    .values({ linkId: link.id, brandId: link.brandId, day, visitorHash: visitorHash(day, input.ip, input.userAgent), at: now })
    .onConflictDoNothing()
    .returning({ id: schema.linkClicks.id })
  return { location: tagged.toString(), counted: inserted.length > 0 }
}
