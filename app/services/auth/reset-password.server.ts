import { and, eq, gt, isNull } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { hashPassword } from '#app/auth/password.server.ts'
import { createUserSession, endAllUserSessions } from '#app/auth/session.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { sha256 } from '#app/utils/crypto.server.ts'
import { AppError } from '#app/utils/errors.ts'

export const RESET_LINK_INVALID = 'This reset link has expired or was already used. Ask for a new one.'

export async function findValidReset(token: string) {
  const [row] = await db()
    .select()
    .from(schema.passwordResets)
    .where(
      and(
        eq(schema.passwordResets.tokenHash, sha256(token)),
        isNull(schema.passwordResets.usedAt),
        gt(schema.passwordResets.expiresAt, new Date()),
      ),
    )
    .limit(1)
  return row ?? null
}

/** Use a reset link once: set the password, end every session of the user, sign this browser in. */
export async function resetPassword(input: { token: string; password: string; ip: string | null; userAgent: string | null }) {
  const passwordHash = await hashPassword(input.password)
  const userId = await db().transaction(async (tx) => {
    const [used] = await tx
      .update(schema.passwordResets)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(schema.passwordResets.tokenHash, sha256(input.token)),
          isNull(schema.passwordResets.usedAt),
          gt(schema.passwordResets.expiresAt, new Date()),
        ),
      )
      .returning({ userId: schema.passwordResets.userId })
    if (!used) throw new AppError(410, RESET_LINK_INVALID)
    await tx
      .update(schema.users)
      .set({ passwordHash, passwordChangedAt: new Date() })
      .where(eq(schema.users.id, used.userId))
    await recordAudit(tx, { userId: used.userId, ip: input.ip, userAgent: input.userAgent }, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: used.userId,
    })
    return used.userId
  })
  await endAllUserSessions(userId)
  return { userId, cookie: await createUserSession(userId, { ip: input.ip, userAgent: input.userAgent }) }
}
