import { and, count, eq, gt } from 'drizzle-orm'
import { createElement } from 'react'
import { schema, type DbOrTx } from '#db/index.ts'
import { newToken } from '#db/ids.ts'
import { PasswordResetEmail } from '#emails/password-reset.tsx'
import { config } from '#app/config.server.ts'
import { enqueueEmail } from '#app/services/outbox/enqueue-email.server.ts'
import { sha256 } from '#app/utils/crypto.server.ts'
import { queueAuthMail } from './auth-mail-queue.server.ts'

export const RESET_TTL_MINUTES = 60
const MAX_PER_HOUR = 3

/**
 * Ask for a reset link. The request only queues what was typed (auth_mail_requests), so it does the
 * same work whether or not the email has an account; the worker (processAuthMailRequests) looks the
 * account up and emails the link. The caller always shows the same answer.
 */
export async function requestPasswordReset(email: string): Promise<void> {
  await queueAuthMail('password-reset', email)
}

/** Worker side: a one-time reset link for this user (at most 3 an hour). */
export async function sendPasswordResetEmail(tx: DbOrTx, user: { id: string; email: string; name: string }) {
  const hourAgo = new Date(Date.now() - 3600_000)
  const [recent] = await tx
    .select({ n: count() })
    .from(schema.passwordResets)
    .where(and(eq(schema.passwordResets.userId, user.id), gt(schema.passwordResets.createdAt, hourAgo)))
  if (Number(recent?.n ?? 0) >= MAX_PER_HOUR) return
  const token = newToken()
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
}
