import { and, asc, eq, isNotNull } from 'drizzle-orm'
import { randomBytes } from 'node:crypto'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ConflictError, InvalidInputError } from '#app/utils/errors.ts'
import { getCollaboration } from './get-collaboration.server.ts'
import { linkDeliverableLabel } from '#app/domain/utm.ts'

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ' // no 0/O, 1/I/L: easy to read aloud

export function newLinkCode(length = 7): string {
  const bytes = randomBytes(length)
  let out = ''
  for (let i = 0; i < length; i++) out += CODE_ALPHABET[bytes[i]! % CODE_ALPHABET.length]
  return out
}

/** Only http(s) destinations; UTM parameters are added at redirect time. */
export function validDestination(raw: string): string {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw new InvalidInputError('Enter the full address, starting with https://', { destinationUrl: ['Enter the full address, starting with https://'] })
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidInputError('Links must go to an http(s) address.', { destinationUrl: ['Links must go to an http(s) address.'] })
  }
  return url.toString()
}

/**
 * Tracked links for a collaboration: one short link (/r/CODE) per deliverable that has none yet, all to
 * the same destination, so each post's clicks arrive tagged with its own platform (trackedLinkUtm). An
 * older link for the whole collaboration keeps working beside them. One audit event per link.
 */
export async function createTrackingLink(actor: Pick<BrandActor, 'brand' | 'audit'>, input: { offerId: string; destinationUrl: string }) {
  const destinationUrl = validDestination(input.destinationUrl)
  return db().transaction(async (tx) => {
    const offer = await getCollaboration(tx, actor.brand.id, input.offerId)
    const deliverables = await tx
      .select({ id: schema.deliverables.id, platform: schema.deliverables.platform, format: schema.deliverables.format, position: schema.deliverables.position })
      .from(schema.deliverables)
      .where(and(eq(schema.deliverables.offerId, offer.id), eq(schema.deliverables.brandId, actor.brand.id)))
      .orderBy(asc(schema.deliverables.createdAt), asc(schema.deliverables.position))
    const linked = new Set(
      (await tx.select({ deliverableId: schema.trackingLinks.deliverableId }).from(schema.trackingLinks).where(and(eq(schema.trackingLinks.offerId, offer.id), isNotNull(schema.trackingLinks.deliverableId)))).map(
        (l) => l.deliverableId,
      ),
    )
    const missing = deliverables.filter((d) => !linked.has(d.id))
    if (!deliverables.length) throw new ConflictError('This collaboration has no deliverables to link to.')
    if (!missing.length) throw new ConflictError('Every post of this collaboration already has a tracked link.')
    const links = await tx
      .insert(schema.trackingLinks)
      .values(missing.map((d) => ({ offerId: offer.id, brandId: actor.brand.id, deliverableId: d.id, code: newLinkCode(), destinationUrl })))
      .returning()
    for (const link of links) {
      await recordAudit(tx, actor.audit, {
        brandId: actor.brand.id,
        action: 'tracking_link.created',
        entityType: 'tracking_link',
        entityId: link.id,
        after: { code: link.code, destinationUrl, deliverableId: link.deliverableId },
      })
    }
    const byId = new Map(missing.map((d) => [d.id, d]))
    return links.map((l) => ({ ...l, label: linkDeliverableLabel(byId.get(l.deliverableId!)!) }))
  })
}
