import { and, count, eq, gt } from 'drizzle-orm'
import { createElement } from 'react'
import { schema } from '#db/index.ts'
import { newToken } from '#db/ids.ts'
import { PasswordResetEmail } from '#emails/password-reset.tsx'
import { config } from '#app/config.server.ts'
import { db } from '#app/db.server.ts'
import { enqueueEmail } from '#app/services/outbox/enqueue-email.server.ts'
import { sha256 } from '#app/utils/crypto.server.ts'

export const RESET_TTL_MINUTES = 60
const MAX_PER_HOUR = 3

/**
 * Email a one-time reset link if the account exists. The caller always shows the same answer,
 * so this does not reveal which emails have accounts.
 */
export async function requestPasswordReset(email: string): Promise<void> {
  const [user] = await db().select().from(schema.users).where(eq(schema.users.email, email)).limit(1)
  if (!user) return
  const hourAgo = new Date(Date.now() - 3600_000)
  const [recent] = await db()
    .select({ n: count() })
    .from(schema.passwordResets)
    .where(and(eq(schema.passwordResets.userId, user.id), gt(schema.passwordResets.createdAt, hourAgo)))
  if (Number(recent?.n ?? 0) >= MAX_PER_HOUR) return
  const token = newToken()
  await db().transaction(async (tx) => {
    await tx.insert(schema.passwordResets).values({
      userId: user.id,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + RESET_TTL_MINUTES * 60_000),
    })
    await enqueueEmail(tx, {
      template: 'password-reset',
      to: [user.email],
      subject: 'Reset your Greenroom password',
      element: createElement(PasswordResetEmail, {
        name: user.name,
        url: `${config().appUrl}/reset-password/${token}`,
        expiresInMinutes: RESET_TTL_MINUTES,
      }),
    })
  })
}
