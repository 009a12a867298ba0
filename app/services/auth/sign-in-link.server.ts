import { and, count, eq, gt, isNull } from 'drizzle-orm'
import { createElement } from 'react'
import { schema, type DbOrTx } from '#db/index.ts'
import { newToken } from '#db/ids.ts'
import { SignInLinkEmail } from '#emails/sign-in-link.tsx'
import { config } from '#app/config.server.ts'
import { db } from '#app/db.server.ts'
import { enqueueEmail } from '#app/services/outbox/enqueue-email.server.ts'
import { sha256 } from '#app/utils/crypto.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { queueAuthMail } from './auth-mail-queue.server.ts'
import { startSignedInSession } from './login.server.ts'

export const SIGN_IN_LINK_TTL_MINUTES = 15
const MAX_PER_HOUR = 5
export const SIGN_IN_LINK_INVALID = 'This sign-in link has expired or was already used. Ask for a new one.'

/** Ask for a sign-in link: queued as typed, the same work for any email (see queueAuthMail). */
export async function requestSignInLink(email: string) {
  await queueAuthMail('sign-in-link', email)
}

/** Worker side (see processAuthMailRequests): a single-use, short-lived link; only its SHA-256 is stored. */
export async function sendSignInLinkEmail(tx: DbOrTx, user: { id: string; email: string; name: string }) {
  const hourAgo = new Date(Date.now() - 3600_000)
  const [recent] = await tx
    .select({ n: count() })
    .from(schema.signInLinks)
    .where(and(eq(schema.signInLinks.userId, user.id), gt(schema.signInLinks.createdAt, hourAgo)))
  if (Number(recent?.n ?? 0) >= MAX_PER_HOUR) return
  const token = newToken()
  await tx.insert(schema.signInLinks).values({
    userId: user.id,
    tokenHash: sha256(token),
    expiresAt: new Date(Date.now() + SIGN_IN_LINK_TTL_MINUTES * 60_000),
  })
  await enqueueEmail(tx, {
    template: 'sign-in-link',
    to: [user.email],
    subject: 'Your Greenroom sign-in link',
    element: createElement(SignInLinkEmail, {
      name: user.name,
      url: `${config().appUrl}/sign-in-link/${token}`,
      expiresInMinutes: SIGN_IN_LINK_TTL_MINUTES,
    }),
  })
}

export async function isSignInLinkValid(token: string) {
  const [row] = await db()
    .select({ id: schema.signInLinks.id })
    .from(schema.signInLinks)
    .where(and(eq(schema.signInLinks.tokenHash, sha256(token)), isNull(schema.signInLinks.usedAt), gt(schema.signInLinks.expiresAt, new Date())))
    .limit(1)
  return Boolean(row)
}

/**
 * Use a sign-in link once (one conditional UPDATE: two clicks at once give one session) and start a
 * session. The link is opened with a button (POST), so mail scanners that fetch links do not burn it.
 * Not subject to the password throttle: this is how the real user gets in while someone guesses.
 */
export async function signInWithLink(input: { token: string; ip: string | null; userAgent: string | null }) {
  const [used] = await db()
    .update(schema.signInLinks)
    .set({ usedAt: new Date() })
    .where(and(eq(schema.signInLinks.tokenHash, sha256(input.token)), isNull(schema.signInLinks.usedAt), gt(schema.signInLinks.expiresAt, new Date())))
    .returning({ userId: schema.signInLinks.userId })
  if (!used) throw new AppError(410, SIGN_IN_LINK_INVALID)
  const [user] = await db().select({ id: schema.users.id, email: schema.users.email }).from(schema.users).where(eq(schema.users.id, used.userId)).limit(1)
  if (!user) throw new AppError(410, SIGN_IN_LINK_INVALID)
  return startSignedInSession(user.id, user.email, input, 'user.login_link')
}
