import { and, eq, ne } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { CreatorActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ConflictError, ForbiddenError } from '#app/utils/errors.ts'

export interface CreatorContactInput {
  name: string
  email: string
  phone: string | null
  country: string | null
  line1: string | null
  line2: string | null
  city: string | null
  region: string | null
  postalCode: string | null
}

/**
 * The creator keeps their own contact details and shipping address current. The person's data is
 * shared: every brand with them on its roster sees the change (brand notes and rates are not touched).
 * Only the creator themself; agents see the profile read-only.
 */
export async function updateCreatorContact(actor: CreatorActor, input: CreatorContactInput) {
  if (actor.via.kind !== 'self') throw new ForbiddenError('Only the creator can change their contact details.')
  return db().transaction(async (tx) => {
    const [before] = await tx.select().from(schema.creators).where(eq(schema.creators.id, actor.creator.id)).for('update')
    const [taken] = await tx
      .select({ id: schema.creators.id })
      .from(schema.creators)
      .where(and(eq(schema.creators.email, input.email), ne(schema.creators.id, actor.creator.id)))
    if (taken) throw new ConflictError('Please correct the highlighted fields.', { email: ['Another creator profile already uses that email.'] })
    const address = { line1: input.line1, line2: input.line2, city: input.city, region: input.region, postalCode: input.postalCode, country: input.country }
    const hasAddress = Object.values(address).some(Boolean)
    const shippingAddress = hasAddress ? (Object.fromEntries(Object.entries(address).filter(([, v]) => v)) as Record<string, string>) : null
    const after = { name: input.name, email: input.email, phone: input.phone, country: input.country, shippingAddress }
    await tx
      .update(schema.creators)
      .set({ ...after, updatedAt: new Date() })
      .where(eq(schema.creators.id, actor.creator.id))
    await recordAudit(tx, actor.audit, {
      action: 'creator.contact_updated',
      entityType: 'creator',
      entityId: actor.creator.id,
      before: before ? { name: before.name, email: before.email, phone: before.phone, country: before.country, shippingAddress: before.shippingAddress } : undefined,
      after,
    })
  })
}
