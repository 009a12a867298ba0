import { and, eq, gt, isNull } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { issueInvitation } from './issue-invitation.server.ts'

/**
 * Invite a creator by email to work with the brand. A creator is one person across brands, so an
 * existing creator record is reused, but adding them changes nothing they share: they join the roster
 * as a prospect, the brand sees only their name and handles, and an invitation goes to the email.
 * Their contact details and follower counts reach the brand once they accept (or an offer is accepted):
 * app/domain/creator-privacy.ts. The answer is the same whether or not the email has an account.
 */
export async function inviteCreator(actor: BrandActor, input: { email: string; name: string }, now = new Date()) {
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
      await recordAudit(tx, actor.audit, { brandId: actor.brand.id, action: 'roster.added', entityType: 'roster_entry', entityId: added[0].id, after: { creatorId: c.id, by: 'invitation' } })
    }
    const [entry] = await tx
      .select({ consentedAt: schema.rosterEntries.consentedAt })
      .from(schema.rosterEntries)
      .where(and(eq(schema.rosterEntries.brandId, actor.brand.id), eq(schema.rosterEntries.creatorId, c.id)))
    // One open invitation per brand and creator: inviting again while one is pending sends nothing new.
    const [open] = await tx
      .select({ id: schema.invitations.id })
      .from(schema.invitations)
      .where(
        and(
          eq(schema.invitations.kind, 'creator'),
          eq(schema.invitations.brandId, actor.brand.id),
          eq(schema.invitations.creatorId, c.id),
          isNull(schema.invitations.acceptedAt),
          isNull(schema.invitations.revokedAt),
          gt(schema.invitations.expiresAt, now),
        ),
      )
      .limit(1)
    if (!entry?.consentedAt && !open) {
      await issueInvitation(tx, { ...actor.audit, userId: actor.user.id }, {
        kind: 'creator',
        email: input.email,
        name: input.name,
        brandId: actor.brand.id,
        creatorId: c.id,
        inviterName: `${actor.user.name} at ${actor.brand.name}`,
        purpose: `work with ${actor.brand.name} as a creator`,
      })
    }
    return { creatorId: c.id, alreadyWorkingTogether: Boolean(entry?.consentedAt) }
  })
}
