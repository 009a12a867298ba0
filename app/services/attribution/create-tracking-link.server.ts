import { eq } from 'drizzle-orm'
import { randomBytes } from 'node:crypto'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ConflictError, InvalidInputError } from '#app/utils/errors.ts'
import { getCollaboration } from './get-collaboration.server.ts'

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

/** One short tracked link per collaboration (/r/CODE). */
export async function createTrackingLink(actor: Pick<BrandActor, 'brand' | 'audit'>, input: { offerId: string; destinationUrl: string }) {
  const destinationUrl = validDestination(input.destinationUrl)
  return db().transaction(async (tx) => {
    const offer = await getCollaboration(tx, actor.brand.id, input.offerId)
    const [existing] = await tx.select().from(schema.trackingLinks).where(eq(schema.trackingLinks.offerId, offer.id)).limit(1)
    if (existing) throw new ConflictError('This collaboration already has a tracked link.')
    const [link] = await tx
      .insert(schema.trackingLinks)
      .values({ offerId: offer.id, brandId: actor.brand.id, code: newLinkCode(), destinationUrl })
      .returning()
    await recordAudit(tx, actor.audit, {
      brandId: actor.brand.id,
      action: 'tracking_link.created',
      entityType: 'tracking_link',
      entityId: link!.id,
      after: { code: link!.code, destinationUrl },
    })
    return link!
  })
}
