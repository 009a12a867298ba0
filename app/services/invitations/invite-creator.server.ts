import { eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { issueInvitation } from './issue-invitation.server.ts'

/**
 * Add a creator to the brand's roster by email. A creator is one person across brands: an existing
 * creator record is reused. Without a login yet, they get an account invitation.
 */
export async function inviteCreator(actor: BrandActor, input: { email: string; name: string }) {
  return db().transaction(async (tx) => {
    let [creator] = await tx.select().from(schema.creators).where(eq(schema.creators.email, input.email)).limit(1)
    if (!creator) {
      ;[creator] = await tx.insert(schema.creators).values({ name: input.name, email: input.email }).returning()
      await recordAudit(tx, actor.audit, { brandId: actor.brand.id, action: 'creator.created', entityType: 'creator', entityId: creator!.id })
    }
    const c = creator!
    const added = await tx
      .insert(schema.rosterEntries)
      .values({ brandId: actor.brand.id, creatorId: c.id, status: 'prospect' })
      .onConflictDoNothing()
      .returning({ id: schema.rosterEntries.id })
    if (added[0]) {
      await recordAudit(tx, actor.audit, {
        brandId: actor.brand.id,
        action: 'roster.added',
        entityType: 'roster_entry',
        entityId: added[0].id,
        after: { creatorId: c.id },
      })
    }
    let invited = false
    if (!c.userId) {
      await issueInvitation(tx, { ...actor.audit, userId: actor.user.id }, {
        kind: 'creator',
        email: input.email,
        name: input.name,
        brandId: actor.brand.id,
        creatorId: c.id,
        inviterName: `${actor.user.name} at ${actor.brand.name}`,
        purpose: `work with ${actor.brand.name} as a creator`,
      })
      invited = true
    }
    return { creatorId: c.id, addedToRoster: Boolean(added[0]), invited }
  })
}
