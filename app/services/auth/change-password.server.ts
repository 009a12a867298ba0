import { eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { hashPassword, verifyPassword } from '#app/auth/password.server.ts'
import { createUserSession, endAllUserSessions } from '#app/auth/session.server.ts'
import { recordAudit, type AuditActor } from '#app/services/audit/record-audit.server.ts'
import { InvalidInputError } from '#app/utils/errors.ts'

/** Change the password: every session of the user ends; this browser gets a fresh one. */
export async function changePassword(actor: AuditActor & { userId: string }, input: { currentPassword: string; password: string }) {
  const [user] = await db().select().from(schema.users).where(eq(schema.users.id, actor.userId)).limit(1)
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new InvalidInputError('Your current password is not right.', { currentPassword: ['Your current password is not right.'] })
  }
  const passwordHash = await hashPassword(input.password)
  await db().transaction(async (tx) => {
    await tx.update(schema.users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(schema.users.id, user.id))
    await recordAudit(tx, actor, { action: 'user.password_changed', entityType: 'user', entityId: user.id })
  })
  await endAllUserSessions(user.id)
  return createUserSession(user.id, { ip: actor.ip ?? null, userAgent: actor.userAgent ?? null })
}
