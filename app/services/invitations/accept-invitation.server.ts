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
      await assertInvitedAccount(tx, inv, userId)
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

export class WrongAccountError extends AppError {
  constructor(public invitedEmail: string) {
    super(403, `This invitation is for ${invitedEmail}. Sign out and sign in with that email, or ask for an invitation to yours. It stays valid.`)
  }
}

/**
 * Only the invited person may accept: the signed-in account's email must be the invited one (or, for a
 * creator invitation, the account must already be that creator's). Thrown inside the claiming
 * transaction, so a refusal leaves the invitation usable.
 */
async function assertInvitedAccount(tx: Tx, inv: typeof schema.invitations.$inferSelect, userId: string) {
  const [user] = await tx.select({ email: schema.users.email }).from(schema.users).where(eq(schema.users.id, userId))
  if (user && user.email.toLowerCase() === inv.email.toLowerCase()) return
  if (inv.kind === 'creator' && inv.creatorId) {
    const [c] = await tx.select({ userId: schema.creators.userId }).from(schema.creators).where(eq(schema.creators.id, inv.creatorId))
    if (c?.userId === userId) return
  }
  throw new WrongAccountError(inv.email)
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
      // The creator accepted this brand's invitation: the relationship that shares their private details with it.
      if (inv.brandId) {
        const now = new Date()
        await tx
          .insert(schema.rosterEntries)
          .values({ brandId: inv.brandId, creatorId: c.id, status: 'prospect', consentedAt: now })
          .onConflictDoUpdate({ target: [schema.rosterEntries.brandId, schema.rosterEntries.creatorId], set: { consentedAt: now, updatedAt: now } })
      }
      return
    }
    case 'agent':
      await tx.insert(schema.agencyMembers).values({ agencyId: inv.agencyId!, userId, role: 'agent' }).onConflictDoNothing()
      return
  }
}
