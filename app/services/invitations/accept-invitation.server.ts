import { and, eq, gt, isNull } from 'drizzle-orm'
import { schema, type Tx } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { hashPassword } from '#app/auth/password.server.ts'
import { createUserSession } from '#app/auth/session.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { sha256 } from '#app/utils/crypto.server.ts'
import { AppError, ConflictError } from '#app/utils/errors.ts'

export const INVITATION_INVALID = 'This invitation has expired, was withdrawn or was already used. Ask for a new one.'

type Meta = { ip: string | null; userAgent: string | null }

/**
 * Accept an invitation, either by creating a new account (name + password, email from the
 * invitation) or by attaching it to the signed-in user. Claiming is compare-and-set: one use.
 */
export async function acceptInvitation(
  input: { token: string; meta: Meta } & (
    | { mode: 'create'; name: string; password: string }
    | { mode: 'attach'; userId: string }
  ),
) {
  const passwordHash = input.mode === 'create' ? await hashPassword(input.password) : null
  const userId = await db().transaction(async (tx) => {
    const [inv] = await tx
      .update(schema.invitations)
      .set({ acceptedAt: new Date() })
      .where(
        and(
          eq(schema.invitations.tokenHash, sha256(input.token)),
          isNull(schema.invitations.acceptedAt),
          isNull(schema.invitations.revokedAt),
          gt(schema.invitations.expiresAt, new Date()),
        ),
      )
      .returning()
    if (!inv) throw new AppError(410, INVITATION_INVALID)

    let userId: string
    if (input.mode === 'create') {
      const [existing] = await tx.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, inv.email))
      if (existing) {
        throw new ConflictError(`An account for ${inv.email} already exists. Sign in to accept this invitation.`)
      }
      const [user] = await tx
        .insert(schema.users)
        .values({ email: inv.email, name: input.name, passwordHash, passwordChangedAt: new Date() })
        .returning({ id: schema.users.id })
      userId = user!.id
      await recordAudit(tx, { userId, ip: input.meta.ip, userAgent: input.meta.userAgent }, {
        action: 'user.created',
        entityType: 'user',
        entityId: userId,
      })
    } else {
      userId = input.userId
    }
    await tx.update(schema.invitations).set({ acceptedByUserId: userId }).where(eq(schema.invitations.id, inv.id))
    await attach(tx, inv, userId)
    await recordAudit(tx, { userId, ip: input.meta.ip, userAgent: input.meta.userAgent, actingForCreatorId: inv.creatorId }, {
      brandId: inv.brandId,
      action: 'invitation.accepted',
      entityType: 'invitation',
      entityId: inv.id,
      after: { kind: inv.kind, role: inv.role },
    })
    return userId
  })
  const cookie = input.mode === 'create' ? await createUserSession(userId, input.meta) : null
  return { userId, cookie }
}

async function attach(tx: Tx, inv: typeof schema.invitations.$inferSelect, userId: string) {
  switch (inv.kind) {
    case 'brand_member':
      await tx
        .insert(schema.brandMembers)
        .values({ brandId: inv.brandId!, userId, role: inv.role ?? 'viewer' })
        .onConflictDoNothing()
      return
    case 'creator': {
      const [c] = await tx.select().from(schema.creators).where(eq(schema.creators.id, inv.creatorId!))
      if (!c) throw new AppError(410, INVITATION_INVALID)
      if (c.userId && c.userId !== userId) {
        throw new ConflictError('This creator profile is already linked to another account.')
      }
      const [mine] = await tx.select({ id: schema.creators.id }).from(schema.creators).where(eq(schema.creators.userId, userId))
      if (mine && mine.id !== c.id) {
        throw new ConflictError('Your account already has a creator profile. Ask the brand to invite that email instead.')
      }
      await tx.update(schema.creators).set({ userId }).where(eq(schema.creators.id, c.id))
      return
    }
    case 'agent':
      await tx.insert(schema.agencyMembers).values({ agencyId: inv.agencyId!, userId, role: 'agent' }).onConflictDoNothing()
      return
  }
}
