import { eq, inArray, sql } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { dummyHash, verifyPassword } from '#app/auth/password.server.ts'
import { createUserSession } from '#app/auth/session.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { rowsOf } from '#app/services/outbox/deliver-outbox.server.ts'
import { sha256 } from '#app/utils/crypto.server.ts'
import { InvalidInputError, TooManyRequestsError } from '#app/utils/errors.ts'

export const LOGIN_WINDOW_MINUTES = 15
/** Failures for one account from one IP: a guesser is stopped quickly, the real user elsewhere is not. */
export const MAX_FAILURES_PER_ACCOUNT_AND_IP = 5
/** Failures from one IP over any accounts (one address spraying many accounts). */
export const MAX_FAILURES_PER_IP = 30
/**
 * Failures for one account from anywhere before attempts on it are slowed down. The account limit only
 * slows (it never refuses), so a handful of addresses cannot lock the real user out; the sign-in link
 * by email always works.
 */
export const ACCOUNT_SLOWDOWN_AFTER = 10
export const ACCOUNT_MAX_DELAY_MS = 8_000
export const BAD_CREDENTIALS = 'That email and password do not match an account.'
export const TOO_MANY =
  `Too many sign-in attempts from here. Wait ${LOGIN_WINDOW_MINUTES} minutes and try again, or ask for a sign-in link by email.`

/** Delay before checking a password for an account with `failures` recent failures (0 below the soft limit). */
export function accountDelayMs(failures: number): number {
  if (failures < ACCOUNT_SLOWDOWN_AFTER) return 0
  return Math.min(ACCOUNT_MAX_DELAY_MS, 250 * 2 ** Math.min(20, failures - ACCOUNT_SLOWDOWN_AFTER))
}

/** The wait is replaceable so tests can see it without sleeping. */
export const loginThrottleClock = {
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
}

/**
 * Count one attempt on each key and return the counts including it, in ONE statement (insert or
 * increment), so parallel attempts each see a distinct count: check and count are one atomic step on
 * both databases. A counter whose window has passed starts again at 1.
 */
export async function countAttempt(tx: DbOrTx, keys: string[], now = new Date()): Promise<Map<string, number>> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000)
  const values = sql.join(keys.map((k) => sql`(${k}, 1, ${now.toISOString()}::timestamptz)`), sql`, `)
  const result = await tx.execute<{ key: string; failures: number }>(sql`
    insert into login_throttle (key, failures, window_started_at) values ${values}
    on conflict (key) do update set
      failures = case when login_throttle.window_started_at < ${since.toISOString()}::timestamptz then 1 else login_throttle.failures + 1 end,
      window_started_at = case when login_throttle.window_started_at < ${since.toISOString()}::timestamptz then excluded.window_started_at else login_throttle.window_started_at end
    returning key, failures`)
  return new Map(rowsOf<{ key: string; failures: number }>(result).map((r) => [r.key, Number(r.failures)]))
}

/**
 * Check credentials and start a new session. Every attempt is counted before the password is checked
 * (countAttempt), per account + IP and per IP: past those limits the attempt is refused without checking
 * anything, so 40 parallel guesses get at most the limit tried. Per account (from anywhere) attempts are
 * only slowed down (accountDelayMs), never refused, and a sign-in link by email always gets the real user
 * in. Every lock ends when the window passes. The answer for an unknown email and a wrong password is the
 * same, and so is the work done.
 */
export async function login(input: { email: string; password: string; ip: string | null; userAgent: string | null }) {
  const accountKey = `email:${sha256(input.email)}`
  const ipKey = input.ip ? `ip:${sha256(input.ip)}` : null
  const pairKey = `pair:${sha256(`${input.email}\n${input.ip ?? '-'}`)}`
  const blocking = ipKey ? [pairKey, ipKey] : [pairKey]
  const counts = await countAttempt(db(), blocking)
  if ((counts.get(pairKey) ?? 0) > MAX_FAILURES_PER_ACCOUNT_AND_IP || (ipKey && (counts.get(ipKey) ?? 0) > MAX_FAILURES_PER_IP)) {
    throw new TooManyRequestsError(TOO_MANY)
  }
  // Only attempts that get past the blocking limits count against (and slow down) the account.
  const account = (await countAttempt(db(), [accountKey])).get(accountKey) ?? 0
  const delay = accountDelayMs(account - 1)
  if (delay > 0) await loginThrottleClock.sleep(delay)

  const [user] = await db().select().from(schema.users).where(eq(schema.users.email, input.email)).limit(1)
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await dummyHash(), input.password), false)

  if (!user || !ok) throw new InvalidInputError(BAD_CREDENTIALS, { password: [BAD_CREDENTIALS] })
  return startSignedInSession(user.id, input.email, input, 'user.login')
}

/**
 * After a proof of identity (password, sign-in link): the failed attempts for this account are cleared,
 * a session starts, and the sign-in is audited.
 */
export async function startSignedInSession(userId: string, email: string, input: { ip: string | null; userAgent: string | null }, action: 'user.login' | 'user.login_link') {
  await clearAccountThrottle(email, input.ip)
  const cookie = await createUserSession(userId, { ip: input.ip, userAgent: input.userAgent })
  await recordAudit(db(), { userId, ip: input.ip, userAgent: input.userAgent }, { action, entityType: 'user', entityId: userId })
  return { userId, cookie }
}

/**
 * After a successful sign-in (password or link): the account's counters start again, and the
 * attempt that succeeded is taken off the IP's count.
 */
export async function clearAccountThrottle(email: string, ip: string | null) {
  const accountKey = `email:${sha256(email)}`
  const pairKey = `pair:${sha256(`${email}\n${ip ?? '-'}`)}`
  await db().delete(schema.loginThrottle).where(inArray(schema.loginThrottle.key, [accountKey, pairKey]))
  if (ip) {
    await db()
      .update(schema.loginThrottle)
      .set({ failures: sql`greatest(${schema.loginThrottle.failures} - 1, 0)` })
      .where(eq(schema.loginThrottle.key, `ip:${sha256(ip)}`))
  }
}
