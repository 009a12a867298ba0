import { and, count, eq, gt, inArray } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { dummyHash, verifyPassword } from '#app/auth/password.server.ts'
import { createUserSession } from '#app/auth/session.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { sha256 } from '#app/utils/crypto.server.ts'
import { InvalidInputError, TooManyRequestsError } from '#app/utils/errors.ts'

export const LOGIN_WINDOW_MINUTES = 15
/** Failures for one account from one IP: a guesser is stopped quickly, the real user elsewhere is not. */
export const MAX_FAILURES_PER_ACCOUNT_AND_IP = 5
/** Failures for one account from anywhere (a guess spread over many IPs). */
export const MAX_FAILURES_PER_ACCOUNT = 25
export const MAX_FAILURES_PER_IP = 30
export const BAD_CREDENTIALS = 'That email and password do not match an account.'

/**
 * Check credentials and start a new session. Failures are throttled per account + IP, per account
 * and per IP (counted in the database so every app process agrees), so someone guessing from one
 * place locks only themselves out, not the real user signing in from elsewhere; every lock ends when
 * the window passes. The answer for an unknown email and a wrong password is the same, and so is the
 * time it takes.
 */
export async function login(input: { email: string; password: string; ip: string | null; userAgent: string | null }) {
  const accountKey = `email:${sha256(input.email)}`
  const ipKey = input.ip ? `ip:${sha256(input.ip)}` : null
  const pairKey = `pair:${sha256(`${input.email}\n${input.ip ?? '-'}`)}`
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000)
  const keys = ipKey ? [accountKey, pairKey, ipKey] : [accountKey, pairKey]
  const counts = await db()
    .select({ key: schema.loginAttempts.key, n: count() })
    .from(schema.loginAttempts)
    .where(and(inArray(schema.loginAttempts.key, keys), gt(schema.loginAttempts.at, since)))
    .groupBy(schema.loginAttempts.key)
  const failures = new Map(counts.map((c) => [c.key, Number(c.n)]))
  if (
    (failures.get(pairKey) ?? 0) >= MAX_FAILURES_PER_ACCOUNT_AND_IP ||
    (failures.get(accountKey) ?? 0) >= MAX_FAILURES_PER_ACCOUNT ||
    (ipKey && (failures.get(ipKey) ?? 0) >= MAX_FAILURES_PER_IP)
  ) {
    throw new TooManyRequestsError(
      `Too many sign-in attempts. Wait ${LOGIN_WINDOW_MINUTES} minutes and try again, or reset your password.`,
    )
  }

  const [user] = await db().select().from(schema.users).where(eq(schema.users.email, input.email)).limit(1)
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await dummyHash(), input.password), false)

  if (!user || !ok) {
    await db().insert(schema.loginAttempts).values(keys.map((key) => ({ key })))
    throw new InvalidInputError(BAD_CREDENTIALS, { password: [BAD_CREDENTIALS] })
  }
  await db().delete(schema.loginAttempts).where(inArray(schema.loginAttempts.key, [accountKey, pairKey]))
  const cookie = await createUserSession(user.id, { ip: input.ip, userAgent: input.userAgent })
  await recordAudit(db(), { userId: user.id, ip: input.ip, userAgent: input.userAgent }, {
    action: 'user.login',
    entityType: 'user',
    entityId: user.id,
  })
  return { userId: user.id, cookie }
}
